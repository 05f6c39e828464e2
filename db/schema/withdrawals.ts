// Withdrawals (SPEC 4.E): a freelancer's available money paid out to one of their payout
// methods, and the simulated payout provider's own books. Money is integer cents with a
// currency; times are timestamptz.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { users } from './accounts';
import { payoutKindEnum, payoutMethods } from './settings';

/**
 * requested (ledger posted, not yet accepted by the provider) → processing (accepted) →
 * paid, or failed → returned (the amount and fee back to available, in the same
 * transaction that records the failure, so `failed` is never left standing).
 */
export const withdrawalStatusEnum = pgEnum('withdrawal_status', [
  'requested',
  'processing',
  'paid',
  'failed',
  'returned',
]);

export const withdrawals = pgTable(
  'withdrawal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    payoutMethodId: uuid('payout_method_id')
      .notNull()
      .references(() => payoutMethods.id, { onDelete: 'restrict' }),
    methodKind: payoutKindEnum('method_kind').notNull(),
    /** What the payout method receives. */
    amountCents: integer('amount_cents').notNull(),
    /** The method's fee, taken from available beside the amount (lib/withdrawals/fees.ts). */
    feeCents: integer('fee_cents').notNull(),
    currency: text('currency').notNull(),
    status: withdrawalStatusEnum('status').notNull().default('requested'),
    /** The form's key: a double submit makes one withdrawal. Unique per freelancer. */
    idempotencyKey: text('idempotency_key').notNull(),
    provider: text('provider'),
    providerRef: text('provider_ref'),
    /** Tries at the provider; every try sends the same key, so a resend is the same payout. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    failureReason: text('failure_reason'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('withdrawal_idempotency_uq').on(t.freelancerId, t.idempotencyKey),
    uniqueIndex('withdrawal_provider_ref_uq').on(t.provider, t.providerRef),
    index('withdrawal_freelancer_idx').on(t.freelancerId, t.requestedAt),
    index('withdrawal_open_idx')
      .on(t.status, t.nextAttemptAt)
      .where(sql`status in ('requested', 'processing')`),
    check('withdrawal_amount_positive', sql`${t.amountCents} > 0`),
    check('withdrawal_fee_non_negative', sql`${t.feeCents} >= 0`),
    check(
      'withdrawal_processing_has_ref',
      sql`${t.status} = 'requested' or ${t.providerRef} is not null or ${t.status} in ('failed', 'returned')`,
    ),
  ],
);

export const simulatedPayoutOutcomeEnum = pgEnum('simulated_payout_outcome', ['paid', 'failed']);

/**
 * The simulated payout provider's books, kept outside the caller's transactions as an
 * outside system would: one payout per idempotency key, settling at `settles_at`.
 */
export const simulatedPayouts = pgTable(
  'simulated_payout',
  {
    ref: text('ref').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    destination: text('destination').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    outcome: simulatedPayoutOutcomeEnum('outcome').notNull(),
    failureReason: text('failure_reason'),
    settlesAt: timestamp('settles_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('simulated_payout_idempotency_key_uq').on(t.idempotencyKey)],
);

/**
 * Where a provider that registers payees (Stripe Connect) was told to pay a payout method:
 * the payee (a connected account, one per freelancer and provider, reused for their next
 * method) and the method's account there. Only ids: the numbers stay in payout_method.
 */
export const payoutDestinations = pgTable(
  'payout_destination',
  {
    payoutMethodId: uuid('payout_method_id')
      .notNull()
      .references(() => payoutMethods.id, { onDelete: 'cascade' }),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    payeeRef: text('payee_ref').notNull(),
    ref: text('ref').notNull(),
    /**
     * What the provider last told us about the payee (Stripe: the connected account's
     * `account.updated`), copied onto every row of that payee; null until it has said
     * anything. `payee_status_at` is when it said so (the event's time): an older event
     * changes nothing.
     */
    payoutsEnabled: boolean('payouts_enabled'),
    /** The provider's names of what it needs now (Stripe: `requirements.currently_due`). */
    requirementsDue: text('requirements_due').array(),
    /** What it will need later (Stripe: `requirements.eventually_due`). */
    requirementsEventuallyDue: text('requirements_eventually_due').array(),
    /** By when what is due now must be given (Stripe: `requirements.current_deadline`). */
    requirementsDeadline: timestamp('requirements_deadline', { withTimezone: true }),
    /**
     * What the provider refused in what it was given (Stripe: `requirements.errors`): the
     * requirement's name and the code only, never Stripe's free-text reason, which could
     * quote the value it refused.
     */
    requirementErrors: jsonb('requirement_errors').$type<{ requirement: string; code: string }[]>(),
    /** Why the provider stopped the payee (Stripe: `requirements.disabled_reason`). */
    disabledReason: text('disabled_reason'),
    payeeStatusAt: timestamp('payee_status_at', { withTimezone: true }),
    /**
     * When the provider told us the payee is gone (Stripe: `account.application.deauthorized`,
     * or `resource_missing` when paying it): the row is kept for its history and replaced by
     * the method's next registration, which opens a new payee.
     */
    payeeClosedAt: timestamp('payee_closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('payout_destination_payee_idx').on(t.provider, t.payeeRef),
    uniqueIndex('payout_destination_method_uq').on(t.payoutMethodId, t.provider),
    index('payout_destination_freelancer_idx').on(t.freelancerId, t.provider),
  ],
);

/**
 * How often a freelancer's available money is paid out by itself (SPEC 4.E): weekly every
 * Wednesday, twice a month on the 1st and 3rd Wednesday, monthly on the last Wednesday.
 */
export const withdrawalFrequencyEnum = pgEnum('withdrawal_frequency', [
  'off',
  'weekly',
  'twice_monthly',
  'monthly',
]);

/** One schedule per freelancer; no row is the same as `off`. */
export const withdrawalSchedules = pgTable(
  'withdrawal_schedule',
  {
    freelancerId: text('freelancer_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    frequency: withdrawalFrequencyEnum('frequency').notNull().default('off'),
    /** Paid out only when available reaches this (at least the method's minimum). */
    thresholdCents: integer('threshold_cents').notNull(),
    payoutMethodId: uuid('payout_method_id').references(() => payoutMethods.id, {
      onDelete: 'set null',
    }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('withdrawal_schedule_due_idx')
      .on(t.frequency)
      .where(sql`frequency <> 'off'`),
    check('withdrawal_schedule_threshold_positive', sql`${t.thresholdCents} > 0`),
  ],
);

/** What the automatic payout did for a freelancer on a payout day: once per (freelancer, day). */
export const withdrawalScheduleRunOutcomeEnum = pgEnum('withdrawal_schedule_outcome', [
  'withdrawn',
  'skipped',
  'below_threshold',
]);

/**
 * The record that makes the scheduled step idempotent: a second tick on the same day finds
 * the row and does nothing (and a skip's email is sent once). `rule` is `schedule` or
 * `dormant` (the 180-day rule).
 */
export const withdrawalScheduleRuns = pgTable(
  'withdrawal_schedule_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The UTC payout day, yyyy-mm-dd. */
    payoutDay: text('payout_day').notNull(),
    rule: text('rule').notNull(),
    outcome: withdrawalScheduleRunOutcomeEnum('outcome').notNull(),
    withdrawalId: uuid('withdrawal_id').references(() => withdrawals.id, { onDelete: 'set null' }),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('withdrawal_schedule_run_uq').on(t.freelancerId, t.payoutDay)],
);
