import { getDatabase } from '@/db';
import { deleteSessionByToken } from '@/lib/auth/service';
import { loadActorOf } from '@/lib/actions/actor';
import { checkSameOrigin } from '@/lib/actions/origin';
import { readSessionCookie, setSessionCookie } from '@/lib/auth/session';
import { joinFromInvite } from '@/lib/invites/accept';
import { resolveInviteLink } from '@/lib/invites/landing';
import { seeOther } from '@/lib/security/same-origin';

type Params = { params: Promise<{ token: string }> };

/**
 * The invite page's button. A route handler rather than a server action: the page sends
 * no referrer, so its form posts carry "Origin: null", which server actions refuse.
 */
export async function POST(request: Request, { params }: Params) {
  const { token } = await params;
  const back = `/invite/${encodeURIComponent(token)}`;
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  // The token in the path is the credential; whoever is signed in here is checked against it.
  const actor = await loadActorOf('emailed-link');
  const viewer = actor?.viewer ?? null;
  const { db } = await getDatabase();
  const result = await joinFromInvite(db, token, {
    signedInUserId: viewer?.user.id ?? null,
    ip: actor?.ip ?? null,
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
