// Client billing: billing methods, charges, the provider's webhook events, and the
// simulated processor's own records (it stands in for an outside system).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { clientWorkspaces } from './accounts';

export const paymentProviderEnum = pgEnum('payment_provider', ['simulated', 'stripe']);

/** The workspace as the provider knows it (a Stripe Customer). */
export const billingCustomers = pgTable(
  'billing_customer',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => clientWorkspaces.id, { onDelete: 'cascade' }),
    provider: paymentProviderEnum('provider').notNull(),
    customerRef: text('customer_ref').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('billing_customer_workspace_uq').on(t.workspaceId, t.provider)],
);

/** A saved card: the provider keeps the number; we keep its reference, brand and last 4. */
export const billingMethods = pgTable(
  'billing_method',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => clientWorkspaces.id, { onDelete: 'cascade' }),
    provider: paymentProviderEnum('provider').notNull(),
    providerRef: text('provider_ref').notNull(),
    brand: text('brand').notNull(),
    last4: text('last4').notNull(),
    expMonth: integer('exp_month').notNull(),
    expYear: integer('exp_year').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('billing_method_workspace_idx').on(t.workspaceId),
    uniqueIndex('billing_method_provider_ref_uq').on(t.provider, t.providerRef),
    uniqueIndex('billing_method_one_default_uq')
      .on(t.workspaceId)
      .where(sql`${t.isDefault} and ${t.removedAt} is null`),
    check('billing_method_last4', sql`${t.last4} ~ '^[0-9]{4}$'`),
    check('billing_method_exp_month', sql`${t.expMonth} between 1 and 12`),
    check('billing_method_removed_not_default', sql`${t.removedAt} is null or not ${t.isDefault}`),
  ],
);

export const paymentChargeStatusEnum = pgEnum('payment_charge_status', [
  'requested',
  'processing',
  'succeeded',
  'failed',
]);

/**
 * One charge of a billing method, created once per idempotency key by the domain that needs
 * the money (source type and id: an invoice, a milestone). `attempt` counts the tries at the
 * provider; each uses its own provider key, so a retry after a decline is a new charge there.
 */
export const paymentCharges = pgTable(
  'payment_charge',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => clientWorkspaces.id, { onDelete: 'cascade' }),
    billingMethodId: uuid('billing_method_id')
      .notNull()
      .references(() => billingMethods.id),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    status: paymentChargeStatusEnum('status').notNull().default('requested'),
    attempt: integer('attempt').notNull().default(1),
    provider: paymentProviderEnum('provider').notNull(),
    providerRef: text('provider_ref'),
    failureReason: text('failure_reason'),
    /** When the job next sends (requested) or polls (processing) or retries (failed) it. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('payment_charge_idempotency_key_uq').on(t.idempotencyKey),
    index('payment_charge_workspace_idx').on(t.workspaceId),
    index('payment_charge_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.nextAttemptAt} is not null`),
    uniqueIndex('payment_charge_provider_ref_uq').on(t.provider, t.providerRef),
    check('payment_charge_amount', sql`${t.amountCents} > 0`),
    check('payment_charge_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('payment_charge_attempt', sql`${t.attempt} >= 1`),
  ],
);

/**
 * The refunds asked of a settled charge, one per idempotency key, written before the provider
 * is called: their sum never passes the charge's amount (refundCharge checks it under the
 * charge's row lock), and a refund asked again with its key is the same refund.
 */
export const paymentRefunds = pgTable(
  'payment_refund',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chargeId: uuid('charge_id')
      .notNull()
      .references(() => paymentCharges.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** The provider's refund, once it answered. */
    providerRef: text('provider_ref'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payment_refund_idempotency_key_uq').on(t.idempotencyKey),
    index('payment_refund_charge_idx').on(t.chargeId),
    check('payment_refund_amount', sql`${t.amountCents} > 0`),
  ],
);

/** Each provider event applied once: its id is recorded with the change it made. */
export const paymentEvents = pgTable('payment_event', {
  id: text('id').primaryKey(),
  provider: paymentProviderEnum('provider').notNull(),
  type: text('type').notNull(),
  outcome: text('outcome').notNull(),
  receivedAt: createdAt(),
});

export const simulatedOutcomeEnum = pgEnum('simulated_outcome', ['succeeded', 'failed']);

/**
 * The simulated processor's own books (lib/payments/simulated.ts), as a real provider keeps
 * them on its side: one row per idempotency key, settling at `settles_at`.
 */
export const simulatedCharges = pgTable(
  'simulated_charge',
  {
    ref: text('ref').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    methodRef: text('method_ref').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    outcome: simulatedOutcomeEnum('outcome').notNull(),
    failureReason: text('failure_reason'),
    settlesAt: timestamp('settles_at', { withTimezone: true }).notNull(),
    refundedCents: integer('refunded_cents').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('simulated_charge_idempotency_key_uq').on(t.idempotencyKey),
    check('simulated_charge_refund', sql`${t.refundedCents} between 0 and ${t.amountCents}`),
  ],
);

export const simulatedRefunds = pgTable('simulated_refund', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  ref: text('ref').notNull().unique(),
  chargeRef: text('charge_ref')
    .notNull()
    .references(() => simulatedCharges.ref),
  amountCents: integer('amount_cents').notNull(),
  createdAt: createdAt(),
});
