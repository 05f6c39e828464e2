import { formatHoldEnd, methodTitle } from '@/lib/payouts/present';
import type { PayoutMethodRow } from '@/lib/payouts/queries';

/*
 * The rules a withdrawal must pass, shared by the withdraw action (refusalOf in service.ts)
 * and the "why can't I withdraw?" blockers (blockers.ts), so the two cannot disagree.
 */

/** A new payout method waits out its 3-day security hold before money may go to it. */
export const isPastHold = (method: Pick<PayoutMethodRow, 'usableAfter'>, at: Date) =>
  method.usableAfter <= at;

export const onHoldMessage = (method: PayoutMethodRow, timeZone?: string) =>
  `${methodTitle(method)} is in its 3-day security hold until ${formatHoldEnd(method.usableAfter, timeZone)}; withdrawals to it open then.`;

export const hasTaxInfo = (taxProfile: unknown) => Boolean(taxProfile);

export const TAX_INFO_MISSING =
  'Add your tax information in Settings → Tax information before your first withdrawal.';
