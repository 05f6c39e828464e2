import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { requireClient } from '@/lib/auth/session';
import { hasBillingMethod } from '@/lib/billing/service';
import { listWorkspaceInvites } from '@/lib/invites/queries';
import { InviteTableRows } from './invite-table';
import { displayStatus, STATUS_LABELS } from '@/lib/invites/status';
import { countOf } from '@/lib/text/count';

export const metadata: Metadata = { title: 'Client dashboard' };

// 25 rows keep the page light; plain links (not <Link>) keep the rows' component small.
const PAGE_SIZE = 25;

type Props = { searchParams: Promise<{ page?: string; notice?: string; count?: string }> };

export default async function ClientDashboardPage({ searchParams }: Props) {
  const { inviter, viewer } = await requireClient();
  const params = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? '1', 10) || 1));
  const { db } = await getDatabase();
  // The total comes with the session's workspace row (kept by triggers on invite).
  const total = viewer.workspace?.inviteCount ?? 0;
  const [rows, canBeCharged] = await Promise.all([
    listWorkspaceInvites(db, inviter.workspaceId, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    hasBillingMethod(db, inviter.workspaceId),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const now = new Date();
  return (
    <>
      <h1>{inviter.workspaceName}</h1>
      <p className="muted">Client workspace · {viewer.workspace?.type}</p>
      {params.notice === 'bulk-sent' && (
        <p className="notice success" role="status">
          {countOf(Number(params.count) || 0, 'invite')} {Number(params.count) === 1 ? 'is' : 'are'}{' '}
          on their way.
        </p>
      )}
      {!canBeCharged && (
        <section aria-labelledby="blockers-heading" className="notice">
          <h2 id="blockers-heading">Before your first payment</h2>
          <p>
            <Link href="/client/billing">Add a billing method</Link> so invoices and milestones can
            be paid when they are due.
          </p>
        </section>
      )}
      <p className="actions">
        <Link className="button" href="/client/invites/new">
          Invite a freelancer
        </Link>
        <Link className="button secondary" href="/client/invites/bulk">
          Bulk invite
        </Link>
        <Link className="button secondary" href="/client/billing">
          Billing methods
        </Link>
      </p>
      <section aria-labelledby="invites-heading">
        <h2 id="invites-heading">Invites</h2>
        {rows.length === 0 ? (
          <p>You have not invited anyone yet.</p>
        ) : (
          <table>
            <caption className="muted">
              {countOf(total, 'invite')} · page {page} of {pages}
            </caption>
            <thead>
              <tr>
                <th scope="col">Freelancer</th>
                <th scope="col">Offer</th>
                <th scope="col">Status</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <InviteTableRows
              rows={rows.map((r) => ({
                id: r.id,
                name: `${r.firstName} ${r.lastName}`,
                email: r.email,
                title: r.title ?? '',
                status:
                  STATUS_LABELS[displayStatus({ ...r, outboxStatus: r.outboxStatus ?? null }, now)],
                sentAt: r.createdAt.toISOString(),
              }))}
            />
          </table>
        )}
        {pages > 1 && (
          <nav aria-label="Invite pages" className="pager">
            {page > 1 && <Link href={`/client?page=${page - 1}`}>Previous page</Link>}
            {page < pages && <Link href={`/client?page=${page + 1}`}>Next page</Link>}
          </nav>
        )}
      </section>
    </>
  );
}
