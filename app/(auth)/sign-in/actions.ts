'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import { homeFor } from '@/lib/accounts/service';
import { defineAction, type Refusal } from '@/lib/actions/define-action';
import { signIn } from '@/lib/auth/config';
import { checkSignInLinkLimits, confirmSignIn, deleteSessionByToken } from '@/lib/auth/service';
import { readSessionCookie, setSessionCookie } from '@/lib/auth/session';

/**
 * Sends a sign-in link. The answer is the same whether or not an account exists; the
 * only other answer is the rate limit, which does not depend on the account either.
 */
export const requestSignInLinkAction = defineAction({
  actor: 'anyone',
  schema: z.object({ email: emailSchema }),
  async handler({ email }, { db, ip }) {
    const limits = await checkSignInLinkLimits(db, email, ip);
    if (!limits.ok) return { ok: false, message: limits.message };
    await signIn('email', { email, redirect: false, redirectTo: '/welcome' });
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
  schema: z.object({ email: emailSchema, token: z.string().min(10).max(200) }),
  secretFields: ['token'],
  onInvalid: () => EXPIRED,
  async handler(input, { db, ip }) {
    const result = await confirmSignIn(db, { ...input, ip });
    if (!result.ok) return EXPIRED;
    const previous = await readSessionCookie();
    if (previous) await deleteSessionByToken(db, previous);
    await setSessionCookie(result.session);
    redirect(homeFor(result.user.activeSide));
  },
});
