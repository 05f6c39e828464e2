/**
 * Where to send a person after signing in, from a `next` parameter anyone can write: only a
 * path on this site. A path starts with one `/`; `//host` and `/\host` are other sites to a
 * browser, and a scheme (`https:`, `javascript:`) is refused by the first rule. Control
 * characters and backslashes are refused because browsers strip or turn them into `/`.
 * Returns null for anything else, so the caller falls back to the person's home.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  // The sign-in pages themselves would loop back here.
  if (value === '/sign-in' || value.startsWith('/sign-in/') || value.startsWith('/sign-in?'))
    return null;
  return value;
}

/**
 * The path part of a callback URL Auth.js made absolute on the request's origin: the origin
 * is dropped (links use APP_URL only), then the path is checked like any other.
 */
export function returnPathFromUrl(value: string | null): string | null {
  if (!value) return null;
  if (value.startsWith('/')) return safeReturnPath(value);
  try {
    const url = new URL(value);
    return safeReturnPath(`${url.pathname}${url.search}`);
  } catch {
    return null;
  }
}
