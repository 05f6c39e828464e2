import type { DbOrTx } from '@/db/client';
import type { Blocker } from '@/lib/checklist';
import { now } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { listActivePayoutMethods } from '@/lib/payouts/queries';
import { findTaxProfile } from '@/lib/tax/queries';
import { hasTaxInfo, isPastHold, onHoldMessage, TAX_INFO_MISSING } from './rules';
import { WITHDRAWAL_CURRENCY } from './service';

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
  const at = options.at ?? now();
  const available = await balanceOf(db, accounts.available(freelancerId), WITHDRAWAL_CURRENCY);
  const methods = await listActivePayoutMethods(db, freelancerId);
  const taxProfile = await findTaxProfile(db, freelancerId);
  const blockers: Blocker[] = [];
  if (available <= 0) {
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
  } else if (!methods.some((m) => isPastHold(m, at))) {
    for (const method of methods) {
      blockers.push({
        key: `withdraw-hold-${method.id}`,
        text: onHoldMessage(method, options.timeZone),
        href: '/settings/payout',
      });
    }
  }
  if (!hasTaxInfo(taxProfile)) {
    blockers.push({ key: 'withdraw-tax-info', text: TAX_INFO_MISSING, href: '/settings/tax' });
  }
  return blockers;
}
