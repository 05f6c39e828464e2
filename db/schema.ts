import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  jsonb,
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

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

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
    /**
     * How many invites the workspace has, kept by triggers on invite (migration 0009), so the
     * invite list shows its total without counting every invite on each view.
     */
    inviteCount: integer('invite_count').notNull().default(0),
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
      'invite_accepted_has_time',
      sql`${t.status} <> 'accepted' or (${t.acceptedAt} is not null and ${t.acceptedById} is not null)`,
    ),
    check(
      'invite_declined_has_time',
      sql`${t.status} <> 'declined' or ${t.declinedAt} is not null`,
    ),
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

// ── Settings: files, payout methods, tax information, profile ──────────────────────────
/** Private files (profile photos, compliance documents) behind lib/files/storage. */
export const storedFiles = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('stored_file_owner_idx').on(t.ownerId, t.purpose),
    check('stored_file_mime', sql`${t.mimeType} in ('image/png', 'image/jpeg', 'application/pdf')`),
    check('stored_file_size', sql`${t.sizeBytes} between 1 and 10485760`),
  ],
);

export const payoutKindEnum = pgEnum('payout_kind', ['us_bank', 'iban', 'paypal', 'payoneer']);
export const bankAccountTypeEnum = pgEnum('bank_account_type', ['checking', 'savings']);

/** Account numbers and IBANs are stored only encrypted (lib/crypto), with their last four. */
export const payoutMethods = pgTable(
  'payout_method',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: payoutKindEnum('kind').notNull(),
    holderName: text('holder_name'),
    accountType: bankAccountTypeEnum('account_type'),
    routingNumber: text('routing_number'),
    accountNumberEncrypted: text('account_number_encrypted'),
    ibanEncrypted: text('iban_encrypted'),
    bic: text('bic'),
    email: text('email'),
    last4: text('last4').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    /** The end of the security hold: withdrawals only after this. */
    usableAfter: timestamp('usable_after', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('payout_method_user_idx').on(t.userId),
    uniqueIndex('payout_method_one_default_uq')
      .on(t.userId)
      .where(sql`${t.isDefault} and ${t.removedAt} is null`),
    check(
      'payout_method_fields',
      sql`(${t.kind} = 'us_bank' and ${t.accountNumberEncrypted} is not null and ${t.routingNumber} ~ '^[0-9]{9}$' and ${t.accountType} is not null)
        or (${t.kind} = 'iban' and ${t.ibanEncrypted} is not null)
        or (${t.kind} in ('paypal', 'payoneer') and ${t.email} is not null)`,
    ),
    check('payout_method_last4', sql`char_length(${t.last4}) between 1 and 4`),
    check(
      'payout_method_no_plain_numbers',
      sql`${t.accountNumberEncrypted} is null or ${t.accountNumberEncrypted} like 'v1.%'`,
    ),
  ],
);

export const taxKindEnum = pgEnum('tax_kind', ['us', 'non_us']);

export const taxProfiles = pgTable(
  'tax_profile',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: taxKindEnum('kind').notNull(),
    legalName: text('legal_name').notNull(),
    businessType: text('business_type'),
    tinType: text('tin_type'),
    /** SSN, EIN or foreign tax id, encrypted. */
    taxIdEncrypted: text('tax_id_encrypted').notNull(),
    taxIdLast4: text('tax_id_last4').notNull(),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    city: text('city').notNull(),
    region: text('region'),
    postalCode: text('postal_code'),
    country: text('country').notNull(),
    citizenshipCountry: text('citizenship_country'),
    treatyCountry: text('treaty_country'),
    signatureName: text('signature_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('tax_profile_encrypted', sql`${t.taxIdEncrypted} like 'v1.%'`)],
);

export const visibilityEnum = pgEnum('profile_visibility', ['public', 'signed_in', 'private']);

/** The public-facing profile; one per freelancer. Lists are jsonb arrays validated by lib/profile. */
export const profiles = pgTable(
  'profile',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title'),
    overview: text('overview'),
    hourlyRateCents: integer('hourly_rate_cents'),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    languages: jsonb('languages')
      .$type<{ language: string; level: string }[]>()
      .notNull()
      .default([]),
    employment: jsonb('employment')
      .$type<{ company: string; title: string; from: string; to?: string | null }[]>()
      .notNull()
      .default([]),
    education: jsonb('education')
      .$type<
        { school: string; degree?: string | null; from?: number | null; to?: number | null }[]
      >()
      .notNull()
      .default([]),
    portfolioLinks: jsonb('portfolio_links').$type<string[]>().notNull().default([]),
    photoFileId: uuid('photo_file_id').references(() => storedFiles.id, { onDelete: 'set null' }),
    visibility: visibilityEnum('visibility').notNull().default('private'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('profile_slug_uq').on(t.slug),
    check('profile_title_len', sql`${t.title} is null or char_length(${t.title}) <= 70`),
    check('profile_overview_len', sql`${t.overview} is null or char_length(${t.overview}) <= 5000`),
    check(
      'profile_rate',
      sql`${t.hourlyRateCents} is null or ${t.hourlyRateCents} between 300 and 99999`,
    ),
  ],
);

/**
 * A sensitive change asked for without a recent sign-in: applied only when the emailed
 * link is confirmed. The payload is encrypted (it may hold bank data).
 */
export const pendingConfirmations = pgTable(
  'pending_confirmation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    payloadEncrypted: text('payload_encrypted').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('pending_confirmation_token_uq').on(t.tokenHash)],
);

// ── Compliance ─────────────────────────────────────────────────────────────────────────
export const complianceLevelEnum = pgEnum('compliance_level', [
  'questionnaire',
  'questionnaire_and_documents',
]);
export const complianceStatusEnum = pgEnum('compliance_status', [
  'submitted',
  'approved',
  'rejected',
]);

export const complianceChecks = pgTable(
  'compliance_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    level: complianceLevelEnum('level').notNull(),
    status: complianceStatusEnum('status').notNull().default('submitted'),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedById: text('decided_by_id').references(() => users.id),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [
    index('compliance_check_user_idx').on(t.userId, t.submittedAt),
    index('compliance_check_queue_idx').on(t.status, t.submittedAt),
    // One open submission at a time per freelancer.
    uniqueIndex('compliance_one_open_uq')
      .on(t.userId)
      .where(sql`${t.status} = 'submitted'`),
    check(
      'compliance_decided',
      sql`${t.status} = 'submitted' or (${t.decidedAt} is not null and ${t.decidedById} is not null)`,
    ),
    check(
      'compliance_rejected_reason',
      sql`${t.status} <> 'rejected' or ${t.rejectionReason} is not null`,
    ),
  ],
);

export const complianceDocuments = pgTable(
  'compliance_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => complianceChecks.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('compliance_document_check_idx').on(t.checkId)],
);
