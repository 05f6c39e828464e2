import { formatLongDate } from '@/lib/dates/format';
import { countryName } from '@/lib/geo/countries';
import type { TaxSummary } from '@/lib/tax/service';
import type { TaxDefaults } from './tax-forms';

/** The declaration on file: names as typed, the tax id as its last four only. */
export function TaxSummaryCard({ summary }: { summary: TaxSummary }) {
  return (
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
  );
}

/** The saved declaration as form defaults; the tax id itself is never put back in a form. */
export function formDefaultsFrom(
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
