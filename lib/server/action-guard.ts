import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookieName } from '@/lib/auth/constants';
import { ACTION_BODY_LIMIT_BYTES, ANONYMOUS_ACTION_LIMIT_BYTES } from '@/lib/server/body-limits';

/**
 * For server-action posts (with JavaScript: a Next-Action header; without: a multipart post
 * to a page), before Next.js reads their body (called from proxy.ts):
 * - a cross-site or `null` Origin gets 403. Next.js refuses those itself but answers 500
 *   (next/dist/server/app-render/action-handler.js); the rule here is the same as its own:
 *   the Origin's host must be the request's X-Forwarded-Host or Host.
 * - a body larger than its limit gets 413 from the declared Content-Length: the action
 *   limit for everyone, a few kB without a session cookie; an anonymous post that declares
 *   no length gets 411 (browsers always declare it).
 * Whether a session cookie is valid is the action's business; the cookie only chooses the cap.
 */
export function guardServerAction(request: NextRequest): NextResponse {
  if (request.method !== 'POST') return NextResponse.next();
  const origin = request.headers.get('origin');
  if (origin !== null && !isSameHost(origin, request.headers)) {
    return new NextResponse('Cross-site request refused', { status: 403 });
  }
  const declared = request.headers.get('content-length');
  const signedIn =
    request.cookies.has(sessionCookieName(true)) || request.cookies.has(sessionCookieName(false));
  if (declared === null) {
    return signedIn ? NextResponse.next() : new NextResponse('Length required', { status: 411 });
  }
  const limit = signedIn ? ACTION_BODY_LIMIT_BYTES : ANONYMOUS_ACTION_LIMIT_BYTES;
  if (!(Number(declared) <= limit)) {
    return new NextResponse('Request body too large', { status: 413 });
  }
  return NextResponse.next();
}

function isSameHost(origin: string, headers: Headers): boolean {
  if (origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  return host === expected;
}
