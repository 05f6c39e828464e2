import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';
import { PEER_ADDRESS_HEADER } from '@/lib/server/peer-address';

const unmapped = (address: string) =>
  // Node reports IPv4 peers on a dual-stack socket as IPv4-mapped IPv6.
  address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * With no trusted proxy, the connection's own address. Behind `trustedHops` proxies, each
 * appended the address it saw to X-Forwarded-For, so the client is the entry that many
 * from the right end; entries further left were written by the client and are never read.
 * No address (a request the hook in lib/server/peer-address.ts did not see): 'unknown', one
 * shared bucket for the rate limits rather than one the client picks.
 */
export function clientIpFrom(
  request: { peerAddress: string | null; forwardedFor: string | null },
  trustedHops: number,
): string {
  if (trustedHops === 0) return request.peerAddress ? unmapped(request.peerAddress) : 'unknown';
  const entries = (request.forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: every entry there was still written by a trusted proxy.
  const address = entries[Math.max(0, entries.length - trustedHops)];
  return address ? unmapped(address) : 'unknown';
}

/** The client address, for rate limits and the audit log. */
export async function clientIp(): Promise<string> {
  const h = await headers();
  return clientIpFrom(
    { peerAddress: h.get(PEER_ADDRESS_HEADER), forwardedFor: h.get('x-forwarded-for') },
    getEnv().TRUSTED_PROXY_HOPS,
  );
}
