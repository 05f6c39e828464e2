// Invites, contract offers and what the freelancer accepted.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { clientWorkspaces, users } from './accounts';
import { emailOutbox } from './platform';

/**
 * `joined`: the freelancer used the link and has an account; the offer is still theirs to
 * decide (the contract's own status says whether they accepted it).
 */
export const inviteStatusEnum = pgEnum('invite_status', [
  'pending',
  'joined',
  'declined',
  'revoked',
  'expired',
]);
/** What Resend's webhooks told us about the latest invitation email. */
export const deliveryEventEnum = pgEnum('delivery_event', ['delivered', 'bounced', 'complained']);

export const invites = pgTable(
  'invite',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => clientWorkspaces.id, { onDelete: 'cascade' }),
    invitedById: text('invited_by_id')
      .notNull()
      .references(() => users.id),
    email: text('email').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    message: text('message'),
    status: inviteStatusEnum('status').notNull().default('pending'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastOutboxId: uuid('last_outbox_id').references(() => emailOutbox.id, { onDelete: 'set null' }),
    deliveryEvent: deliveryEventEnum('delivery_event'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    joinedById: text('joined_by_id').references(() => users.id),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invite_one_pending_per_email_uq')
      .on(t.workspaceId, t.email)
      .where(sql`${t.status} = 'pending'`),
    // The client's invite list pages through this order: newest first, id breaking ties.
    index('invite_workspace_page_idx').on(
      t.workspaceId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('invite_email_idx').on(t.email),
    index('invite_last_outbox_idx').on(t.lastOutboxId),
    index('invite_pending_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
    check(
      'invite_joined_has_time',
      sql`${t.status} <> 'joined' or (${t.joinedAt} is not null and ${t.joinedById} is not null)`,
    ),
    check(
      'invite_declined_has_time',
      sql`${t.status} <> 'declined' or ${t.declinedAt} is not null`,
    ),
    check('invite_revoked_has_time', sql`${t.status} <> 'revoked' or ${t.revokedAt} is not null`),
    // The converse of the three above: a timestamp is set exactly when the status says so.
    // A declined invite keeps its join (the freelancer joined, then declined the offer).
    check(
      'invite_joined_at_matches_status',
      sql`(${t.joinedAt} is not null) = (${t.status} in ('joined', 'declined'))`,
    ),
    check(
      'invite_joined_by_with_time',
      sql`(${t.joinedById} is not null) = (${t.joinedAt} is not null)`,
    ),
    check(
      'invite_declined_at_matches_status',
      sql`(${t.declinedAt} is not null) = (${t.status} = 'declined')`,
    ),
    check(
      'invite_decline_reason_when_declined',
      sql`${t.declineReason} is null or ${t.status} = 'declined'`,
    ),
    check(
      'invite_revoked_at_matches_status',
      sql`(${t.revokedAt} is not null) = (${t.status} = 'revoked')`,
    ),
    check('invite_message_len', sql`${t.message} is null or char_length(${t.message}) <= 2000`),
    check('invite_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * Every link ever sent for an invite, and the only store of their hashes: the current link
 * is the one not superseded (at most one per invite), so a superseded link can say so.
 * Read only through lib/invites/tokens.ts.
 */
export const inviteTokens = pgTable(
  'invite_token',
  {
    tokenHash: text('token_hash').primaryKey(),
    inviteId: uuid('invite_id')
      .notNull()
      .references(() => invites.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    index('invite_token_invite_idx').on(t.inviteId),
    uniqueIndex('invite_token_one_current_uq')
      .on(t.inviteId)
      .where(sql`${t.supersededAt} is null`),
  ],
);

export const inviteEventTypeEnum = pgEnum('invite_event_type', [
  'created',
  'resent',
  'email_changed',
  'offer_edited',
  'revoked',
  'opened',
  'delivered',
  'bounced',
  'complained',
  'delivery_failed',
  'reminder_sent',
  'fresh_link_requested',
  'joined',
  'accepted',
  'declined',
]);

export const inviteEvents = pgTable(
  'invite_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inviteId: uuid('invite_id')
      .notNull()
      .references(() => invites.id, { onDelete: 'cascade' }),
    type: inviteEventTypeEnum('type').notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (t) => [
    index('invite_event_invite_idx').on(t.inviteId, t.createdAt),
    // "Opened" is recorded once per invite, whoever loads the landing page.
    uniqueIndex('invite_event_opened_once_uq')
      .on(t.inviteId)
      .where(sql`${t.type} = 'opened'`),
  ],
);

export const contractKindEnum = pgEnum('contract_kind', ['hourly', 'fixed']);
export const contractStatusEnum = pgEnum('contract_status', [
  'offered',
  'awaiting_compliance',
  'active',
  'declined',
  'withdrawn',
  'ended',
]);

/** The offer sent with an invite; once accepted it is the contract. */
export const contracts = pgTable(
  'contract',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inviteId: uuid('invite_id')
      .notNull()
      .references(() => invites.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => clientWorkspaces.id, { onDelete: 'cascade' }),
    freelancerId: text('freelancer_id').references(() => users.id),
    status: contractStatusEnum('status').notNull().default('offered'),
    kind: contractKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull().default('USD'),
    hourlyRateCents: integer('hourly_rate_cents'),
    weeklyLimitHours: integer('weekly_limit_hours'),
    allowManualTime: boolean('allow_manual_time').notNull().default(false),
    feeBps: integer('fee_bps').notNull(),
    /** Bumped by every edit; acceptance names the version it saw. */
    version: integer('version').notNull().default(1),
    /** Set together when the client ends the contract (lib/contract-ending). */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: text('ended_by').references(() => users.id, { onDelete: 'set null' }),
    endMessage: text('end_message'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contract_invite_uq').on(t.inviteId),
    index('contract_workspace_idx').on(t.workspaceId),
    index('contract_freelancer_idx').on(t.freelancerId),
    check('contract_title_len', sql`char_length(${t.title}) between 1 and 120`),
    check('contract_description_len', sql`char_length(${t.description}) <= 5000`),
    check('contract_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('contract_fee_bps', sql`${t.feeBps} between 0 and 5000`),
    // A contract has no lifecycle timestamps of its own (the acceptance snapshot is a row of
    // contract_acceptance); what its status implies is who decided: the freelancer.
    check(
      'contract_decided_has_freelancer',
      sql`${t.status} in ('offered', 'withdrawn') or ${t.freelancerId} is not null`,
    ),
    // Compared as text: a migration may not use an enum value it adds in the same transaction.
    check(
      'contract_ended_has_details',
      sql`(${t.status}::text = 'ended') = (${t.endedAt} is not null and ${t.endMessage} is not null)`,
    ),
    check('contract_end_message_len', sql`char_length(${t.endMessage}) between 1 and 2000`),
    check(
      'contract_hourly_terms',
      sql`(${t.kind} = 'hourly' and ${t.hourlyRateCents} between 300 and 99999 and (${t.weeklyLimitHours} is null or ${t.weeklyLimitHours} between 1 and 80))
        or (${t.kind} = 'fixed' and ${t.hourlyRateCents} is null and ${t.weeklyLimitHours} is null)`,
    ),
  ],
);

export const milestones = pgTable(
  'milestone',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull().default('USD'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('milestone_position_uq').on(t.contractId, t.position),
    check('milestone_position_range', sql`${t.position} between 1 and 10`),
    check('milestone_amount_positive', sql`${t.amountCents} between 100 and 100000000`),
  ],
);

/** Resend webhook deliveries already applied (by their svix id). */
export const webhookEvents = pgTable('webhook_event', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What the freelancer accepted, frozen: the terms as shown, their hash, who and when. */
export const contractAcceptances = pgTable(
  'contract_acceptance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id),
    contractVersion: integer('contract_version').notNull(),
    terms: text('terms').notNull(),
    termsHash: text('terms_hash').notNull(),
    ip: text('ip'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contract_acceptance_contract_uq').on(t.contractId)],
);
