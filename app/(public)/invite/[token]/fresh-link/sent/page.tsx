import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { findReplacementAddress } from '@/lib/invites/tokens';
import { maskEmail } from '@/lib/payouts/present';

export const metadata: Metadata = {
  title: 'A fresh link is on its way',
  robots: { index: false, follow: false },
};

/**
 * Where "Email me a fresh link" lands. The link it was pressed on is superseded by then, so
 * its own page would say "a newer link was sent"; this one confirms the request instead. The
 * address is shown masked, and only while it is the one the old link went to; anything else
 * (a link still current, an address the client changed) goes back to the link's own page.
 */
export default async function FreshLinkSentPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const { db } = await getDatabase();
  const address = /^[A-Za-z0-9_-]{43}$/.test(token)
    ? await findReplacementAddress(db, token)
    : null;
  if (!address) redirect(`/invite/${encodeURIComponent(token)}`);
  return (
    <div className="narrow">
      <h1>A fresh link is on its way</h1>
      <p className="notice success" role="status">
        A fresh link is on its way to {maskEmail(address)}. It replaces the link you used, which no
        longer works.
      </p>
      <p>It can take a minute or two to arrive. Check your spam folder if you do not see it.</p>
    </div>
  );
}
