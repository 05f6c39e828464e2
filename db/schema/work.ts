// Getting paid (SPEC 4.C, 4.D, 4.F): the work diary of hourly contracts, invoices, the
// client's disputes, the funding and review of milestones, and money waiting to become
// available. Money is integer cents with a currency; times are timestamptz, weeks are UTC.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { clientWorkspaces, users } from './accounts';
import { contracts, milestones } from './invites';
import { paymentCharges } from './billing';
import { storedFiles } from './settings';

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ── The work diary (hourly) ─────────────────────────────────────────────────────────────
/** Tracked: recorded by the timer (10-minute segments); manual: typed in, where allowed. */
export const timeEntryKindEnum = pgEnum('time_entry_kind', ['tracked', 'manual']);

/**
 * One stretch of work on an hourly contract, inside one UTC day. A running timer is an
 * entry with no end (one per contract). Once invoiced (`invoice_id`) it never changes.
 */
export const timeEntries = pgTable(
  'time_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id),
    kind: timeEntryKindEnum('kind').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** Null while the timer runs. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    memo: text('memo').notNull().default(''),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('time_entry_contract_idx').on(t.contractId, t.startedAt),
    // The billing tick looks for time not yet invoiced, every few minutes.
    index('time_entry_uninvoiced_idx')
      .on(t.startedAt)
      .where(sql`${t.invoiceId} is null`),
    uniqueIndex('time_entry_one_running_uq')
      .on(t.contractId)
      .where(sql`${t.endedAt} is null`),
    check('time_entry_order', sql`${t.endedAt} is null or ${t.endedAt} > ${t.startedAt}`),
    check(
      'time_entry_within_a_day',
      sql`${t.endedAt} is null or ${t.endedAt} - ${t.startedAt} <= interval '24 hours'`,
    ),
    check('time_entry_manual_has_end', sql`${t.kind} = 'tracked' or ${t.endedAt} is not null`),
    check('time_entry_memo_len', sql`char_length(${t.memo}) <= 500`),
  ],
);

// ── Invoices ───────────────────────────────────────────────────────────────────────────
export const invoiceNumberSeq = pgSequence('invoice_number_seq', { startWith: 1001 });

/** hourly: one per contract and UTC week; milestone: one per funding; bonus; credit note. */
export const invoiceKindEnum = pgEnum('invoice_kind', [
  'hourly',
  'milestone',
  'bonus',
  'credit_note',
]);
/** The client's payment of the invoice (credit notes are `paid` from the start). */
export const invoicePaymentStatusEnum = pgEnum('invoice_payment_status', [
  'awaiting_payment',
  'paid',
  'payment_failed',
]);

/**
 * Every charge has an invoice; amounts are fixed at issue and never change (a refund is a
 * credit note pointing at the invoice it credits). The fee is computed once, here.
 */
export const invoices = pgTable(
  'invoice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** WB-001001, WB-001002 …: one sequence for every kind. */
    number: text('number')
      .notNull()
      .default(sql`'WB-' || lpad(nextval('invoice_number_seq')::text, 6, '0')`),
    kind: invoiceKindEnum('kind').notNull(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => clientWorkspaces.id),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id),
    /** hourly: the Monday (UTC) of the week invoiced. */
    weekStart: date('week_start', { mode: 'string' }),
    milestoneId: uuid('milestone_id').references(() => milestones.id),
    /** credit_note: the invoice it refunds (part of). */
    creditsInvoiceId: uuid('credits_invoice_id'),
    description: text('description').notNull().default(''),
    currency: text('currency').notNull().default('USD'),
    /** hourly: billable minutes (within the weekly limit) and the rate. */
    minutes: integer('minutes'),
    rateCents: integer('rate_cents'),
    grossCents: integer('gross_cents').notNull(),
    feeBps: integer('fee_bps').notNull(),
    feeCents: integer('fee_cents').notNull(),
    netCents: integer('net_cents').notNull(),
    paymentStatus: invoicePaymentStatusEnum('payment_status').notNull().default('awaiting_payment'),
    chargeId: uuid('charge_id').references(() => paymentCharges.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** The first failed charge: new time pauses 7 days after it while still unpaid. */
    paymentFailedAt: timestamp('payment_failed_at', { withTimezone: true }),
    /** hourly: the client's review ends (Sat 00:00 UTC after the week). */
    reviewEndsAt: timestamp('review_ends_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The undisputed amount left review (fee and net posted). */
    releasedAt: timestamp('released_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('invoice_number_uq').on(t.number),
    uniqueIndex('invoice_hourly_week_uq')
      .on(t.contractId, t.weekStart)
      .where(sql`${t.kind} = 'hourly'`),
    uniqueIndex('invoice_milestone_uq')
      .on(t.milestoneId)
      .where(sql`${t.kind} = 'milestone'`),
    index('invoice_workspace_idx').on(t.workspaceId, t.issuedAt),
    index('invoice_freelancer_idx').on(t.freelancerId, t.issuedAt),
    index('invoice_contract_idx').on(t.contractId, t.issuedAt),
    // Hourly invoices whose charge the billing tick still has to ask for (no billing method).
    index('invoice_uncharged_idx')
      .on(t.id)
      .where(
        sql`${t.kind} = 'hourly' and ${t.chargeId} is null and ${t.paymentStatus} = 'awaiting_payment'`,
      ),
    index('invoice_review_due_idx')
      .on(t.reviewEndsAt)
      .where(sql`${t.releasedAt} is null and ${t.reviewEndsAt} is not null`),
    check(
      'invoice_amounts',
      sql`${t.grossCents} > 0 and ${t.feeCents} >= 0 and ${t.netCents} >= 0`,
    ),
    check('invoice_fee_plus_net', sql`${t.feeCents} + ${t.netCents} = ${t.grossCents}`),
    check('invoice_fee_bps', sql`${t.feeBps} between 0 and 5000`),
    check('invoice_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'invoice_kind_fields',
      sql`(${t.kind} = 'hourly' and ${t.weekStart} is not null and ${t.minutes} > 0 and ${t.rateCents} > 0)
        or (${t.kind} = 'milestone' and ${t.milestoneId} is not null)
        or (${t.kind} = 'bonus')
        or (${t.kind} = 'credit_note' and ${t.creditsInvoiceId} is not null)`,
    ),
    check(
      'invoice_week_is_monday',
      sql`${t.weekStart} is null or extract(isodow from ${t.weekStart}) = 1`,
    ),
  ],
);

/** The invoice's lines: one per day worked (hourly), or one line (milestone, bonus). */
export const invoiceLines = pgTable(
  'invoice_line',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    workDate: date('work_date', { mode: 'string' }),
    minutes: integer('minutes'),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.invoiceId, t.position] }),
    check('invoice_line_amount', sql`${t.amountCents} >= 0`),
  ],
);

// ── Disputes of an hourly week ────────────────────────────────────────────────────────
export const disputeStatusEnum = pgEnum('dispute_status', [
  'awaiting_freelancer',
  'awaiting_ops',
  'resolved',
]);
/** How it ended: refunds go back to the client; `paid` releases the disputed amount. */
export const disputeResolutionEnum = pgEnum('dispute_resolution', [
  'refunded_all',
  'refunded_part',
  'paid',
  'refunded_no_answer',
]);

/** A client's dispute of chosen entries of one invoiced week (one per invoice). */
export const disputes = pgTable(
  'dispute',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    openedBy: text('opened_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    /** The gross of the disputed entries. */
    disputedCents: integer('disputed_cents').notNull(),
    status: disputeStatusEnum('status').notNull().default('awaiting_freelancer'),
    /** 3 business days for the freelancer's answer. */
    answerDueAt: timestamp('answer_due_at', { withTimezone: true }).notNull(),
    freelancerAnswer: text('freelancer_answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** 4 business days for ops, once the freelancer rejects. */
    opsDueAt: timestamp('ops_due_at', { withTimezone: true }),
    resolution: disputeResolutionEnum('resolution'),
    refundCents: integer('refund_cents'),
    resolvedBy: text('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
    /** The provider's refund of the charge, once sent (a refund is sent after its commit). */
    providerRefundRef: text('provider_refund_ref'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dispute_invoice_uq').on(t.invoiceId),
    index('dispute_contract_idx').on(t.contractId),
    index('dispute_refund_unsent_idx')
      .on(t.resolvedAt)
      .where(sql`${t.refundCents} > 0 and ${t.providerRefundRef} is null`),
    index('dispute_open_idx')
      .on(t.status)
      .where(sql`${t.status} <> 'resolved'`),
    check('dispute_reason_len', sql`char_length(${t.reason}) between 1 and 2000`),
    check('dispute_amount', sql`${t.disputedCents} > 0`),
    check(
      'dispute_refund',
      sql`${t.refundCents} is null or ${t.refundCents} between 0 and ${t.disputedCents}`,
    ),
    check(
      'dispute_resolved_fields',
      sql`(${t.status} = 'resolved') = (${t.resolution} is not null and ${t.resolvedAt} is not null)`,
    ),
  ],
);

/** The entries a dispute names, with the gross each stood for on the invoice. */
export const disputeEntries = pgTable(
  'dispute_entry',
  {
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id, { onDelete: 'cascade' }),
    timeEntryId: uuid('time_entry_id')
      .notNull()
      .references(() => timeEntries.id),
    minutes: integer('minutes').notNull(),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.disputeId, t.timeEntryId] }),
    check('dispute_entry_amounts', sql`${t.minutes} > 0 and ${t.amountCents} >= 0`),
  ],
);

// ── Milestones (fixed price) ──────────────────────────────────────────────────────────
export const milestoneStatusEnum = pgEnum('milestone_status', [
  'unfunded',
  'funding',
  'funded',
  'submitted',
  'changes_requested',
  'refund_requested',
  'released',
  'refunded',
]);
export const milestoneEventTypeEnum = pgEnum('milestone_event_type', [
  'funding_requested',
  'funded',
  'funding_failed',
  'submitted',
  'changes_requested',
  'approved',
  'auto_approved',
  'released',
  'refund_requested',
  'refund_agreed',
  'refund_refused',
  'refund_decided',
  'refunded',
  'reminder_sent',
]);

/**
 * Where each milestone of an accepted fixed-price contract stands (one row per milestone,
 * created when it is first funded or asked about); the offer's terms stay on `milestone`.
 */
export const milestoneStates = pgTable(
  'milestone_state',
  {
    milestoneId: uuid('milestone_id')
      .primaryKey()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    status: milestoneStatusEnum('status').notNull().default('unfunded'),
    /** The amount funded into escrow (may differ from the offer's for later milestones). */
    fundedCents: integer('funded_cents'),
    feeCents: integer('fee_cents'),
    fundedAt: timestamp('funded_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** 14 days after the latest submission with no answer. */
    autoApproveAt: timestamp('auto_approve_at', { withTimezone: true }),
    /** 7 days for the freelancer to answer a refund request; then ops decides. */
    refundAnswerDueAt: timestamp('refund_answer_due_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    /** A refund request the freelancer refused or left unanswered: ops decides since then. */
    opsReviewSince: timestamp('ops_review_since', { withTimezone: true }),
    /** The client was reminded of the automatic approval of the latest submission. */
    autoApproveRemindedAt: timestamp('auto_approve_reminded_at', { withTimezone: true }),
    /** Bumped on every change: a racing request names the version it saw. */
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('milestone_state_contract_idx').on(t.contractId),
    index('milestone_state_auto_approve_idx')
      .on(t.autoApproveAt)
      .where(sql`${t.status} = 'submitted'`),
    check('milestone_state_funded', sql`${t.fundedCents} is null or ${t.fundedCents} >= 500`),
    index('milestone_state_refund_due_idx')
      .on(t.refundAnswerDueAt)
      .where(sql`${t.status} = 'refund_requested' and ${t.opsReviewSince} is null`),
  ],
);

/** A milestone's history, as both sides and ops read it. */
export const milestoneEvents = pgTable(
  'milestone_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    type: milestoneEventTypeEnum('type').notNull(),
    actorId: text('actor_id').references(() => users.id),
    message: text('message').notNull().default(''),
    /** Links given with a submission (https URLs). */
    links: jsonb('links').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    index('milestone_event_milestone_idx').on(t.milestoneId, t.createdAt),
    check('milestone_event_message_len', sql`char_length(${t.message}) <= 5000`),
  ],
);

/** Files sent with a submission (stored privately, reachable by the two parties and ops). */
export const milestoneFiles = pgTable(
  'milestone_file',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => milestoneEvents.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.fileId] })],
);

// ── Money waiting to become available ───────────────────────────────────────────────
/**
 * Each amount released to a freelancer's `pending` account, with the date it becomes
 * available; the billing tick posts it to `available` then (lib/earnings/availability).
 */
export const pendingReleases = pgTable(
  'pending_release',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    /** What released it: an invoice (hourly week or bonus) or a milestone. */
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull().default('USD'),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull(),
    madeAvailableAt: timestamp('made_available_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('pending_release_source_uq').on(t.sourceType, t.sourceId),
    index('pending_release_freelancer_idx').on(t.freelancerId, t.availableAt),
    index('pending_release_due_idx')
      .on(t.availableAt)
      .where(sql`${t.madeAvailableAt} is null`),
    check('pending_release_amount', sql`${t.amountCents} > 0`),
  ],
);
