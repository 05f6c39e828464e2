import { getDatabase } from '@/db';
import { deleteSessionByToken } from '@/lib/auth/service';
import { clearSessionCookie, readSessionCookie } from '@/lib/auth/session';
import { checkSameOrigin } from '@/lib/actions/origin';
import { seeOther } from '@/lib/security/same-origin';

/** Someone else is signed in on this browser: end that session, then show the invite again. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const { db } = await getDatabase();
  const current = await readSessionCookie();
  if (current) await deleteSessionByToken(db, current);
  await clearSessionCookie();
  return seeOther(`/invite/${encodeURIComponent(token)}`);
}
