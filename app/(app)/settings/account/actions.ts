'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  CHANGING_EMAIL,
  changeEmailSchema,
  confirmEmailChange,
  requestEmailChange,
} from '@/lib/accounts/email-change';
import { workspaceTimeZoneSchema } from '@/lib/accounts/schemas';
import { setWorkspaceTimeZone } from '@/lib/accounts/service';
import { signOutEverywhere } from '@/lib/accounts/sessions';
import { defineAction, defineFormAction, type HandlerResult } from '@/lib/actions/define-action';
import { emailedLinkSchema, INVALID_LINK } from '@/lib/actions/emailed-link';
import { clearSessionCookie } from '@/lib/auth/session';

export const requestEmailChangeAction = defineAction({
  actor: 'signed-in',
  schema: changeEmailSchema,
  recentSignIn: CHANGING_EMAIL,
  async handler(input, { db, actor }) {
    const result = await requestEmailChange(db, actor, input);
    if (!result.ok && result.reason === 'sign-in-again')
      return { ...result, link: { href: '/sign-in', label: 'Sign in again' } };
    return result;
  },
});

export const confirmEmailChangeAction = defineAction({
  actor: 'emailed-link',
  schema: emailedLinkSchema,
  secretFields: ['token'],
  onInvalid: () => INVALID_LINK,
  async handler({ token }, { db, actor, ip }) {
    const result = await confirmEmailChange(db, token, actor.viewer?.user.id ?? null, ip);
    if (!result.ok) return { ok: false, message: result.message };
    // Staying here would render the link's page again, which now finds its link used and says
    // only that: go on to the account page, or to sign-in when nobody is signed in here.
    if (!actor.viewer) redirect('/sign-in?notice=email-changed');
    // The header shows the signed-in address: render it again.
    revalidatePath('/', 'layout');
    redirect('/settings/account?notice=email-changed');
  },
});

export const signOutEverywhereAction = defineFormAction({
  actor: 'anyone',
  schema: z.object({}),
  refusedTo: '/sign-in',
  async handler(_input, { db, actor, ip }) {
    if (actor.viewer) await signOutEverywhere(db, actor.viewer.user.id, ip);
    await clearSessionCookie();
    revalidatePath('/', 'layout');
    redirect('/sign-in');
  },
});

export const saveWorkspaceTimeZoneAction = defineAction({
  actor: 'client',
  schema: workspaceTimeZoneSchema,
  async handler(input, { db, actor }): Promise<HandlerResult<object>> {
    // The workspace is the caller's own, from the session; the form names none.
    const saved = await setWorkspaceTimeZone(db, actor.inviter.workspaceId, input);
    if (!saved) return { ok: false, message: 'This account has no client workspace.' };
    return { ok: true, message: `Times on your client pages are now shown in ${input.timeZone}.` };
  },
});
