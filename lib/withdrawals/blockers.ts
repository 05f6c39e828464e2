import type { DbOrTx } from '@/db/client';
import type { Blocker } from '@/lib/checklist';
import { now } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { listActivePayoutMethods, type PayoutMethodRow } from '@/lib/payouts/queries';
import { findTaxProfile } from '@/lib/tax/queries';
import { payeeStatusesOf, type PayeeStatusRow } from './payee-status';
import {
  hasTaxInfo,
  isPastHold,
  isPayeeStopped,
  onHoldMessage,
  payeeStatusMessage,
  TAX_INFO_MISSING,
} from './rules';
import { WITHDRAWAL_CURRENCY } from './service';

/**
 * What the blockers are read from: the available balance, the active methods (each with
 * what Stripe last said about its connected account, if anything), the tax form.
 */
export type WithdrawalState = {
  availableCents: number;
  methods: (PayoutMethodRow & { payeeStatus: PayeeStatusRow | null })[];
  hasTaxInfo: boolean;
};

/**
 * "Why can't I withdraw?": every reason the withdraw action would refuse any withdrawal now,
 * each with where to fix it, through the same rules the action checks (rules.ts). The
 * onboarding page hands them to the blockers panel as data (lib/onboarding sits below this).
 */
export async function withdrawalBlockers(
  db: DbOrTx,
  freelancerId: string,
  options: { at?: Date; timeZone?: string } = {},
): Promise<Blocker[]> {
  const methods = await listActivePayoutMethods(db, freelancerId);
  const statuses = await payeeStatusesOf(
    db,
    methods.map((m) => m.id),
  );
  const state = {
    availableCents: await balanceOf(db, accounts.available(freelancerId), WITHDRAWAL_CURRENCY),
    methods: methods.map((m) => ({ ...m, payeeStatus: statuses.get(m.id) ?? null })),
    hasTaxInfo: hasTaxInfo(await findTaxProfile(db, freelancerId)),
  };
  return withdrawalBlockersOf(state, options);
}

/**
 * The same blockers from a state already read: the withdraw page has it from
 * withdrawalOverview and asks no statement more for its warning list.
 */
export function withdrawalBlockersOf(
  state: WithdrawalState,
  options: { at?: Date; timeZone?: string } = {},
): Blocker[] {
  const at = options.at ?? now();
  const { methods } = state;
  const blockers: Blocker[] = [];
  if (state.availableCents <= 0) {
    blockers.push({
      key: 'withdraw-balance',
      text: 'You have no available balance to withdraw yet; see when pending money becomes available.',
      href: '/earnings',
    });
  }
  if (methods.length === 0) {
    blockers.push({
      key: 'withdraw-method',
      text: 'You have no active payout method to withdraw to.',
      href: '/settings/payout',
    });
  } else if (!methods.some((m) => isPastHold(m, at) && !isPayeeStopped(m.payeeStatus))) {
    for (const method of methods.filter((m) => !isPastHold(m, at))) {
      blockers.push({
        key: `withdraw-hold-${method.id}`,
        text: onHoldMessage(method, options.timeZone),
        href: '/settings/payout',
      });
    }
  }
  // What Stripe asks for is named even while another method works: it stops that method.
  for (const method of methods) {
    const message = payeeStatusMessage(method, method.payeeStatus, options.timeZone);
    if (!message) continue;
    const key = `withdraw-payee-${method.id}`;
    blockers.push(
      message.href
        ? { key, text: message.text, href: message.href }
        : {
            key,
            text: message.text,
            status: 'Nothing for you to do; this changes once Stripe is done.',
          },
    );
  }
  if (!state.hasTaxInfo) {
    blockers.push({ key: 'withdraw-tax-info', text: TAX_INFO_MISSING, href: '/settings/tax' });
  }
  return blockers;
}
