import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { formatLongDate } from '@/lib/dates/format';
import { bidText, FREELANCER_STATUS_LABELS } from '@/lib/proposals/labels';
import { listOwnProposals } from '@/lib/proposals/service';
import { timeZoneOfViewer } from '../contracts/viewer';
import { requireFreelancerViewer } from '../settings/viewer';

export const metadata: Metadata = { title: 'Your proposals', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Row = Awaited<ReturnType<typeof listOwnProposals>>[number];

/** Every proposal the freelancer sent, newest first (SPEC 5). */
export default async function ProposalsPage() {
  const viewer = await requireFreelancerViewer();
  const timeZone = timeZoneOfViewer(viewer, 'freelancer');
  const { db } = await getDatabase();
  const rows = await listOwnProposals(db, viewer.user.id);
  return (
    <>
      <PageHeader
        title="Your proposals"
        description="Every proposal you sent, newest first."
        back={<Link href="/find-work">← Find Work</Link>}
      />
      {rows.length === 0 ? (
        <EmptyState
          title="You have not sent a proposal yet."
          action={<Link href="/find-work/search">Search jobs</Link>}
        />
      ) : (
        <DataTable<Row>
          caption="Your proposals"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              label: 'Job',
              primary: true,
              cell: (r) => <Link href={`/jobs/${r.jobPostId}`}>{r.jobTitle}</Link>,
            },
            { label: 'Status', cell: (r) => FREELANCER_STATUS_LABELS[r.status] },
            { label: 'Bid', align: 'end', cell: (r) => bidText(r) },
            { label: 'Sent', cell: (r) => formatLongDate(r.submittedAt, timeZone) },
            {
              label: 'Open',
              cell: (r) => (
                <>
                  <Link href={`/proposals/${r.id}`} aria-label={`Your proposal for ${r.jobTitle}`}>
                    Proposal
                  </Link>
                  {' · '}
                  <Link
                    href={`/messages/proposal/${r.id}`}
                    aria-label={`Messages about ${r.jobTitle}`}
                  >
                    Messages
                  </Link>
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
