import { getEnv } from '@/lib/env';

/**
 * For route handlers that change state from our own forms. Browsers send Sec-Fetch-Site
 * on every request; a form on a no-referrer page sends "Origin: null", so that page's
 * posts are recognised by Sec-Fetch-Site. Anything cross-site is refused.
 */
export function isSameOriginPost(request: Request): boolean {
  return isSameOriginHeaders(request.headers);
}

/** The same rule for a server action, which sees only the request's headers. */
export function isSameOriginHeaders(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = headers.get('origin');
  return origin !== null && origin === new URL(getEnv().APP_URL).origin;
}

/** 303 to a path on this site (relative, so it works behind any host name). */
export function seeOther(path: string, init?: { headers?: HeadersInit }): Response {
  const headers = new Headers(init?.headers);
  headers.set('location', path);
  return new Response(null, { status: 303, headers });
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * 429 with Retry-After for a route handler past a limit: a plain page (forms post here
 * without JavaScript too) with the message and a way back.
 */
export function tooManyRequests(
  message: string,
  retryAfterSeconds: number,
  back: { href: string; label: string },
): Response {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too many requests · Workbridge</title></head><body><main><h1>Too many requests</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p></main></body></html>`;
  return new Response(page, {
    status: 429,
    headers: {
      'retry-after': String(retryAfterSeconds),
      'content-type': 'text/html; charset=utf-8',
    },
  });
}
