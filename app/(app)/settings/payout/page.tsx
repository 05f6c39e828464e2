import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { countOpenConfirmations } from '@/lib/accounts/confirmations';
import { payoutMethodKinds, type PayoutMethodKind } from '@/lib/payouts/schemas';
import { PAYOUT_KIND_LABELS } from '@/lib/payouts/present';
import { listPayoutMethods, SECURITY_HOLD_DAYS } from '@/lib/payouts/service';
import { RedirectNotice } from '@/components/redirect-notice';
import { ButtonLink } from '@/components/ui/button';
import { ContinueToNext, StepRail } from '../../onboarding/step-rail';
import { SecurityCue } from '../security-cue';
import { requireFreelancerViewer } from '../viewer';
import { AddMethodForm } from './add-method-form';
import { PayoutMethodList } from './method-list';

export const metadata: Metadata = { title: 'Payout methods', robots: { index: false } };
export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  added: `Payout method added. For your security it can receive withdrawals after a ${SECURITY_HOLD_DAYS}-day hold; we emailed you a notice.`,
  removed: 'Payout method removed. We emailed you a notice.',
  default: 'Default payout method changed.',
  'confirmation-sent':
    'You signed in more than 30 minutes ago, so we emailed you a link to confirm this change. It works for 30 minutes.',
  confirmed: 'Change confirmed and applied. We emailed you a notice.',
};

type Props = { searchParams: Promise<{ kind?: string; notice?: string }> };

export default async function PayoutSettingsPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const { kind: kindParam, notice } = await searchParams;
  const kind = (payoutMethodKinds as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as PayoutMethodKind)
    : 'us_bank';
  const { db } = await getDatabase();
  const [methods, pending] = await Promise.all([
    listPayoutMethods(db, viewer.user.id),
    countOpenConfirmations(db, viewer.user.id),
  ]);
  // With a method on file the add form waits behind a link (or a kind tab, ?kind=), so a
  // saved page does not invite a second submission; a form posted without JavaScript comes
  // back to the address it was opened at, so its errors still show.
  const isFormOpen = methods.length === 0 || kindParam !== undefined;
  const basics = viewer.freelancerProfile;
  const holderName = [basics?.firstName, basics?.lastName].filter(Boolean).join(' ');
  return (
    <>
      <StepRail current="payout" />
      <h1>Payout methods</h1>
      <p>
        Where we send your money. A new method can receive withdrawals {SECURITY_HOLD_DAYS} days
        after it is added: this hold protects you if someone else gets into your account. Adding or
        removing a method sends a notice to your email.
      </p>
      <RedirectNotice notice={notice} messages={NOTICES} />
      {pending > 0 && (
        <p className="notice">
          A change to your payout methods waits for you to confirm it with the link we emailed you.
        </p>
      )}
      <section aria-labelledby="methods-heading" className="card">
        <h2 id="methods-heading">Your payout methods</h2>
        <PayoutMethodList
          methods={methods}
          timeZone={viewer.freelancerProfile?.timeZone ?? 'UTC'}
        />
      </section>
      {isFormOpen ? (
        <section aria-labelledby="add-heading" className="card">
          <h2 id="add-heading">
            {methods.length === 0 ? 'Add a payout method' : 'Add another payout method'}
          </h2>
          <nav aria-label="Kind of payout method" className="tabs">
            <ul>
              {payoutMethodKinds.map((k) => (
                <li key={k}>
                  <Link
                    href={`/settings/payout?kind=${k}`}
                    aria-current={k === kind ? 'page' : undefined}
                  >
                    {PAYOUT_KIND_LABELS[k]}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {(kind === 'us_bank' || kind === 'iban') && (
            <SecurityCue>
              Your {kind === 'iban' ? 'IBAN' : 'account number'} is encrypted as soon as it reaches
              us. After that we show only its last 4 characters, here and in every email.
            </SecurityCue>
          )}
          <AddMethodForm key={kind} kind={kind} holderName={holderName} />
        </section>
      ) : (
        <p>
          <ButtonLink href="/settings/payout?kind=us_bank#add-heading" variant="secondary">
            Add another payout method
          </ButtonLink>
        </p>
      )}
      <ContinueToNext current="payout" />
    </>
  );
}
