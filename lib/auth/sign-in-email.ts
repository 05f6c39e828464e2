import { createElement } from 'react';
import type { Db } from '@/db/client';
import { getEnv } from '@/lib/env';
import { sendEmail } from '@/lib/email/outbox';
import { returnPathFromUrl } from '@/lib/security/return-path';
import SignInEmail, { signInSubject } from '@/emails/sign-in';

/** Auth.js's callback URL when the sign-in form names no page: the person's home. */
export const HOME_CALLBACK = '/';

/**
 * The confirmation page URL, always on APP_URL: never the request's Host. `callbackUrl` is
 * the page to return to, as Auth.js passes it (made absolute on the request's origin): only
 * its path is kept, and only a path on this site.
 */
export function signInConfirmUrl(email: string, token: string, callbackUrl?: string): string {
  const url = new URL('/sign-in/confirm', getEnv().APP_URL);
  url.searchParams.set('token', token);
  url.searchParams.set('email', email);
  const next = returnPathFromUrl(callbackUrl ?? null);
  if (next && next !== HOME_CALLBACK) url.searchParams.set('next', next);
  return url.toString();
}

export async function enqueueSignInEmail(
  db: Db,
  input: { email: string; token: string; expires: Date; callbackUrl?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await sendEmail(tx, {
      to: input.email,
      subject: signInSubject,
      template: 'sign-in',
      containsSecret: true,
      element: createElement(SignInEmail, {
        url: signInConfirmUrl(input.email, input.token, input.callbackUrl),
        expiresAt: input.expires,
      }),
    });
  });
}
