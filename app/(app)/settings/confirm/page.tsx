import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { getViewer } from '@/lib/auth/session';
import { previewPayoutConfirmation } from '@/lib/payouts/service';
import { confirmPayoutChangeAction } from './actions';
import { ConfirmLinkForm } from '../confirm-link-form';

export const metadata: Metadata = {
  title: 'Confirm a payout change',
  robots: { index: false, follow: false },
};
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** The emailed link. Loading it changes nothing (mail scanners fetch links); only the button does. */
export default async function ConfirmPayoutChangePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  const viewer = await getViewer();
  const { db } = await getDatabase();
  const preview = await previewPayoutConfirmation(db, value, viewer?.user.id ?? null);
  return (
    <div className="narrow">
      <h1>Confirm a change to your payout methods</h1>
      {preview.ok ? (
        <>
          <p>
            You asked to: <strong>{preview.change}</strong>. Press the button to apply it. We will
            email you a security notice.
          </p>
          <ConfirmLinkForm
            action={confirmPayoutChangeAction}
            token={value}
            label="Confirm this change"
            after={{ href: '/settings/payout', label: 'Go to your payout methods' }}
          />
        </>
      ) : (
        <>
          <p className="notice error">{preview.message}</p>
          <p>
            <Link href="/settings/payout">Go to your payout methods</Link>
          </p>
        </>
      )}
    </div>
  );
}
