'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import { homeFor } from '@/lib/accounts/service';
import { defineAction, type Refusal } from '@/lib/actions/define-action';
import { signIn } from '@/lib/auth/config';
import { checkSignInLinkLimits, confirmSignIn, deleteSessionByToken } from '@/lib/auth/service';
import { isAdminEmail, readSessionCookie, setSessionCookie } from '@/lib/auth/session';
import { HOME_CALLBACK } from '@/lib/auth/sign-in-email';
import { safeReturnPath } from '@/lib/security/return-path';

/** The page to return to after signing in: anything but a path on this site is dropped. */
const returnPath = z
  .string()
  .optional()
  .transform((v) => safeReturnPath(v) ?? undefined);

/**
 * Sends a sign-in link. The answer is the same whether or not an account exists; the
 * only other answer is the rate limit, which does not depend on the account either.
 */
export const requestSignInLinkAction = defineAction({
  actor: 'anyone',
  schema: z.object({ email: emailSchema, next: returnPath }),
  async handler({ email, next }, { db, ip }) {
    const limits = await checkSignInLinkLimits(db, email, ip);
    if (!limits.ok) return { ok: false, message: limits.message };
    // Auth.js hands the page to return to on to the link (lib/auth/sign-in-email.ts).
    await signIn('email', { email, redirect: false, redirectTo: next ?? HOME_CALLBACK });
    redirect('/sign-in/check-email');
  },
});

const EXPIRED: Refusal = {
  ok: false,
  message:
    'This sign-in link has expired or was already used. Ask for a new one below; links work once and for 15 minutes.',
};

export const confirmSignInAction = defineAction({
  actor: 'emailed-link',
  schema: z.object({
    email: emailSchema,
    token: z.string().min(10).max(200),
    next: returnPath,
  }),
  secretFields: ['token'],
  onInvalid: () => EXPIRED,
  async handler(input, { db, ip }) {
    const result = await confirmSignIn(db, { ...input, ip });
    if (!result.ok) return EXPIRED;
    const previous = await readSessionCookie();
    if (previous) await deleteSessionByToken(db, previous);
    await setSessionCookie(result.session);
    redirect(
      input.next ?? homeFor(result.user.activeSide, { isAdmin: isAdminEmail(result.user.email) }),
    );
  },
});
