import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
export const freelancerProfiles = pgTable('freelancer_profile', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

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
