import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { requireClient } from '@/lib/auth/session';
import { hasBillingMethod } from '@/lib/billing/service';
import { listWorkspaceInvites } from '@/lib/invites/queries';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { displayStatus } from '@/lib/invites/status';
import { InviteTable } from './invite-table';
import { AddOtherSide } from '@/components/add-other-side';
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
      <PageHeader
        title={inviter.workspaceName}
        description={<p>Client workspace · {viewer.workspace?.type}</p>}
        actions={
          <>
            <ButtonLink href="/client/invites/new">Invite a freelancer</ButtonLink>
            <ButtonLink href="/client/invites/bulk" variant="secondary">
              Bulk invite
            </ButtonLink>
            <ButtonLink href="/client/billing" variant="secondary">
              Billing methods
            </ButtonLink>
            <ButtonLink href="/client/transactions" variant="secondary">
              Transactions
            </ButtonLink>
            <ButtonLink href="/client/reports" variant="secondary">
              Spending reports
            </ButtonLink>
          </>
        }
      />
      {params.notice === 'bulk-sent' && (
        <Notice tone="success" announce>
          <p>
            {countOf(Number(params.count) || 0, 'invite')}{' '}
            {Number(params.count) === 1 ? 'is' : 'are'} on their way.
          </p>
        </Notice>
      )}
      {!canBeCharged && (
        <Card title="Before your first payment" tone="warning">
          <p>
            <Link href="/client/billing">Add a billing method</Link> so invoices and milestones can
            be paid when they are due.
          </p>
        </Card>
      )}
      <section aria-labelledby="invites-heading">
        <h2 id="invites-heading">Invites</h2>
        {rows.length === 0 ? (
          <EmptyState title="You have not invited anyone yet.">
            <p>
              Invite the freelancers you already work with above: each gets an email with your
              offer.
            </p>
          </EmptyState>
        ) : (
          <InviteTable
            caption={`${countOf(total, 'invite')} · page ${page} of ${pages}`}
            rows={rows.map((r) => ({
              id: r.id,
              name: `${r.firstName} ${r.lastName}`,
              email: r.email,
              title: r.title ?? '',
              status: displayStatus({ ...r, outboxStatus: r.outboxStatus ?? null }, now),
              sentAt: r.createdAt.toISOString(),
            }))}
          />
        )}
        {pages > 1 && (
          <nav aria-label="Invite pages" className="pager">
            {page > 1 && <Link href={`/client?page=${page - 1}`}>Previous page</Link>}
            {page < pages && <Link href={`/client?page=${page + 1}`}>Next page</Link>}
          </nav>
        )}
      </section>
      <AddOtherSide hasWorkspace isFreelancer={viewer.isFreelancer} />
    </>
  );
}
