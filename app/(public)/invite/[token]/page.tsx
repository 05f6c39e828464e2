import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { OfferSummary } from '@/components/offer/offer-summary';
import { getViewer } from '@/lib/auth/session';
import { recordInviteOpened, resolveInviteLink } from '@/lib/invites/landing';
import { loadTerms } from '@/lib/invites/service';
import { formatLongDate } from '@/lib/dates/format';

export const metadata: Metadata = {
  title: 'Your invitation',
  robots: { index: false, follow: false },
};

/**
 * The invite link. Loading it (GET, HEAD, a scanner's headless browser) changes nothing
 * but an "opened" event; only the button uses the link.
 */
type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ error?: string }>;
};

export default async function InviteLandingPage({ params, searchParams }: Props) {
  const { token } = await params;
  const query = await searchParams;
  const base = `/invite/${encodeURIComponent(token)}`;
  const { db } = await getDatabase();
  const state = await resolveInviteLink(db, token);

  // 404 with ./not-found.tsx; the dead links below get their 410 from proxy.ts.
  if (state.kind === 'unknown') notFound();
  if (state.kind === 'superseded') {
    return (
      <DeadLink title="A newer link was sent">
        This invitation was sent again with a new link, and this one no longer works. Use the link
        in the most recent email.
      </DeadLink>
    );
  }
  if (state.kind === 'used') {
    return (
      <DeadLink title="This invitation was already accepted">
        <Link href="/sign-in">Sign in</Link> to continue where you left off.
      </DeadLink>
    );
  }
  if (state.kind === 'declined') {
    return (
      <DeadLink title="This invitation was declined">
        The offer was declined, so this link no longer works.
      </DeadLink>
    );
  }
  const who = state.inviterName
    ? `${state.inviterName} of ${state.workspaceName}`
    : state.workspaceName;
  if (state.kind === 'revoked') {
    return (
      <DeadLink title="This invitation was withdrawn">
        {who} withdrew this invitation. If you think that is a mistake, contact{' '}
        {state.inviterName || state.workspaceName} directly.
      </DeadLink>
    );
  }
  if (state.kind === 'expired') {
    return (
      <div className="narrow">
        <h1>This invitation has expired</h1>
        <p>
          The link from {who} expired on {formatLongDate(state.invite.expiresAt)}. You can ask for a
          fresh link; it goes to the address the invitation was sent to, and {state.workspaceName}{' '}
          will see that you asked.
        </p>
        {/* Once sent, this link is superseded: ./fresh-link/sent confirms the request. */}
        <form method="post" action={`${base}/fresh-link`}>
          <button type="submit">Email me a fresh link</button>
        </form>
      </div>
    );
  }

  if (!state.opened) await recordInviteOpened(db, state.invite.id);
  const [terms, viewer] = await Promise.all([loadTerms(db, state.invite.id), getViewer()]);
  const someoneElse = viewer && viewer.user.email !== state.invite.email;
  return (
    <>
      <h1>{who} invited you to work together on Workbridge</h1>
      <p>
        Hi {state.invite.firstName}, here is the offer. You review and accept the contract after
        setting up your account.
      </p>
      {state.invite.message && (
        <blockquote className="card" style={{ whiteSpace: 'pre-wrap' }}>
          {state.invite.message}
        </blockquote>
      )}
      {terms && <OfferSummary terms={terms} audience="freelancer" />}
      <section className="card" aria-labelledby="why-heading">
        <h2 id="why-heading">Why join</h2>
        <ul>
          <li>Simpler invoicing: hours and milestones turn into invoices for you.</li>
          <li>Paid within days, to the payout method you choose.</li>
          <li>Payment protection on the work you do under the contract.</li>
          <li>A profile that can help you find more work, if you want it to.</li>
        </ul>
      </section>
      <p>This invitation expires on {formatLongDate(state.invite.expiresAt)}.</p>
      {someoneElse ? (
        <div className="card">
          <p>
            You are signed in as <strong>{viewer.user.email}</strong>. This invitation is for
            someone else, so it will not be added to that account.
          </p>
          <form method="post" action={`${base}/sign-out`}>
            <button type="submit">Sign out and continue</button>
          </form>
        </div>
      ) : (
        <form method="post" action={`${base}/accept`}>
          {query.error === 'wrong-account' && (
            <p className="notice error" role="alert">
              You are signed in with another account. Sign out first, then continue.
            </p>
          )}
          <button type="submit">Accept the invitation</button>
        </form>
      )}
    </>
  );
}

function DeadLink({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="narrow">
      <h1>{title}</h1>
      <p>{children}</p>
    </div>
  );
}
