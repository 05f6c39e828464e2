import { formatHoldEnd, methodTitle } from '@/lib/payouts/present';
import type { PayoutMethodRow } from '@/lib/payouts/queries';
import { formatLongDate } from '@/lib/dates/format';
import {
  describeStripeRequirementErrors,
  describeStripeRequirements,
  stripeDisabledReason,
  stripeRequirementsPlace,
  type RequirementPlace,
} from '@/lib/payments/stripe-requirements';
import type { PayeeStatusRow } from './payee-status';

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

/**
 * The provider has stopped paying out to the method's payee (Stripe: `payouts_enabled`
 * false). A payee that is gone is not stopped: the next payout registers a new one.
 */
export const isPayeeStopped = (status: PayeeStatusRow | null | undefined) =>
  status?.closed === false && status.payoutsEnabled === false;

/**
 * What the provider's last word on the method's payee means for the freelancer, in plain
 * words, or null when it pays out and needs nothing. A payee that pays out but has
 * requirements due gets a warning (Stripe stops it at its deadline); one that does not pay
 * out is a refusal, with what Stripe asks for (by its deadline, if it set one), or why it
 * stopped. `href` is where to act (fixHrefFor: where the missing detail is given); without
 * one the freelancer can only wait (Stripe checking what it was given).
 */
const PAYOUT_SETTINGS = '/settings/payout';

/**
 * Where each kind of requirement is fixed (stripe-requirements.ts names the place): saving
 * there enqueues the payee sync, which sends it to Stripe. A requirement we do not collect
 * leaves the payout settings, where another method can be chosen.
 */
const FIX_HREFS: Record<RequirementPlace, string> = {
  'tax-information': '/settings/tax',
  'basic-info': '/onboarding/basic-info',
  'payout-methods': PAYOUT_SETTINGS,
  profile: '/settings/profile',
};

export const fixHrefFor = (requirements: readonly string[]) => {
  const place = stripeRequirementsPlace(requirements);
  return place ? FIX_HREFS[place] : PAYOUT_SETTINGS;
};

export function payeeStatusMessage(
  method: PayoutMethodRow,
  status: PayeeStatusRow | null | undefined,
  timeZone?: string,
): { text: string; href?: string } | null {
  if (!status || status.provider !== 'stripe') return null;
  const title = `your ${methodTitle(method)}`;
  if (status.closed) {
    // Not a refusal: the next withdrawal to it registers a new account.
    return {
      text: `Stripe no longer has the account we paid ${title} through. Your next withdrawal to it sets up a new one with the details you gave us; Stripe may ask you for some of them again.`,
      href: '/earnings/withdraw',
    };
  }
  const due = status.requirementsDue;
  // Stripe's deadline for what is due now, as a day in the freelancer's zone.
  const by = status.deadline ? ` by ${formatLongDate(status.deadline, timeZone)}` : '';
  // What Stripe refused in what it was given follows what it asks for, fixed at the same place.
  const refused = describeStripeRequirementErrors(status.errors);
  const withRefused = (text: string) => (refused ? `${text} ${refused}` : text);
  const fixHref = fixHrefFor([...due, ...status.errors.map((e) => e.requirement)]);
  if (status.payoutsEnabled) {
    if (due.length === 0) return null;
    return {
      text: withRefused(
        `Stripe needs more information${by} to keep paying out to ${title}: ${describeStripeRequirements(due)}. Withdrawals to it still go out until ${by ? 'then' : "Stripe's deadline"}.`,
      ),
      href: fixHref,
    };
  }
  if (due.length > 0) {
    return {
      text: withRefused(
        `Stripe needs more information${by} before it can pay out to ${title}: ${describeStripeRequirements(due)}.`,
      ),
      href: fixHref,
    };
  }
  switch (stripeDisabledReason(status.disabledReason)) {
    case 'verifying':
      return {
        text: `Stripe is checking your details before it can pay out to ${title}; this usually takes a few days.`,
      };
    case 'rejected':
      return {
        text: `Stripe will not pay out to ${title}; withdraw to another payout method.`,
        href: PAYOUT_SETTINGS,
      };
    default:
      return {
        text: withRefused(
          `Stripe has paused payouts to ${title}; contact our support team, or withdraw to another payout method.`,
        ),
        href: PAYOUT_SETTINGS,
      };
  }
}
