import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { COUNTRIES, countryName } from '@/lib/geo/countries';
import { getTaxSummary, type TaxSummary } from '@/lib/tax/service';
import { US_STATES } from '@/lib/tax/validation';
import { SettingsNotice } from '../notice';
import { requireFreelancerViewer } from '../viewer';
import { NonUsTaxForm, UsTaxForm, type TaxDefaults } from './tax-forms';
import { formatLongDate } from '@/lib/dates/format';

export const metadata: Metadata = { title: 'Tax information', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ form?: string; notice?: string }> };

/** The saved declaration as form defaults; the tax id itself is never put back in a form. */
function defaultsFrom(
  summary: TaxSummary | undefined,
  country: string | null | undefined,
): TaxDefaults {
  if (!summary) return { country: country && country !== 'US' ? country : '' };
  const common = {
    addressLine1: summary.addressLine1,
    addressLine2: summary.addressLine2 ?? '',
    city: summary.city,
  };
  if (summary.kind === 'us') {
    return {
      ...common,
      legalName: summary.legalName,
      businessType: summary.businessType ?? '',
      tinType: summary.tinType ?? '',
      state: summary.region ?? '',
      zip: summary.postalCode ?? '',
    };
  }
  return {
    ...common,
    name: summary.legalName,
    countryOfCitizenship: summary.citizenshipCountry ?? '',
    region: summary.region ?? '',
    postalCode: summary.postalCode ?? '',
    country: summary.country,
    treatyCountry: summary.treatyCountry ?? '',
  };
}

export default async function TaxSettingsPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const { form, notice } = await searchParams;
  const { db } = await getDatabase();
  const summary = await getTaxSummary(db, viewer.user.id);
  const basics = viewer.freelancerProfile;
  const kind =
    form === 'us' || form === 'non_us'
      ? form
      : (summary?.kind ?? (basics?.country === 'US' ? 'us' : 'non_us'));
  const defaults = defaultsFrom(summary?.kind === kind ? summary : undefined, basics?.country);
  return (
    <>
      <h1>Tax information</h1>
      <p>
        We need this before your first withdrawal. It is the information of a W-9 (US persons) or
        W-8BEN (everyone else).
      </p>
      <SettingsNotice notice={notice} messages={{ saved: 'Tax information saved and signed.' }} />
      {summary && (
        <section aria-labelledby="tax-summary-heading" className="card">
          <h2 id="tax-summary-heading">On file: {summary.formName}</h2>
          <dl className="facts">
            <div>
              <dt>Name</dt>
              <dd>{summary.legalName}</dd>
            </div>
            <div>
              <dt>{summary.taxIdLabel}</dt>
              <dd>ending {summary.taxIdLast4}</dd>
            </div>
            <div>
              <dt>Country</dt>
              <dd>{countryName(summary.country) ?? summary.country}</dd>
            </div>
            <div>
              <dt>Signed</dt>
              <dd>
                by {summary.signatureName} on {formatLongDate(summary.signedAt)}
              </dd>
            </div>
          </dl>
          <p className="hint">
            To change anything, fill in the form again: it replaces the declaration on file.
          </p>
        </section>
      )}
      <section aria-labelledby="tax-form-heading" className="card">
        <h2 id="tax-form-heading">
          {kind === 'us' ? 'US person (W-9)' : 'Not a US person (W-8BEN)'}
        </h2>
        <nav aria-label="Which tax form" className="tabs">
          <ul>
            <li>
              <Link href="/settings/tax?form=us" aria-current={kind === 'us' ? 'page' : undefined}>
                I am a US person (W-9)
              </Link>
            </li>
            <li>
              <Link
                href="/settings/tax?form=non_us"
                aria-current={kind === 'non_us' ? 'page' : undefined}
              >
                I am not a US person (W-8BEN)
              </Link>
            </li>
          </ul>
        </nav>
        {kind === 'us' ? (
          <UsTaxForm key="us" defaults={defaults} states={US_STATES.map((s) => ({ ...s }))} />
        ) : (
          <NonUsTaxForm key="non_us" defaults={defaults} countries={COUNTRIES} />
        )}
      </section>
    </>
  );
}
