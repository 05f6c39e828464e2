import { getEnv } from '@/lib/env';

/**
 * For route handlers that change state from our own forms. Browsers send Sec-Fetch-Site
 * on every request; a form on a no-referrer page sends "Origin: null", so that page's
 * posts are recognised by Sec-Fetch-Site. Anything cross-site is refused.
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.headers.get('origin');
  return origin !== null && origin === new URL(getEnv().APP_URL).origin;
}

/** 303 to a path on this site (relative, so it works behind any host name). */
export function seeOther(path: string, init?: { headers?: HeadersInit }): Response {
  const headers = new Headers(init?.headers);
  headers.set('location', path);
  return new Response(null, { status: 303, headers });
}
