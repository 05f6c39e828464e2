// Accounts, sessions, client workspaces and the freelancer side.
import { sql } from 'drizzle-orm';
import {
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
import { createdAt } from './columns';

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
    /**
     * How many invites the workspace has, kept by triggers on invite (migration 0009), so the
     * invite list shows its total without counting every invite on each view.
     */
    inviteCount: integer('invite_count').notNull().default(0),
    /**
     * The zone the client reads times in (client-side pages show it with UTC beside it);
     * an IANA name from lib/geo/time-zones, checked there like the freelancer's.
     */
    timeZone: text('time_zone').notNull().default('UTC'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('client_workspace_owner_uq').on(t.ownerId),
    check('client_workspace_name_len', sql`char_length(${t.name}) between 1 and 120`),
    check('client_workspace_invite_count_nonnegative', sql`${t.inviteCount} >= 0`),
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
    /**
     * The address the terms were accepted from (with termsAcceptedAt, the same acceptance):
     * Stripe Connect asks for both when it opens the freelancer's payout account. Null for
     * acceptances recorded before it was kept, or when the request had no known address.
     */
    termsAcceptedIp: text('terms_accepted_ip'),
    basicInfoCompletedAt: timestamp('basic_info_completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('freelancer_profile_country', sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
    check(
      'freelancer_profile_phone',
      sql`${t.phone} is null or ${t.phone} ~ '^[+][1-9][0-9]{7,14}$'`,
    ),
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
  (t) => [
    uniqueIndex('email_change_token_uq').on(t.tokenHash),
    index('email_change_user_idx').on(t.userId),
  ],
);
