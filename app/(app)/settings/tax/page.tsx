import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { COUNTRIES } from '@/lib/geo/countries';
import { getTaxSummary } from '@/lib/tax/service';
import { US_STATES } from '@/lib/tax/validation';
import { RedirectNotice } from '@/components/redirect-notice';
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
  const defaults = formDefaultsFrom(summary?.kind === kind ? summary : undefined, basics?.country);
  return (
    <>
      <h1>Tax information</h1>
      <p>
        We need this before your first withdrawal. It is the information of a W-9 (US persons) or
        W-8BEN (everyone else).
      </p>
      <RedirectNotice notice={notice} messages={{ saved: 'Tax information saved and signed.' }} />
      {summary && <TaxSummaryCard summary={summary} />}
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
