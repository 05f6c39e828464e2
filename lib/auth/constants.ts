export const SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60;
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** Where Auth.js's route handler is mounted (app/api/auth/[...nextauth]). */
export const AUTH_BASE_PATH = '/api/auth';

/** The cookie Auth.js reads; `__Secure-` in production, where it is also Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

/** Set by proxy.ts on pages of the signed-in areas: the path and query asked for. */
export const RETURN_PATH_HEADER = 'x-workbridge-return-path';
