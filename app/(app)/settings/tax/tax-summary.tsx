import { ButtonLink } from '@/components/ui/button';
import { formatLongDate } from '@/lib/dates/format';
import { countryName } from '@/lib/geo/countries';
import type { TaxSummary } from '@/lib/tax/service';
import type { TaxDefaults } from './tax-forms';

/**
 * The declaration on file: names as typed, the tax id as its last four only, and so is an
 * EIN filer's own SSN (its row is shown only beside an EIN: with an SSN, the tax id is it).
 */
export function TaxSummaryCard({
  summary,
  replaceHref,
}: {
  summary: TaxSummary;
  /** The link that opens the form; omitted while the form is open below the summary. */
  replaceHref?: string;
}) {
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
          <dd>
            <span aria-hidden="true">•••• </span>ending {summary.taxIdLast4}{' '}
            <span className="hint">(encrypted; we show only the last 4)</span>
          </dd>
        </div>
        {summary.kind === 'us' && summary.tinType === 'ein' && (
          <div>
            <dt>Your SSN</dt>
            <dd>
              {summary.payoutSsnLast4 ? (
                <>
                  <span aria-hidden="true">•••• </span>ending {summary.payoutSsnLast4}{' '}
                  <span className="hint">(encrypted; we show only the last 4)</span>
                </>
              ) : (
                <>
                  Not given{' '}
                  <span className="hint">
                    (optional with an EIN; Stripe needs it to verify who you are before paying out
                    to a US bank account)
                  </span>
                </>
              )}
            </dd>
          </div>
        )}
        {summary.kind === 'us' && (
          <div>
            <dt>Date of birth</dt>
            <dd>
              {summary.hasDateOfBirth ? (
                <>
                  On file{' '}
                  <span className="hint">
                    (encrypted; shown in the form when you replace the declaration)
                  </span>
                </>
              ) : (
                <>
                  Not given{' '}
                  <span className="hint">
                    (optional; Stripe asks for it before paying out to a US bank account)
                  </span>
                </>
              )}
            </dd>
          </div>
        )}
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
      {replaceHref ? (
        <p>
          <ButtonLink href={replaceHref} variant="secondary">
            Replace the declaration
          </ButtonLink>
        </p>
      ) : (
        <p className="hint">Filling in the form below replaces the declaration on file.</p>
      )}
    </section>
  );
}

/**
 * The saved declaration as form defaults; the tax id and the payout SSN are never put back
 * in a form (the form's hint names the payout SSN's last four instead). The date of birth
 * is (in full: it is the owner's own form), so replacing the declaration keeps it unless
 * they clear it; the page decrypts it for this alone.
 */
export function formDefaultsFrom(
  summary: TaxSummary | undefined,
  country: string | null | undefined,
  dateOfBirth: string | null = null,
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
      dateOfBirth: dateOfBirth ?? '',
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
