import { getDatabase } from '@/db';
import { deleteSessionByToken } from '@/lib/auth/service';
import { loadViewer, readSessionCookie, setSessionCookie } from '@/lib/auth/session';
import { joinFromInvite } from '@/lib/invites/accept';
import { resolveInviteLink } from '@/lib/invites/landing';
import { isSameOriginPost, seeOther } from '@/lib/security/same-origin';
import { clientIp } from '@/lib/server/request';

type Params = { params: Promise<{ token: string }> };

/**
 * The invite page's button. A route handler rather than a server action: the page sends
 * no referrer, so its form posts carry "Origin: null", which server actions refuse.
 */
export async function POST(request: Request, { params }: Params) {
  const { token } = await params;
  const back = `/invite/${encodeURIComponent(token)}`;
  if (!isSameOriginPost(request))
    return new Response('Cross-site request refused', { status: 403 });
  const viewer = await loadViewer();
  const { db } = await getDatabase();
  const result = await joinFromInvite(db, token, {
    signedInUserId: viewer?.user.id ?? null,
    ip: await clientIp(),
  });
  if (!result.ok) {
    // A double click: the first click already signed this browser in as the invitee.
    const state = await resolveInviteLink(db, token);
    if (state.kind === 'used' && viewer && state.invite.joinedById === viewer.user.id)
      return seeOther('/onboarding');
    return seeOther(`${back}?error=${result.reason}`);
  }
  const previous = await readSessionCookie();
  if (previous) await deleteSessionByToken(db, previous);
  await setSessionCookie(result.session);
  return seeOther('/onboarding');
}
