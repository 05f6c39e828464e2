import { getDatabase } from '@/db';
import { requestFreshInviteLink } from '@/lib/invites/fresh-link';
import { clientIp } from '@/lib/server/request';
import { checkSameOrigin } from '@/lib/actions/origin';
import { seeOther, tooManyRequests } from '@/lib/security/same-origin';

/** "Email me a fresh link" on an expired invite. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const back = `/invite/${encodeURIComponent(token)}`;
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return seeOther('/invite/unknown');
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const { db } = await getDatabase();
  const result = await requestFreshInviteLink(db, token, await clientIp());
  if (result.ok) return seeOther(`${back}/fresh-link/sent`);
  if (result.reason === 'rate-limited') {
    return tooManyRequests(result.message, result.retryAfterSeconds, {
      href: back,
      label: 'Back to the invitation',
    });
  }
  return seeOther(back);
}
