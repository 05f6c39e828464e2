export const SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60;
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The cookie Auth.js reads; `__Secure-` in production, where it is also Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Secure-authjs.session-token' : 'authjs.session-token';
}
