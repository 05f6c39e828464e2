import { NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/db';
import { screenInviteLink } from '@/lib/invites/landing';
import { inviteLinkStatus } from '@/lib/invites/link-status';
import { RETURN_PATH_HEADER } from '@/lib/auth/constants';
import { guardServerAction } from '@/lib/server/action-guard';

/** The signed-in areas: a visitor sent to sign in comes back to the page they asked for. */
const SIGNED_IN_SECTIONS = new Set(['admin', 'client', 'compliance', 'onboarding', 'settings']);

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
 * - pages of the signed-in areas: the path asked for goes to the page as a request header,
 *   so requireViewer can send a visitor to sign in and back (a page is not told its URL).
 */
export async function proxy(request: NextRequest) {
  if (request.method === 'POST') return guardServerAction(request);
  const [, section, token, ...rest] = request.nextUrl.pathname.split('/');
  if (SIGNED_IN_SECTIONS.has(section) && request.method === 'GET') {
    const headers = new Headers(request.headers);
    headers.set(RETURN_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.next({ request: { headers } });
  }
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
      // The upload routes read their own bodies with their own caps (lib/server/form-body.ts).
      source:
        '/((?!api/|onboarding/compliance/submit|settings/profile/photo|contracts/.*/submit/upload|jobs/.*/propose/send).*)',
      has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }],
    },
    '/invite/:token',
    {
      // Page loads only: a body (an upload above all) is never copied for the proxy.
      source: '/:section(admin|client|compliance|onboarding|settings)/:path*',
      missing: [{ type: 'header', key: 'content-type' }],
    },
  ],
};
