'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { emailedLinkSchema, INVALID_LINK } from '@/lib/actions/emailed-link';
import { confirmPayoutChange } from '@/lib/payouts/service';

export const confirmPayoutChangeAction = defineAction({
  actor: 'emailed-link',
  schema: emailedLinkSchema,
  secretFields: ['token'],
  onInvalid: () => INVALID_LINK,
  async handler({ token }, { db, actor, ip }) {
    const result = await confirmPayoutChange(db, token, actor.viewer?.user.id ?? null, ip);
    if (!result.ok) return { ok: false, message: result.message };
    // Not back to the link's page, which would now find its link used: on to where the change
    // shows, or to sign-in when nobody is signed in here.
    redirect(
      actor.viewer ? '/settings/payout?notice=confirmed' : '/sign-in?notice=payout-confirmed',
    );
  },
});
