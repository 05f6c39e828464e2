import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { taxProfiles } from '@/db/schema';

export type TaxProfileInsert = typeof taxProfiles.$inferInsert;

/**
 * Everything but the encrypted tax id, date of birth (only whether one is on file) and payout
 * SSN (only its last four).
 */
const visibleColumns = {
  kind: taxProfiles.kind,
  legalName: taxProfiles.legalName,
  businessType: taxProfiles.businessType,
  tinType: taxProfiles.tinType,
  taxIdLast4: taxProfiles.taxIdLast4,
  hasDateOfBirth: sql<boolean>`${taxProfiles.dateOfBirthEncrypted} is not null`,
  payoutSsnLast4: taxProfiles.payoutSsnLast4,
  addressLine1: taxProfiles.addressLine1,
  addressLine2: taxProfiles.addressLine2,
  city: taxProfiles.city,
  region: taxProfiles.region,
  postalCode: taxProfiles.postalCode,
  country: taxProfiles.country,
  citizenshipCountry: taxProfiles.citizenshipCountry,
  treatyCountry: taxProfiles.treatyCountry,
  signatureName: taxProfiles.signatureName,
  signedAt: taxProfiles.signedAt,
};

export type TaxProfileRow = {
  kind: 'us' | 'non_us';
  legalName: string;
  businessType: string | null;
  tinType: string | null;
  taxIdLast4: string;
  hasDateOfBirth: boolean;
  /** The last four of an EIN filer's own SSN, when they gave it. */
  payoutSsnLast4: string | null;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  citizenshipCountry: string | null;
  treatyCountry: string | null;
  signatureName: string;
  signedAt: Date;
};

export async function findTaxProfile(
  db: DbOrTx,
  userId: string,
): Promise<TaxProfileRow | undefined> {
  const [row] = await db
    .select(visibleColumns)
    .from(taxProfiles)
    .where(eq(taxProfiles.userId, userId));
  return row;
}

/** The encrypted date of birth on a person's declaration, if any. */
export async function findDateOfBirthEncrypted(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ encrypted: taxProfiles.dateOfBirthEncrypted })
    .from(taxProfiles)
    .where(eq(taxProfiles.userId, userId));
  return row?.encrypted ?? null;
}

/** One declaration per person: a new one replaces the old. */
export async function upsertTaxProfile(db: DbOrTx, values: TaxProfileInsert): Promise<void> {
  const { userId: _userId, ...update } = values;
  await db
    .insert(taxProfiles)
    .values(values)
    .onConflictDoUpdate({ target: taxProfiles.userId, set: update });
}
