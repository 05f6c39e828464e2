import { now } from '@/lib/clock';
import type { Db, DbOrTx } from '@/db/client';
import { recordAudit } from '@/lib/audit/log';
import { decryptSecret, encryptSecret, lastFour } from '@/lib/crypto/encryption';
import { enqueuePayeeSync } from '@/lib/payments/payee-sync-queue';
import {
  findDateOfBirthEncrypted,
  findTaxProfile,
  upsertTaxProfile,
  type TaxProfileInsert,
  type TaxProfileRow,
} from './queries';
import type { TaxInfoInput } from './schemas';

/** The input is parsed by the action, so saving cannot be refused. */
export type TaxResult = { ok: true };

/**
 * Both kinds mapped onto the one row; the tax id, the date of birth and the payout SSN only
 * ever leave here encrypted. A declaration without a date of birth clears the one on file
 * (the form comes prefilled with it, so leaving it there keeps it).
 * The payout SSN is kept only beside an EIN (the schema drops it beside an SSN; this holds
 * it too, and the table's check refuses it otherwise). Like the tax id it is never put back
 * in the form, so it is typed again with each declaration: one saved without it clears the
 * one on file, as a new declaration replaces every answer of the old (the form says so
 * beside the field, with the last four of the one on file).
 */
function rowFor(userId: string, input: TaxInfoInput, signedAt: Date): TaxProfileInsert {
  if (input.kind === 'us') {
    const payoutSsn = input.tinType === 'ein' ? input.payoutSsn : undefined;
    return {
      userId,
      kind: 'us',
      legalName: input.legalName,
      businessType: input.businessType,
      tinType: input.tinType,
      taxIdEncrypted: encryptSecret(input.tin),
      taxIdLast4: lastFour(input.tin),
      dateOfBirthEncrypted: input.dateOfBirth ? encryptSecret(input.dateOfBirth) : null,
      payoutSsnEncrypted: payoutSsn ? encryptSecret(payoutSsn) : null,
      payoutSsnLast4: payoutSsn ? lastFour(payoutSsn) : null,
      addressLine1: input.addressLine1,
      addressLine2: input.addressLine2 ?? null,
      city: input.city,
      region: input.state,
      postalCode: input.zip,
      country: 'US',
      citizenshipCountry: null,
      treatyCountry: null,
      signatureName: input.signature,
      signedAt,
      updatedAt: signedAt,
    };
  }
  return {
    userId,
    kind: 'non_us',
    legalName: input.name,
    businessType: null,
    tinType: 'foreign',
    taxIdEncrypted: encryptSecret(input.foreignTaxId),
    taxIdLast4: lastFour(input.foreignTaxId),
    dateOfBirthEncrypted: null,
    payoutSsnEncrypted: null,
    payoutSsnLast4: null,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2 ?? null,
    city: input.city,
    region: input.region ?? null,
    postalCode: input.postalCode ?? null,
    country: input.country,
    citizenshipCountry: input.countryOfCitizenship,
    treatyCountry: input.treatyCountry ?? null,
    signatureName: input.signature,
    signedAt,
    updatedAt: signedAt,
  };
}

/**
 * Saves a signed W-9 or W-8BEN declaration (parsed by the action). A connected account
 * opened before (Stripe) may be asking for what it carries (a date of birth, an address, the
 * SSN, an EIN filer's own SSN): the sync of the payee's details is enqueued in the same transaction, and sends only
 * what the account lists as due (lib/withdrawals/payee-sync.ts).
 */
export async function saveTaxInfo(
  db: Db,
  actor: { userId: string; ip?: string | null },
  input: TaxInfoInput,
): Promise<TaxResult> {
  const row = rowFor(actor.userId, input, now());
  await db.transaction(async (tx) => {
    await upsertTaxProfile(tx, row);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'tax.saved',
      targetType: 'tax_profile',
      targetId: actor.userId,
      ip: actor.ip,
      detail: input.kind === 'us' ? 'W-9' : 'W-8BEN',
    });
    await enqueuePayeeSync(tx, actor.userId);
  });
  return { ok: true };
}

export type TaxSummary = TaxProfileRow & { formName: 'W-9' | 'W-8BEN'; taxIdLabel: string };

const TAX_ID_LABELS: Record<string, string> = { ssn: 'SSN', ein: 'EIN', foreign: 'Tax id' };

/** What the settings page and the checklist may show: the tax id as its last four only. */
export async function getTaxSummary(db: DbOrTx, userId: string): Promise<TaxSummary | undefined> {
  const row = await findTaxProfile(db, userId);
  if (!row) return undefined;
  return {
    ...row,
    formName: row.kind === 'us' ? 'W-9' : 'W-8BEN',
    taxIdLabel: TAX_ID_LABELS[row.tinType ?? 'foreign'] ?? 'Tax id',
  };
}

/**
 * The W-9's date of birth (YYYY-MM-DD), decrypted, for one use only: prefilling the tax form
 * for the person it belongs to (a date of birth is theirs to see in full, unlike the SSN's
 * last four). Null when none is on file. Never logged, never in an email or the summary.
 */
export async function dateOfBirthForOwnForm(db: DbOrTx, userId: string): Promise<string | null> {
  const encrypted = await findDateOfBirthEncrypted(db, userId);
  return encrypted ? decryptSecret(encrypted) : null;
}
