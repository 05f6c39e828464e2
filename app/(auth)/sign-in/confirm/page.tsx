import type { Metadata } from 'next';
import { safeReturnPath } from '@/lib/security/return-path';
import { ConfirmSignInForm } from './confirm-form';

export const metadata: Metadata = { title: 'Confirm sign-in', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The emailed link lands here. Loading this page changes nothing (mail scanners fetch
 * links); only the button signs in.
 */
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  const email = typeof params.email === 'string' ? params.email : '';
  const next = safeReturnPath(params.next) ?? undefined;
  return (
    <div className="narrow">
      <h1>Sign in to Workbridge</h1>
      <p>
        Signing in as <strong>{email || 'an unknown address'}</strong>. Press the button to
        continue.
      </p>
      <ConfirmSignInForm token={token} email={email} returnPath={next} />
    </div>
  );
}
