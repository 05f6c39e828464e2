import { renderToStaticMarkup } from 'react-dom/server';
import { COUNTRIES } from '@/lib/geo/countries';
import { dateOfBirthForOwnForm, getTaxSummary, saveTaxInfo } from '@/lib/tax/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { expectScriptShownAsText, SCRIPT } from '@/tests/helpers/hostile';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { NonUsTaxForm, UsTaxForm } from './tax-forms';
import { formDefaultsFrom, TaxSummaryCard } from './tax-summary';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { asSubmitted } from '@/tests/helpers/submitted';
import { W9, W9_EIN } from '@/tests/helpers/withdrawal-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

/** Saves the declaration and reads back what the tax page shows. */
async function savedSummary(form: Record<string, string>) {
  const who = await createFreelancer(database.db);
  expect(
    await asSubmitted(taxInfoSchema, form, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    ),
  ).toEqual({ ok: true });
  const summary = await getTaxSummary(database.db, who.userId);
  if (!summary) throw new Error('no summary');
  return Object.assign(summary, { userId: who.userId });
}

describe('the tax page', () => {
  it('shows script typed into a W-9 as text, in the summary and the form', async () => {
    const summary = await savedSummary({
      kind: 'us',
      legalName: SCRIPT,
      businessType: 'individual',
      tinType: 'ssn',
      tin: '512-34-7789',
      addressLine1: SCRIPT,
      addressLine2: SCRIPT,
      city: SCRIPT,
      state: 'IL',
      zip: '62701',
      signature: SCRIPT,
      certify: 'on',
    });
    // Name and signature.
    expectScriptShownAsText(renderToStaticMarkup(<TaxSummaryCard summary={summary} />), 2);
    // Legal name and the three address fields, given back as the form's values.
    expectScriptShownAsText(
      renderToStaticMarkup(
        <UsTaxForm
          defaults={formDefaultsFrom(summary, 'US')}
          states={[{ code: 'IL', name: 'Illinois' }]}
        />,
      ),
      4,
    );
  });

  it('shows script typed into a W-8BEN as text, its tax id only as a last four', async () => {
    const summary = await savedSummary({
      kind: 'non_us',
      name: SCRIPT,
      countryOfCitizenship: 'PT',
      addressLine1: SCRIPT,
      addressLine2: SCRIPT,
      city: SCRIPT,
      region: SCRIPT,
      postalCode: '<script>x</script>',
      country: 'PT',
      foreignTaxId: SCRIPT,
      signature: SCRIPT,
      certify: 'on',
    });
    const card = renderToStaticMarkup(<TaxSummaryCard summary={summary} />);
    expectScriptShownAsText(card, 2);
    expect(card).toContain('ending ipt&gt;');
    const form = renderToStaticMarkup(
      <NonUsTaxForm defaults={formDefaultsFrom(summary, 'PT')} countries={COUNTRIES} />,
    );
    // Name, the three address fields and the region; the postal code is the short script.
    expectScriptShownAsText(form, 5);
    expect(form).toContain('value="&lt;script&gt;x&lt;/script&gt;"');
  });

  it('a W-9 date of birth: the summary says it is on file, only the form shows it, in full', async () => {
    const w9 = W9;
    const summary = await savedSummary({ ...w9, dateOfBirth: '1990-07-14' });
    const card = renderToStaticMarkup(<TaxSummaryCard summary={summary} />);
    expect(card).toContain('Date of birth');
    expect(card).toContain('On file');
    expect(card).not.toMatch(/1990|07-14/);
    const dateOfBirth = await dateOfBirthForOwnForm(database.db, summary.userId);
    const form = renderToStaticMarkup(
      <UsTaxForm
        defaults={formDefaultsFrom(summary, 'US', dateOfBirth)}
        states={[{ code: 'IL', name: 'Illinois' }]}
      />,
    );
    expect(form).toMatch(/<input[^>]*type="date"[^>]*name="dateOfBirth"[^>]*value="1990-07-14"/);
    expect(form).toContain(
      'Date of birth (optional; Stripe asks for it before paying out to a US bank account)',
    );

    const without = await savedSummary(w9);
    expect(renderToStaticMarkup(<TaxSummaryCard summary={without} />)).toContain('Not given');
    expect(
      renderToStaticMarkup(<UsTaxForm defaults={formDefaultsFrom(without, 'US')} states={[]} />),
    ).toMatch(/<input[^>]*name="dateOfBirth"[^>]*value=""/);
  });

  it('an EIN filer’s own SSN: last four in the summary, never in the form, whose hint says to type it again', async () => {
    const withEin = { ...W9, ...W9_EIN };
    const summary = await savedSummary({ ...withEin, payoutSsn: '512-34-7789' });
    const card = renderToStaticMarkup(<TaxSummaryCard summary={summary} />);
    expect(card).toContain('<dt>Your SSN</dt>');
    expect(card).toContain('ending 7789');
    expect(card).not.toMatch(/512-?34|51234/);
    const form = renderToStaticMarkup(
      <UsTaxForm
        defaults={formDefaultsFrom(summary, 'US')}
        states={[{ code: 'IL', name: 'Illinois' }]}
        payoutSsnOnFile={summary.payoutSsnLast4}
      />,
    );
    // The field is there, empty (no value at all), its hint naming the one on file.
    const input = /<input[^>]*name="payoutSsn"[^>]*>/.exec(form)?.[0];
    expect(input).toBeDefined();
    expect(input).not.toContain('value=');
    expect(form).toContain('Your Social Security number (optional)');
    expect(form).toContain(
      'Only needed when the taxpayer identification number above is an EIN: Stripe, which pays out to US bank accounts, needs your own SSN to verify who you are.',
    );
    expect(form).toContain(
      'On file: the one ending 7789. Like the number above it is not shown here, so type it again to keep it; left empty, it is removed when you sign.',
    );
    expect(form).not.toMatch(/512-?34|51234/);

    // Not given beside an EIN: the summary says so; the form has no "on file" line.
    const without = await savedSummary(withEin);
    expect(renderToStaticMarkup(<TaxSummaryCard summary={without} />)).toMatch(
      /<dt>Your SSN<\/dt><dd>Not given/,
    );
    expect(
      renderToStaticMarkup(
        <UsTaxForm
          defaults={formDefaultsFrom(without, 'US')}
          states={[]}
          payoutSsnOnFile={without.payoutSsnLast4}
        />,
      ),
    ).not.toContain('On file:');

    // With an SSN as the tax id there is no such row: the tax id is the SSN.
    const ssnFiler = await savedSummary({
      ...withEin,
      businessType: 'individual',
      tinType: 'ssn',
      tin: '512-34-7789',
    });
    expect(renderToStaticMarkup(<TaxSummaryCard summary={ssnFiler} />)).not.toContain('Your SSN');
  });
});
