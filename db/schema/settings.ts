// Settings: private files, payout methods, tax information, profile.
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
import { bytea, createdAt } from './columns';
import { users } from './accounts';

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
    check(
      'stored_file_mime',
      sql`${t.mimeType} in ('image/png', 'image/jpeg', 'application/pdf', 'application/zip')`,
    ),
    // The purpose's own limit is checked before storing (photos 5 MB, documents 10 MB,
    // milestone files 25 MB); this is the largest of them.
    check('stored_file_size', sql`${t.sizeBytes} between 1 and 26214400`),
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
    // A removed method is no one's default (the partial unique index alone lets one be).
    check('payout_method_removed_not_default', sql`${t.removedAt} is null or not ${t.isDefault}`),
    check(
      'payout_method_no_plain_numbers',
      sql`${t.accountNumberEncrypted} is null or ${t.accountNumberEncrypted} like 'v1.%'`,
    ),
    check(
      'payout_method_no_plain_iban',
      sql`${t.ibanEncrypted} is null or ${t.ibanEncrypted} like 'v1.%'`,
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
    /**
     * A W-9's optional date of birth (YYYY-MM-DD), encrypted like the tax id; null when not
     * given, and always for a W-8BEN. Sent to Stripe as `individual.dob`.
     */
    dateOfBirthEncrypted: text('date_of_birth_encrypted'),
    /**
     * The person's own SSN, given on a W-9 whose taxpayer id is an EIN (a sole proprietor's
     * or a single-member LLC's): Stripe opens an individual's account, which needs the SSN
     * (`individual.id_number`). Encrypted like the tax id; its last four kept for the summary,
     * like `taxIdLast4`. Null when not given, with an SSN as the taxpayer id (that is the SSN)
     * and always for a W-8BEN.
     */
    payoutSsnEncrypted: text('payout_ssn_encrypted'),
    payoutSsnLast4: text('payout_ssn_last4'),
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
  (t) => [
    check('tax_profile_encrypted', sql`${t.taxIdEncrypted} like 'v1.%'`),
    check(
      'tax_profile_no_plain_date_of_birth',
      sql`${t.dateOfBirthEncrypted} is null or ${t.dateOfBirthEncrypted} like 'v1.%'`,
    ),
    check(
      'tax_profile_no_plain_payout_ssn',
      sql`${t.payoutSsnEncrypted} is null or ${t.payoutSsnEncrypted} like 'v1.%'`,
    ),
    // Both halves or neither, and only beside an EIN: with an SSN the tax id is the SSN.
    check(
      'tax_profile_payout_ssn_with_ein',
      sql`(${t.payoutSsnEncrypted} is null and ${t.payoutSsnLast4} is null) or (${t.payoutSsnEncrypted} is not null and ${t.payoutSsnLast4} is not null and ${t.tinType} = 'ein')`,
    ),
  ],
);

export const visibilityEnum = pgEnum('profile_visibility', ['public', 'signed_in', 'private']);
/** What the Find Work menu says about taking on new work (shown on the profile). */
export const availabilityEnum = pgEnum('profile_availability', [
  'available',
  'limited',
  'unavailable',
]);

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
    availability: availabilityEnum('availability').notNull().default('available'),
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
  (t) => [
    uniqueIndex('pending_confirmation_token_uq').on(t.tokenHash),
    check('pending_confirmation_encrypted', sql`${t.payloadEncrypted} like 'v1.%'`),
  ],
);
