import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Check your email' };

export default function CheckEmailPage() {
  return (
    <div className="card narrow">
      <h1>Check your email</h1>
      <p>
        If the address can receive email, a sign-in link is on its way. It works once and for 15
        minutes.
      </p>
      <p>
        Nothing arrived after a few minutes? Check your spam folder, or{' '}
        <Link href="/sign-in">ask for another link</Link>.
      </p>
    </div>
  );
}
