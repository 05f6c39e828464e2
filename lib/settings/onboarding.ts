import type { Blocker } from '@/lib/checklist';
import {
  formatHoldEnd,
  methodShortName,
  toView,
  type PayoutMethodView,
} from '@/lib/payouts/present';
import type { PayoutMethodRow } from '@/lib/payouts/queries';
import type { ProfileRow } from '@/lib/profile/queries';
import { completenessOf } from '@/lib/profile/service';

/** The share of the completeness meter that counts as "profile done": its first half. */
export const PROFILE_DONE_PERCENT = 50;

/** What the settings steps and blockers look at, loaded once per page. */
export type SettingsContext = {
  now: Date;
  payoutMethods: PayoutMethodView[];
  pendingPayoutConfirmations: number;
  hasTaxInfo: boolean;
  profilePercent: number;
};

/** Shaped like lib/checklist's Step (Blocker is that one), so they join the same lists. */
export type SettingsStep = {
  key: 'payout' | 'tax' | 'profile';
  label: string;
  href: string;
  done: boolean;
};
export type SettingsBlocker = Blocker;

/** The settings part of the onboarding records (lib/onboarding reads them in one statement). */
export type SettingsRecords = {
  payoutMethods: PayoutMethodRow[];
  pendingPayoutConfirmations: number;
  hasTaxInfo: boolean;
  profile: ProfileRow | null;
};

export function settingsContextOf(records: SettingsRecords, now: Date): SettingsContext {
  return {
    now,
    payoutMethods: records.payoutMethods.map((row) => toView(row, now)),
    pendingPayoutConfirmations: records.pendingPayoutConfirmations,
    hasTaxInfo: Boolean(records.hasTaxInfo),
    profilePercent: completenessOf(records.profile ?? undefined).percent,
  };
}

/**
 * Payout, tax and profile entries of the onboarding checklist. A method still in its hold
 * counts as done (the hold is a blocker, not a step); the profile counts once the first half
 * of the meter (photo, overview, a job, a skill) is there. Visibility has a safe default
 * (private), so it is not part of the step.
 */
export function settingsSteps(ctx: SettingsContext): SettingsStep[] {
  return [
    {
      key: 'payout',
      label: 'Payout method',
      href: '/settings/payout',
      done: ctx.payoutMethods.length > 0,
    },
    { key: 'tax', label: 'Tax information', href: '/settings/tax', done: ctx.hasTaxInfo },
    {
      key: 'profile',
      label: 'Profile',
      href: '/settings/profile',
      done: ctx.profilePercent >= PROFILE_DONE_PERCENT,
    },
  ];
}

/** The method withdrawals go to: the default, or the first one when none is marked. */
function payoutTarget(ctx: SettingsContext): PayoutMethodView | undefined {
  return ctx.payoutMethods.find((m) => m.isDefault) ?? ctx.payoutMethods[0];
}

/**
 * Settings' part of "What stands between you and your first payment": the payout method, the
 * tax information, and the profile until its step is done (clients pay someone they can see).
 */
export function settingsBlockers(ctx: SettingsContext, timeZone = 'UTC'): SettingsBlocker[] {
  const blockers: SettingsBlocker[] = [];
  const target = payoutTarget(ctx);
  if (!target && ctx.pendingPayoutConfirmations > 0) {
    blockers.push({
      key: 'payout-confirmation',
      text: 'Your new payout method waits for you to confirm it with the link we emailed you.',
      href: '/settings/payout',
    });
  } else if (!target) {
    blockers.push({
      key: 'payout-missing',
      text: 'Add a payout method, so we know where to send your money.',
      href: '/settings/payout',
    });
  } else if (!ctx.payoutMethods.some((m) => m.isUsable)) {
    const name = methodShortName(target);
    blockers.push({
      key: 'payout-hold',
      text: `Your ${name} is in its security hold until ${formatHoldEnd(target.usableAfter, timeZone)}; withdrawals start then.`,
      status: 'Nothing for you to do: the hold ends on its own.',
    });
  }
  if (!ctx.hasTaxInfo) {
    blockers.push({
      key: 'tax-missing',
      text: 'Tax information is missing; it is needed before your first withdrawal.',
      href: '/settings/tax',
    });
  }
  if (ctx.profilePercent < PROFILE_DONE_PERCENT) {
    blockers.push({
      key: 'profile-incomplete',
      text: `Your profile is ${ctx.profilePercent}% complete; a photo, an overview, one job and one skill bring it to ${PROFILE_DONE_PERCENT}%, which finishes this step.`,
      href: '/settings/profile',
    });
  }
  return blockers;
}
