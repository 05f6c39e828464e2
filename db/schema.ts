import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// ── Accounts and sessions (the shape @auth/drizzle-adapter expects) ─────────────────────
export const sideEnum = pgEnum('side', ['client', 'freelancer']);

export const users = pgTable('user', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').notNull().unique(),
  emailVerified: timestamp('emailVerified', { mode: 'date', withTimezone: true }),
  image: text('image'),
  activeSide: sideEnum('active_side'),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  'account',
  {
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('providerAccountId').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** sessionToken holds the SHA-256 of the cookie value, never the value itself. */
export const sessions = pgTable(
  'session',
  {
    sessionToken: text('sessionToken').primaryKey(),
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** token holds Auth.js's SHA-256 of (token + secret). */
export const verificationTokens = pgTable(
  'verificationToken',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ── Client workspaces ───────────────────────────────────────────────────────────────────
export const clientTypeEnum = pgEnum('client_type', ['individual', 'company', 'enterprise']);

export const clientWorkspaces = pgTable(
  'client_workspace',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: clientTypeEnum('type').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('client_workspace_owner_uq').on(t.ownerId),
    check('client_workspace_name_len', sql`char_length(${t.name}) between 1 and 120`),
  ],
);

// ── Freelancer side ─────────────────────────────────────────────────────────────────────
export const freelancerProfiles = pgTable(
  'freelancer_profile',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    firstName: text('first_name'),
    lastName: text('last_name'),
    country: text('country'),
    timeZone: text('time_zone'),
    phone: text('phone'),
    termsAcceptedAt: timestamp('terms_accepted_at', { withTimezone: true }),
    basicInfoCompletedAt: timestamp('basic_info_completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('freelancer_profile_country', sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
    check('freelancer_profile_phone', sql`${t.phone} is null or ${t.phone} ~ '^\+[1-9][0-9]{7,14}$'`),
    check(
      'freelancer_profile_basic_info_complete',
      sql`${t.basicInfoCompletedAt} is null or (${t.firstName} is not null and ${t.lastName} is not null and ${t.country} is not null and ${t.timeZone} is not null and ${t.termsAcceptedAt} is not null)`,
    ),
  ],
);

/** A confirmation link for a new account email; the address changes only when it is used. */
export const emailChangeRequests = pgTable(
  'email_change_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    newEmail: text('new_email').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_change_token_uq').on(t.tokenHash), index('email_change_user_idx').on(t.userId)],
);

// ── Email outbox and the local mailbox ─────────────────────────────────────────────────
export const outboxStatusEnum = pgEnum('outbox_status', ['queued', 'sending', 'sent', 'failed']);

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    template: text('template').notNull(),
    // Bodies are wiped after delivery when they carry a sign-in or invite token.
    html: text('html'),
    text: text('text'),
    containsSecret: boolean('contains_secret').notNull().default(false),
    status: outboxStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [
    index('email_outbox_status_idx').on(t.status, t.createdAt),
    index('email_outbox_provider_idx').on(t.providerMessageId),
    check('email_outbox_sent_has_time', sql`${t.status} <> 'sent' or ${t.sentAt} is not null`),
    check('email_outbox_failed_has_time', sql`${t.status} <> 'failed' or ${t.failedAt} is not null`),
  ],
);

export const mailboxMessages = pgTable(
  'mailbox_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: uuid('outbox_id')
      .notNull()
      .references(() => emailOutbox.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mailbox_message_outbox_uq').on(t.outboxId),
    index('mailbox_message_to_idx').on(t.toAddress, t.createdAt),
  ],
);

// ── Rate limits (fixed windows, shared by every app server) ─────────────────────────────
export const rateLimits = pgTable(
  'rate_limit',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

// ── Audit log (append-only) ─────────────────────────────────────────────────────────────
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_actor_idx').on(t.actorId, t.createdAt)],
);

// ── Invites and contract offers ─────────────────────────────────────────────────────────
export const inviteStatusEnum = pgEnum('invite_status', [
  'pending',
  'accepted',
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
    /** SHA-256 of the current link's token; older tokens live in invite_token. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastOutboxId: uuid('last_outbox_id').references(() => emailOutbox.id, { onDelete: 'set null' }),
    deliveryEvent: deliveryEventEnum('delivery_event'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedById: text('accepted_by_id').references(() => users.id),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invite_token_hash_uq').on(t.tokenHash),
    uniqueIndex('invite_one_pending_per_email_uq')
      .on(t.workspaceId, t.email)
      .where(sql`${t.status} = 'pending'`),
    index('invite_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('invite_email_idx').on(t.email),
    index('invite_last_outbox_idx').on(t.lastOutboxId),
    index('invite_pending_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    check('invite_accepted_has_time', sql`${t.status} <> 'accepted' or (${t.acceptedAt} is not null and ${t.acceptedById} is not null)`),
    check('invite_declined_has_time', sql`${t.status} <> 'declined' or ${t.declinedAt} is not null`),
    check('invite_revoked_has_time', sql`${t.status} <> 'revoked' or ${t.revokedAt} is not null`),
    check('invite_message_len', sql`${t.message} is null or char_length(${t.message}) <= 2000`),
    check('invite_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

/** Every link ever sent for an invite, so a superseded link can say so. */
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
  (t) => [index('invite_token_invite_idx').on(t.inviteId)],
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
  'activated',
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
    uniqueIndex('invite_event_opened_once_uq').on(t.inviteId).where(sql`${t.type} = 'opened'`),
  ],
);

export const contractKindEnum = pgEnum('contract_kind', ['hourly', 'fixed']);
export const contractStatusEnum = pgEnum('contract_status', [
  'offered',
  'awaiting_compliance',
  'active',
  'declined',
  'withdrawn',
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
