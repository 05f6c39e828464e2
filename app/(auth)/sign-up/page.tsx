import type { Metadata } from 'next';
import Link from 'next/link';
import { RequestLinkForm } from '../sign-in/request-link-form';

export const metadata: Metadata = { title: 'Sign up' };

export default function SignUpPage() {
  return (
    <>
      <h1>Create your Workbridge account</h1>
      <p>
        Just your email: we send you a link, you click it, and you are in. After that you choose
        whether you hire or work.
      </p>
      <RequestLinkForm submitLabel="Email me a sign-up link" />
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </>
  );
}
