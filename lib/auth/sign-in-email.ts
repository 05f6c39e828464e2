import { createElement } from 'react';
import type { Db } from '@/db/client';
import { getEnv } from '@/lib/env';
import { sendEmail } from '@/lib/email/outbox';
import SignInEmail, { signInSubject } from '@/emails/sign-in';

/** The confirmation page URL, always on APP_URL: never the request's Host. */
export function signInConfirmUrl(email: string, token: string): string {
  const url = new URL('/sign-in/confirm', getEnv().APP_URL);
  url.searchParams.set('token', token);
  url.searchParams.set('email', email);
  return url.toString();
}

export async function enqueueSignInEmail(
  db: Db,
  input: { email: string; token: string; expires: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await sendEmail(tx, {
      to: input.email,
      subject: signInSubject,
      template: 'sign-in',
      containsSecret: true,
      element: createElement(SignInEmail, {
        url: signInConfirmUrl(input.email, input.token),
        expiresAt: input.expires,
      }),
    });
  });
}
