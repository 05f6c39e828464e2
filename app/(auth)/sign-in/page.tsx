import type { Metadata } from 'next';
import Link from 'next/link';
import { RedirectNotice } from '@/components/redirect-notice';
import { safeReturnPath } from '@/lib/security/return-path';
import { RequestLinkForm } from './request-link-form';

export const metadata: Metadata = { title: 'Sign in' };

/** Changes confirmed by an emailed link in a browser where nobody was signed in land here. */
const SIGN_IN_NOTICES = {
  'email-changed': 'Your account email is changed. Sign in with your new address.',
  'payout-confirmed': 'Change confirmed and applied. We emailed you a notice.',
  'withdrawal-confirmed':
    'Withdrawal confirmed: it is on its way. Sign in to follow it under Earnings → Withdraw.',
};

type Props = { searchParams: Promise<{ notice?: string; next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { notice, next } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      <RedirectNotice notice={notice} messages={SIGN_IN_NOTICES} />
      <p>Enter your email and we will send you a sign-in link.</p>
      <RequestLinkForm
        submitLabel="Email me a sign-in link"
        returnPath={safeReturnPath(next) ?? undefined}
      />
      <p>
        New here? <Link href="/sign-up">Create an account</Link>.
      </p>
    </>
  );
}
