import type { Metadata } from 'next';
import Link from 'next/link';
import { RequestLinkForm } from './request-link-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <>
      <h1>Sign in</h1>
      <p>Enter your email and we will send you a sign-in link.</p>
      <RequestLinkForm submitLabel="Email me a sign-in link" />
      <p>
        New here? <Link href="/sign-up">Create an account</Link>.
      </p>
    </>
  );
}
