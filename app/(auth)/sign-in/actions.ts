'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { emailSchema } from '@/lib/accounts/schemas';
import { homeFor } from '@/lib/accounts/service';
import { signIn } from '@/lib/auth/config';
import { checkSignInLinkLimits, confirmSignIn, deleteSessionByToken } from '@/lib/auth/service';
import { readSessionCookie, setSessionCookie } from '@/lib/auth/session';
import { NOT_A_FORM, isForm, failure, invalid, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/server/request';

const requestSchema = z.object({ email: emailSchema });

/**
 * Sends a sign-in link. The answer is the same whether or not an account exists; the
 * only other answer is the rate limit, which does not depend on the account either.
 */
export async function requestSignInLinkAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const parsed = requestSchema.safeParse({ email: formData.get('email') });
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  const limits = await checkSignInLinkLimits(db, parsed.data.email, await clientIp());
  if (!limits.ok) return failure(limits.message);
  await signIn('email', { email: parsed.data.email, redirect: false, redirectTo: '/welcome' });
  redirect('/sign-in/check-email');
}

const confirmSchema = z.object({ email: emailSchema, token: z.string().min(10).max(200) });

export async function confirmSignInAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const parsed = confirmSchema.safeParse({
    email: formData.get('email'),
    token: formData.get('token'),
  });
  const expiredMessage =
    'This sign-in link has expired or was already used. Ask for a new one below; links work once and for 15 minutes.';
  if (!parsed.success) return failure(expiredMessage);
  const { db } = await getDatabase();
  const result = await confirmSignIn(db, { ...parsed.data, ip: await clientIp() });
  if (!result.ok) return failure(expiredMessage);
  const previous = await readSessionCookie();
  if (previous) await deleteSessionByToken(db, previous);
  await setSessionCookie(result.session);
  redirect(homeFor(result.user.activeSide));
}
