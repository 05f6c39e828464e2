import { createHmac } from 'node:crypto';
import { safeEqual } from './tokens';

const TOLERANCE_SECONDS = 5 * 60;

/**
 * Verifies a Svix-signed webhook (what Resend sends): HMAC-SHA256 over
 * "<svix-id>.<svix-timestamp>.<raw body>" with the base64 secret after "whsec_", within
 * five minutes of the timestamp. Any of the space-separated "v1,<sig>" entries may match.
 */
export function verifySvixSignature(
  secret: string,
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  rawBody: string,
  now = Date.now(),
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${id}.${timestamp}.${rawBody}`)
    .digest('base64');
  return signature
    .split(' ')
    .map((part) => part.split(',', 2))
    .some(
      ([version, sig]) => version === 'v1' && typeof sig === 'string' && safeEqual(sig, expected),
    );
}

/** Signs like Svix does; used by tests and local tools. */
export function signSvix(secret: string, id: string, timestamp: number, rawBody: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest('base64')}`;
}
