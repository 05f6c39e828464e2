import { eq } from 'drizzle-orm';
import { auditLog, taxProfiles } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/encryption';
import { createTestDatabase } from '@/tests/helpers/db';
import { SCRIPT } from '@/tests/helpers/hostile';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { nonUsTaxInfoSchema, usTaxInfoSchema } from './schemas';
import { dateOfBirthForOwnForm, getTaxSummary, saveTaxInfo } from './service';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { asSubmitted } from '@/tests/helpers/submitted';
import { W9_EIN } from '@/tests/helpers/withdrawal-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const W9 = {
  kind: 'us',
  legalName: 'Alex Kim',
  businessType: 'individual',
  tinType: 'ssn',
  tin: '512-34-7789',
  addressLine1: '1 Main Street',
  addressLine2: '',
  city: 'Springfield',
  state: 'il',
  zip: '62701',
  signature: 'alex kim',
  certify: 'on',
};

const W8BEN = {
  kind: 'non_us',
  name: 'Alex Kim',
  countryOfCitizenship: 'pt',
  addressLine1: 'Rua Augusta 1',
  city: 'Lisboa',
  postalCode: '1100-048',
  country: 'PT',
  foreignTaxId: 'PT 298 115 604',
  treatyCountry: 'PT',
  signature: 'Alex Kim',
  certify: 'on',
};

async function rowOf(userId: string) {
  const [row] = await database.db.select().from(taxProfiles).where(eq(taxProfiles.userId, userId));
  return row;
}

describe('saveTaxInfo', () => {
  it('saves a W-9 with the SSN encrypted, its last four, and the signature', async () => {
    const who = await createFreelancer(database.db);
    const before = new Date();
    expect(
      await asSubmitted(taxInfoSchema, W9, (input) =>
        saveTaxInfo(database.db, { userId: who.userId, ip: '203.0.113.7' }, input),
      ),
    ).toEqual({
      ok: true,
    });
    const row = await rowOf(who.userId);
    expect(row).toMatchObject({
      kind: 'us',
      legalName: 'Alex Kim',
      tinType: 'ssn',
      taxIdLast4: '7789',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
      signatureName: 'alex kim',
    });
    expect(row.taxIdEncrypted).toMatch(/^v1\./);
    expect(decryptSecret(row.taxIdEncrypted)).toBe('512347789');
    // Signed at the time of saving: bounded by the clock on both sides, however slow the machine.
    expect(row.signedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(row.signedAt.getTime()).toBeLessThanOrEqual(Date.now());
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, who.userId));
    expect(audit).toMatchObject({ action: 'tax.saved', detail: 'W-9' });

    const summary = await getTaxSummary(database.db, who.userId);
    expect(summary).toMatchObject({ formName: 'W-9', taxIdLabel: 'SSN', taxIdLast4: '7789' });
    expect(JSON.stringify(summary)).not.toMatch(/512-?34-?7789|v1\./);
  });

  it('replaces the declaration with a W-8BEN', async () => {
    const who = await createFreelancer(database.db);
    await asSubmitted(taxInfoSchema, W9, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    expect(
      await asSubmitted(taxInfoSchema, W8BEN, (input) =>
        saveTaxInfo(database.db, { userId: who.userId }, input),
      ),
    ).toEqual({ ok: true });
    const row = await rowOf(who.userId);
    expect(row).toMatchObject({
      kind: 'non_us',
      tinType: 'foreign',
      taxIdLast4: '5604',
      citizenshipCountry: 'PT',
      treatyCountry: 'PT',
      businessType: null,
      region: null,
    });
    expect(decryptSecret(row.taxIdEncrypted)).toBe('PT 298 115 604');
    expect((await getTaxSummary(database.db, who.userId))?.formName).toBe('W-8BEN');
  });

  it('refuses bad input with every field error, and stores nothing', async () => {
    const who = await createFreelancer(database.db);
    const result = await asSubmitted(
      taxInfoSchema,
      { ...W9, zip: '123', city: '', certify: undefined },
      (input) => saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(['certify', 'city', 'zip']);
    // The cross-field checks (number format for its type, signature) run once the fields are valid.
    const badSsn = await asSubmitted(taxInfoSchema, { ...W9, tin: '000-12-3456' }, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    expect(badSsn).toMatchObject({
      ok: false,
      fieldErrors: { tin: [expect.stringContaining('never begin with 000')] },
    });
    const unsigned = await asSubmitted(
      taxInfoSchema,
      { ...W9, signature: 'Someone Else' },
      (input) => saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    expect(unsigned).toMatchObject({
      ok: false,
      fieldErrors: { signature: [expect.stringContaining('Alex Kim')] },
    });
    expect(JSON.stringify(badSsn)).not.toContain('000-12-3456');
    expect(await rowOf(who.userId)).toBeUndefined();
    const einForIndividual = await asSubmitted(
      taxInfoSchema,
      { ...W9, tinType: 'ein', tin: '12-3456789' },
      (input) => saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    expect(einForIndividual).toMatchObject({
      ok: false,
      fieldErrors: { tinType: [expect.stringContaining('Social Security number')] },
    });
  });
});

// The postal code holds at most 20 characters: the same attack, shorter.
const SHORT_SCRIPT = '<script>x</script>';

type ScriptCase = {
  /** The fields set to script (the others keep the valid form's values). */
  typed: Record<string, string>;
  /** Stored as typed: the row's columns (taxId: the decrypted tax id) … */
  stored?: Record<string, string>;
  /** … or refused, with a message on exactly this field. */
  refused?: string;
};

const W9_CASES: ScriptCase[] = [
  {
    typed: { legalName: SCRIPT, signature: SCRIPT },
    stored: { legalName: SCRIPT, signatureName: SCRIPT },
  },
  { typed: { signature: SCRIPT }, refused: 'signature' },
  { typed: { addressLine1: SCRIPT }, stored: { addressLine1: SCRIPT } },
  { typed: { addressLine2: SCRIPT }, stored: { addressLine2: SCRIPT } },
  { typed: { city: SCRIPT }, stored: { city: SCRIPT } },
  { typed: { tin: SCRIPT }, refused: 'tin' },
  { typed: { businessType: SCRIPT }, refused: 'businessType' },
  { typed: { tinType: SCRIPT }, refused: 'tinType' },
  { typed: { state: SCRIPT }, refused: 'state' },
  { typed: { zip: SCRIPT }, refused: 'zip' },
  { typed: { dateOfBirth: SCRIPT }, refused: 'dateOfBirth' },
  // Checked beside an EIN only (with an SSN as the tax id it is dropped unread).
  {
    typed: { businessType: 'llc', tinType: 'ein', tin: '27-1234567', payoutSsn: SCRIPT },
    refused: 'payoutSsn',
  },
  { typed: { certify: SCRIPT }, refused: 'certify' },
];

const W8BEN_CASES: ScriptCase[] = [
  {
    typed: { name: SCRIPT, signature: SCRIPT },
    stored: { legalName: SCRIPT, signatureName: SCRIPT },
  },
  { typed: { signature: SCRIPT }, refused: 'signature' },
  { typed: { countryOfCitizenship: SCRIPT }, refused: 'countryOfCitizenship' },
  { typed: { addressLine1: SCRIPT }, stored: { addressLine1: SCRIPT } },
  { typed: { addressLine2: SCRIPT }, stored: { addressLine2: SCRIPT } },
  { typed: { city: SCRIPT }, stored: { city: SCRIPT } },
  { typed: { region: SCRIPT }, stored: { region: SCRIPT } },
  { typed: { postalCode: SHORT_SCRIPT }, stored: { postalCode: SHORT_SCRIPT } },
  { typed: { country: SCRIPT }, refused: 'country' },
  { typed: { foreignTaxId: SCRIPT }, stored: { taxId: SCRIPT, taxIdLast4: 'ipt>' } },
  { typed: { treatyCountry: SCRIPT }, refused: 'treatyCountry' },
  { typed: { certify: SCRIPT }, refused: 'certify' },
];

describe('script typed into the tax forms', () => {
  it.each([
    ['W-9', usTaxInfoSchema, W9_CASES],
    ['W-8BEN', nonUsTaxInfoSchema, W8BEN_CASES],
  ] as const)('has a case for every field of the %s', (_form, schema, cases) => {
    const covered = new Set(cases.flatMap((c) => Object.keys(c.typed)));
    expect([...covered].sort()).toEqual(
      Object.keys(schema.shape)
        .filter((f) => f !== 'kind')
        .sort(),
    );
  });

  const titled = (form: string, valid: Record<string, string>, c: ScriptCase) =>
    [
      `${form}, script in ${Object.keys(c.typed).join(' and ')}: ${c.stored ? 'stored as typed' : `refused on ${c.refused}`}`,
      valid,
      c,
    ] as const;

  it.each([
    ...W9_CASES.map((c) => titled('W-9', W9, c)),
    ...W8BEN_CASES.map((c) => titled('W-8BEN', W8BEN, c)),
  ])('%s', async (_title, valid, { typed, stored, refused }) => {
    const who = await createFreelancer(database.db);
    const result = await asSubmitted(taxInfoSchema, { ...valid, ...typed }, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    const row = await rowOf(who.userId);
    if (stored) {
      expect(result).toEqual({ ok: true });
      expect({ ...row, taxId: decryptSecret(row.taxIdEncrypted) }).toMatchObject(stored);
    } else {
      expect(result).toMatchObject({ ok: false, reason: 'invalid' });
      if (result.ok) return;
      expect(result.fieldErrors).toEqual({ [refused!]: [expect.any(String)] });
      expect(JSON.stringify(result)).not.toContain(SCRIPT);
      expect(row).toBeUndefined();
    }
  });
});

describe('the W-9 date of birth', () => {
  it('is stored encrypted (the raw column is not the date), shown back only to prefill the form', async () => {
    const who = await createFreelancer(database.db);
    expect(
      await asSubmitted(taxInfoSchema, { ...W9, dateOfBirth: '1990-07-14' }, (input) =>
        saveTaxInfo(database.db, { userId: who.userId }, input),
      ),
    ).toEqual({ ok: true });
    const row = await rowOf(who.userId);
    expect(row.dateOfBirthEncrypted).toMatch(/^v1\./);
    expect(row.dateOfBirthEncrypted).not.toMatch(/1990|07-14/);
    expect(decryptSecret(row.dateOfBirthEncrypted!)).toBe('1990-07-14');
    const summary = await getTaxSummary(database.db, who.userId);
    expect(summary?.hasDateOfBirth).toBe(true);
    expect(JSON.stringify(summary)).not.toMatch(/1990|v1\./);
    expect(await dateOfBirthForOwnForm(database.db, who.userId)).toBe('1990-07-14');
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, who.userId));
    expect(JSON.stringify(audit)).not.toContain('1990');
  });

  it('absent: nothing stored; a new declaration without it clears it, and a W-8BEN never has one', async () => {
    const who = await createFreelancer(database.db);
    await asSubmitted(taxInfoSchema, W9, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    expect((await rowOf(who.userId)).dateOfBirthEncrypted).toBeNull();
    expect((await getTaxSummary(database.db, who.userId))?.hasDateOfBirth).toBe(false);
    expect(await dateOfBirthForOwnForm(database.db, who.userId)).toBeNull();

    await asSubmitted(taxInfoSchema, { ...W9, dateOfBirth: '1990-07-14' }, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    expect((await rowOf(who.userId)).dateOfBirthEncrypted).not.toBeNull();
    await asSubmitted(taxInfoSchema, { ...W9, dateOfBirth: '' }, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    expect((await rowOf(who.userId)).dateOfBirthEncrypted).toBeNull();

    await asSubmitted(taxInfoSchema, { ...W9, dateOfBirth: '1990-07-14' }, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    await asSubmitted(taxInfoSchema, { ...W8BEN, dateOfBirth: '1990-07-14' }, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    expect((await rowOf(who.userId)).dateOfBirthEncrypted).toBeNull();
  });
});

describe('the W-9 payout SSN (an EIN filer’s own SSN, for Stripe)', () => {
  const withEin = { ...W9, ...W9_EIN };
  const save = (userId: string, form: Record<string, string | undefined>) =>
    asSubmitted(taxInfoSchema, form, (input) => saveTaxInfo(database.db, { userId }, input));

  it('is stored encrypted beside an EIN, with its last four; the summary and audit get no more', async () => {
    const who = await createFreelancer(database.db);
    expect(await save(who.userId, { ...withEin, payoutSsn: '512-34-7789' })).toEqual({ ok: true });
    const row = await rowOf(who.userId);
    expect(row.payoutSsnEncrypted).toMatch(/^v1\./);
    expect(row.payoutSsnEncrypted).not.toMatch(/512-?34-?7789/);
    expect(decryptSecret(row.payoutSsnEncrypted!)).toBe('512347789');
    expect(row.payoutSsnLast4).toBe('7789');
    // The tax id stays the EIN.
    expect(decryptSecret(row.taxIdEncrypted)).toBe('271234567');
    const summary = await getTaxSummary(database.db, who.userId);
    expect(summary).toMatchObject({
      taxIdLabel: 'EIN',
      taxIdLast4: '4567',
      payoutSsnLast4: '7789',
    });
    expect(JSON.stringify(summary)).not.toMatch(/51234|512-34|v1\./);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, who.userId));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toMatch(/7789/);
  });

  it('the table refuses it as plain text, without its last four, or beside an SSN', async () => {
    const who = await createFreelancer(database.db);
    await save(who.userId, { ...withEin, payoutSsn: '512-34-7789' });
    const sealed = (await rowOf(who.userId)).payoutSsnEncrypted!;
    /** The check constraint a direct write breaks (PGlite and postgres.js name it apart). */
    const refusedBy = async (values: Partial<typeof taxProfiles.$inferInsert>) => {
      const error = (await database.db
        .update(taxProfiles)
        .set(values)
        .where(eq(taxProfiles.userId, who.userId))
        .then(
          () => null,
          (e: unknown) => e,
        )) as { cause?: { code?: string; constraint_name?: string; constraint?: string } } | null;
      expect(error?.cause?.code).toBe('23514');
      return error?.cause?.constraint_name ?? error?.cause?.constraint;
    };
    expect(await refusedBy({ payoutSsnEncrypted: '512347789' })).toBe(
      'tax_profile_no_plain_payout_ssn',
    );
    expect(await refusedBy({ payoutSsnLast4: null })).toBe('tax_profile_payout_ssn_with_ein');
    expect(await refusedBy({ tinType: 'ssn' })).toBe('tax_profile_payout_ssn_with_ein');
    expect((await rowOf(who.userId)).payoutSsnEncrypted).toBe(sealed);
  });

  it('is typed again with each declaration: one saved without it, with an SSN or a W-8BEN clears it', async () => {
    const who = await createFreelancer(database.db);
    await save(who.userId, { ...withEin, payoutSsn: '512-34-7789' });
    // Replaced with the field left empty (the form never holds the number): removed.
    expect(await save(who.userId, { ...withEin, payoutSsn: '' })).toEqual({ ok: true });
    expect(await rowOf(who.userId)).toMatchObject({
      payoutSsnEncrypted: null,
      payoutSsnLast4: null,
    });
    expect((await getTaxSummary(database.db, who.userId))?.payoutSsnLast4).toBeNull();

    // Switching the taxpayer id to the SSN: the payout SSN typed beside it is not kept.
    await save(who.userId, { ...withEin, payoutSsn: '512-34-7789' });
    expect(await save(who.userId, { ...W9, payoutSsn: '512-34-7789' })).toEqual({ ok: true });
    expect(await rowOf(who.userId)).toMatchObject({
      tinType: 'ssn',
      payoutSsnEncrypted: null,
      payoutSsnLast4: null,
    });

    await save(who.userId, { ...withEin, payoutSsn: '512-34-7789' });
    expect(await save(who.userId, { ...W8BEN, payoutSsn: '512-34-7789' })).toEqual({ ok: true });
    expect(await rowOf(who.userId)).toMatchObject({
      kind: 'non_us',
      payoutSsnEncrypted: null,
      payoutSsnLast4: null,
    });
  });

  it('refused with its message on the field, nothing stored', async () => {
    const who = await createFreelancer(database.db);
    const result = await save(who.userId, { ...withEin, payoutSsn: '900-12-3456' });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { payoutSsn: [expect.stringContaining('never begin with 9')] },
    });
    expect(JSON.stringify(result)).not.toContain('900-12-3456');
    expect(await rowOf(who.userId)).toBeUndefined();
  });
});
