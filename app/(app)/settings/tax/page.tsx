import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { COUNTRIES } from '@/lib/geo/countries';
import { dateOfBirthForOwnForm, getTaxSummary } from '@/lib/tax/service';
import { US_STATES } from '@/lib/tax/validation';
import { RedirectNotice } from '@/components/redirect-notice';
import { ContinueToNext, StepRail } from '../../onboarding/step-rail';
import { SecurityCue } from '../security-cue';
import { requireFreelancerViewer } from '../viewer';
import { NonUsTaxForm, UsTaxForm } from './tax-forms';
import { formDefaultsFrom, TaxSummaryCard } from './tax-summary';

export const metadata: Metadata = { title: 'Tax information', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ form?: string; notice?: string }> };

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
  // A declaration on file shows as its summary; the "Replace" link or a form tab (?form=)
  // opens the form, and a form posted without JavaScript comes back to that same address.
  const isFormOpen = !summary || form === 'us' || form === 'non_us';
  const shown = summary?.kind === kind ? summary : undefined;
  // The date of birth is decrypted only to prefill the owner's own open W-9 form.
  const dateOfBirth =
    isFormOpen && shown?.kind === 'us' && shown.hasDateOfBirth
      ? await dateOfBirthForOwnForm(db, viewer.user.id)
      : null;
  const defaults = formDefaultsFrom(shown, basics?.country, dateOfBirth);
  return (
    <>
      <StepRail current="tax" />
      <h1>Tax information</h1>
      <p>
        We need this before your first withdrawal. It is the information of a W-9 (US persons) or
        W-8BEN (everyone else).
      </p>
      <RedirectNotice notice={notice} messages={{ saved: 'Tax information saved and signed.' }} />
      {summary && (
        <TaxSummaryCard
          summary={summary}
          replaceHref={
            isFormOpen ? undefined : `/settings/tax?form=${summary.kind}#tax-form-heading`
          }
        />
      )}
      {isFormOpen && (
        <section aria-labelledby="tax-form-heading" className="card">
          <h2 id="tax-form-heading">
            {kind === 'us' ? 'US person (W-9)' : 'Not a US person (W-8BEN)'}
          </h2>
          <nav aria-label="Which tax form" className="tabs">
            <ul>
              <li>
                <Link
                  href="/settings/tax?form=us"
                  aria-current={kind === 'us' ? 'page' : undefined}
                >
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
          <SecurityCue>
            Your {kind === 'us' ? 'SSN or EIN' : 'tax identification number'} is encrypted as soon
            as it reaches us. After that we show only its last 4 characters, and never send it in an
            email.
          </SecurityCue>
          {kind === 'us' ? (
            <UsTaxForm
              key="us"
              defaults={defaults}
              states={US_STATES.map((s) => ({ ...s }))}
              payoutSsnOnFile={shown?.kind === 'us' ? shown.payoutSsnLast4 : null}
            />
          ) : (
            <NonUsTaxForm key="non_us" defaults={defaults} countries={COUNTRIES} />
          )}
        </section>
      )}
      <ContinueToNext current="tax" />
    </>
  );
}
