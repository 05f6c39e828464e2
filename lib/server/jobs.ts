import type { ChargeHookTable } from '@/lib/billing/charges';
import { billingJobs } from '@/lib/billing/jobs';
import { emailJobs } from '@/lib/email/jobs';
import type { JobDefinition } from '@/lib/jobs/definition';
import { statisticsJobs } from '@/lib/jobs/statistics';
import { recordDeliveryFailure } from '@/lib/invites/delivery';
import { inviteJobs } from '@/lib/invites/jobs';
import { HOURLY_INVOICE_SOURCE, hourlyInvoiceChargeHooks } from '@/lib/hourly/invoice-charges';
import { tickJobs } from '@/lib/tick/jobs';
import { BONUS_SOURCE, bonusHooks } from '@/lib/milestones/bonus';
import { milestoneFundingHooks } from '@/lib/milestones/funding';
import { MILESTONE_FUNDING_SOURCE } from '@/lib/milestones/queries';
import { withdrawalJobs } from '@/lib/withdrawals/jobs';

/**
 * Every queue and worker of the app. The generic infrastructure knows no domain: this is
 * where a domain's job handlers, and what it does when one of its messages fails, are
 * handed to lib/jobs and lib/email.
 */
export function jobDefinitions(): JobDefinition[] {
  return [
    // An invitation whose email was given up on says so on its timeline.
    emailJobs({ onFailed: [recordDeliveryFailure] }),
    inviteJobs(),
    billingJobs({ hooks: chargeHooks() }),
    tickJobs(),
    withdrawalJobs(),
    // PGlite has no autovacuum: the planner's statistics are refreshed hourly.
    statisticsJobs(),
  ];
}

/**
 * What each domain that charges a client does when its charge settles or fails, by the
 * charge's source type (the settlement job and the Stripe webhook both apply them).
 */
export function chargeHooks(): ChargeHookTable {
  return {
    // An hourly week charged: the gross into review, the invoice paid or payment_failed.
    [HOURLY_INVOICE_SOURCE]: hourlyInvoiceChargeHooks,
    // Fixed price: a funded milestone goes to the contract's escrow (lib/milestones/funding).
    [MILESTONE_FUNDING_SOURCE]: milestoneFundingHooks,
    // A bonus goes straight to the freelancer's pending balance (lib/milestones/bonus).
    [BONUS_SOURCE]: bonusHooks,
  };
}
