import { NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/db';
import { resolveInviteLink } from '@/lib/invites/landing';
import { inviteLinkStatus } from '@/lib/invites/link-status';
import { guardServerAction } from '@/lib/server/action-guard';

/**
 * Two jobs, each for the requests its matcher names:
 * - server-action posts: origin and size checks before Next.js reads the body
 *   (lib/server/action-guard.ts);
 * - invite links: a page cannot choose its status, so a dead link's page (the same page,
 *   rendered as usual) is answered 410 from here. Reading the link changes nothing.
 *   Unknown tokens get their 404 from the page's notFound().
 */
export async function proxy(request: NextRequest) {
  if (request.headers.has('next-action')) return guardServerAction(request);
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  // The matcher hands over /invite/<one segment>; Next.js has already decoded it.
  const token = request.nextUrl.pathname.split('/')[2] ?? '';
  const { db } = await getDatabase();
  const status = inviteLinkStatus((await resolveInviteLink(db, token)).kind);
  return status === 410 ? NextResponse.rewrite(request.nextUrl, { status }) : NextResponse.next();
}

export const config = {
  matcher: [{ source: '/:path*', has: [{ type: 'header', key: 'next-action' }] }, '/invite/:token'],
};
