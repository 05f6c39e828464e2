import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { getViewer } from '@/lib/auth/session';
import { previewWithdrawalConfirmation } from '@/lib/withdrawals/confirm';
import { ConfirmLinkForm } from '../../../settings/confirm-link-form';
import { confirmWithdrawalAction } from './actions';

export const metadata: Metadata = {
  title: 'Confirm a withdrawal',
  robots: { index: false, follow: false },
};
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** The emailed link. Loading it changes nothing (mail scanners fetch links); only the button does. */
export default async function ConfirmWithdrawalPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  const viewer = await getViewer();
  const { db } = await getDatabase();
  const preview = await previewWithdrawalConfirmation(db, value, viewer?.user.id ?? null);
  return (
    <div className="narrow">
      <h1>Confirm your withdrawal</h1>
      {preview.ok ? (
        <>
          <p>
            You asked to withdraw <strong>{preview.withdrawal}</strong>, with a fee of {preview.fee}
            : {preview.taken} leaves your available balance. Press the button to make it; your
            balance, the method and your tax information are checked again now.
          </p>
          <ConfirmLinkForm
            action={confirmWithdrawalAction}
            token={value}
            label="Confirm this withdrawal"
            after={{ href: '/earnings/withdraw', label: 'Go to your withdrawals' }}
          />
        </>
      ) : (
        <>
          <p className="notice error">{preview.message}</p>
          <p>
            <Link href="/earnings/withdraw">Go to your withdrawals</Link>
          </p>
        </>
      )}
    </div>
  );
}
