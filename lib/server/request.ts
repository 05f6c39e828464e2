import { headers } from 'next/headers';

/** The client address as the load balancer reports it; used for rate limits and audit. */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || h.get('x-real-ip') || 'unknown';
}
