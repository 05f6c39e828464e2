import { getDatabase } from '@/db';
import { requestFreshInviteLink } from '@/lib/invites/fresh-link';
import { clientIp } from '@/lib/server/request';
import { isSameOriginPost, seeOther } from '@/lib/security/same-origin';

/** "Email me a fresh link" on an expired invite. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const back = `/invite/${encodeURIComponent(token)}`;
  if (!isSameOriginPost(request)) return new Response('Cross-site request refused', { status: 403 });
  const { db } = await getDatabase();
  const result = await requestFreshInviteLink(db, token, await clientIp());
  if (result.ok) return seeOther(`${back}?notice=fresh-link-sent`);
  if (result.reason === 'rate-limited') {
    return seeOther(`${back}?error=rate-limited&wait=${result.retryAfterSeconds}`, {
      headers: { 'retry-after': String(result.retryAfterSeconds) },
    });
  }
  return seeOther(back);
}
