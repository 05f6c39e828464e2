// Email outbox, local mailbox, rate limits, form drafts and the audit log.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { createdAt } from './columns';

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
    check(
      'email_outbox_failed_has_time',
      sql`${t.status} <> 'failed' or ${t.failedAt} is not null`,
    ),
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

// ── Form drafts ─────────────────────────────────────────────────────────────────────────
/**
 * The text of a form posted without JavaScript to a route handler (it carries files) and
 * refused: the handler can only answer 303, so the text waits here for the page it sends the
 * person back to, which only reads it. One draft per person and form, for minutes
 * (lib/form-drafts): the form's successful write deletes it, the tick deletes expired ones.
 */
export const formDrafts = pgTable(
  'form_draft',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Which form: 'proposal', 'milestone-submission'. */
    form: text('form').notNull(),
    /** What the form was about (the job post, the milestone): the page reads only its own. */
    subjectId: text('subject_id').notNull(),
    /** Field name to typed text; never a file. */
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.form] }),
    index('form_draft_expires_idx').on(t.expiresAt),
  ],
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
