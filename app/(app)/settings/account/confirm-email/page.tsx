import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { findEmailChange } from '@/lib/accounts/email-change';
import { getViewer } from '@/lib/auth/session';
import { ConfirmLinkForm } from '../../confirm-link-form';
import { confirmEmailChangeAction } from '../actions';

export const metadata: Metadata = {
  title: 'Confirm your new email',
  robots: { index: false, follow: false },
};
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** The link sent to the new address. Loading it changes nothing; only the button does. */
export default async function ConfirmEmailChangePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  const viewer = await getViewer();
  const { db } = await getDatabase();
  const found = await findEmailChange(db, value, viewer?.user.id ?? null);
  return (
    <div className="narrow">
      <h1>Confirm your new email address</h1>
      {found.ok ? (
        <>
          <p>
            Use <strong>{found.request.newEmail}</strong> for your Workbridge account from now on.
          </p>
          <ConfirmLinkForm
            action={confirmEmailChangeAction}
            token={value}
            label="Confirm this address"
            after={{
              href: viewer ? '/settings/account' : '/sign-in',
              label: viewer ? 'Go to your account' : 'Sign in',
            }}
          />
        </>
      ) : (
        <>
          <p className="notice error">{found.message}</p>
          <p>
            <Link href="/settings/account">Go to your account settings</Link>
          </p>
        </>
      )}
    </div>
  );
}
