'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { emailedLinkSchema, INVALID_LINK } from '@/lib/actions/emailed-link';
import { selectPayoutProvider } from '@/lib/payments/select';
import { confirmWithdrawal } from '@/lib/withdrawals/confirm';

/**
 * The button of a withdrawal's emailed link. The token is the credential; someone else signed
 * in on this browser is refused. Balance, hold and tax information are checked again now.
 */
export const confirmWithdrawalAction = defineAction({
  actor: 'emailed-link',
  schema: emailedLinkSchema,
  secretFields: ['token'],
  onInvalid: () => INVALID_LINK,
  async handler({ token }, { db, actor }) {
    const result = await confirmWithdrawal(
      db,
      selectPayoutProvider(db),
      token,
      actor.viewer?.user.id ?? null,
    );
    if (!result.ok) return { ok: false, message: result.message };
    // On to the list, where the withdrawal shows (not back to the link, now used).
    redirect(
      actor.viewer ? '/earnings/withdraw?notice=requested' : '/sign-in?notice=withdrawal-confirmed',
    );
  },
});
