import { NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/db';
import { screenInviteLink } from '@/lib/invites/landing';
import { inviteLinkStatus } from '@/lib/invites/link-status';
import { guardServerAction } from '@/lib/server/action-guard';

/**
 * Two jobs, each for the requests its matcher names:
 * - server-action posts: origin and size checks before Next.js reads the body
 *   (lib/server/action-guard.ts). With JavaScript they carry a Next-Action header; without,
 *   they are multipart posts to a page. Next.js copies a matched body for the proxy (up to
 *   proxyClientMaxBodySize in next.config.ts), so the upload routes are never matched;
 *   /api has no actions.
 * - invite links: a page cannot choose its status, so a dead link's page (the same page,
 *   rendered as usual) is answered 410 from here, by a small read of the link's status (the
 *   page then reads it in full). Reading the link changes nothing.
 *   Unknown tokens get their 404 from the page's notFound().
 */
export async function proxy(request: NextRequest) {
  if (request.method === 'POST') return guardServerAction(request);
  const [, section, token, ...rest] = request.nextUrl.pathname.split('/');
  const isInviteLink = section === 'invite' && token && rest.length === 0;
  if (!isInviteLink || (request.method !== 'GET' && request.method !== 'HEAD'))
    return NextResponse.next();
  const { db } = await getDatabase();
  const status = inviteLinkStatus(await screenInviteLink(db, token));
  return status === 410 ? NextResponse.rewrite(request.nextUrl, { status }) : NextResponse.next();
}

export const config = {
  matcher: [
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
    {
      source: '/((?!api/|onboarding/compliance/submit|settings/profile/photo).*)',
      has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }],
    },
    '/invite/:token',
  ],
};
