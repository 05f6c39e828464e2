import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { FileList } from '@/components/file-list';
import { RedirectNotice } from '@/components/redirect-notice';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { PageHeader } from '@/components/ui/page-header';
import { formatLongDate, formatLongDateTime } from '@/lib/dates/format';
import { DURATION_LABELS } from '@/lib/job-posts/labels';
import { formatMoney } from '@/lib/money/money';
import { listProposalFiles } from '@/lib/proposals/attachments';
import { bidText, FREELANCER_STATUS_LABELS } from '@/lib/proposals/labels';
import { findOwnProposalById, isWithdrawable } from '@/lib/proposals/service';
import { timeZoneOfViewer } from '../../contracts/viewer';
import { requireFreelancerViewer } from '../../settings/viewer';

export const metadata: Metadata = { title: 'Your proposal', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

/** What became of a proposal that can no longer be withdrawn, in the freelancer's words. */
const SETTLED: Partial<Record<string, string>> = {
  offered: 'The client sent you an offer from this proposal: it is in your email, to review.',
  withdrawn: 'You withdrew this proposal.',
};

/** One of the freelancer's own proposals in full; anyone else's id is not found. */
export default async function ProposalPage({ params, searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const timeZone = timeZoneOfViewer(viewer, 'freelancer');
  const [{ id }, { notice }] = await Promise.all([params, searchParams]);
  const { db } = await getDatabase();
  const found = await findOwnProposalById(db, { freelancerId: viewer.user.id, proposalId: id });
  if (!found) notFound();
  const { proposal, job } = found;
  const files = await listProposalFiles(db, proposal.id);
  return (
    <>
      <PageHeader
        title="Your proposal"
        description={
          <>
            For <Link href={`/jobs/${job.id}`}>{job.title}</Link>
          </>
        }
        back={<Link href="/proposals">← All proposals</Link>}
        actions={
          isWithdrawable(proposal.status) ? (
            <ConfirmLink href={`/proposals/${proposal.id}/withdraw`}>Withdraw</ConfirmLink>
          ) : undefined
        }
      />
      <RedirectNotice
        notice={notice}
        messages={{
          sent: 'Proposal sent. The client sees it among the job’s proposals.',
          withdrawn: 'Proposal withdrawn.',
        }}
      />
      {proposal.status === 'declined' ? (
        <p className="notice">
          The client declined this proposal
          {proposal.declinedAt ? ` on ${formatLongDate(proposal.declinedAt, timeZone)}` : ''}.
          {proposal.declineReason ? ` Their reason: ${proposal.declineReason}` : ''}
        </p>
      ) : SETTLED[proposal.status] ? (
        <p className="notice">{SETTLED[proposal.status]}</p>
      ) : null}
      <dl>
        <dt>Status</dt>
        <dd>{FREELANCER_STATUS_LABELS[proposal.status]}</dd>
        <dt>Sent</dt>
        <dd>{formatLongDateTime(proposal.submittedAt, timeZone)}</dd>
        <dt>Bid</dt>
        <dd>{bidText(proposal)}</dd>
        <dt>Estimated duration</dt>
        <dd>{DURATION_LABELS[proposal.estimatedDuration]}</dd>
      </dl>
      {proposal.milestones.length > 0 && (
        <section aria-labelledby="milestones-heading">
          <h2 id="milestones-heading">Milestones</h2>
          <ol>
            {proposal.milestones.map((m, i) => (
              <li key={i}>
                {m.description}: {formatMoney(m.amountCents, proposal.currency)}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="letter-heading">
        <h2 id="letter-heading">Cover letter</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{proposal.coverLetter}</p>
      </section>
      {proposal.answers.length > 0 && (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">Your answers</h2>
          <dl>
            {proposal.answers.map((a, i) => (
              <div key={i}>
                <dt>{a.question}</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{a.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {files.length > 0 && (
        <section aria-labelledby="files-heading">
          <h2 id="files-heading">Your attachments</h2>
          <FileList
            label="Attachments"
            files={files.map((f) => ({ ...f, href: `/proposals/${proposal.id}/files/${f.id}` }))}
          />
        </section>
      )}
      <p>
        <Link href={`/messages/proposal/${proposal.id}`}>Messages with the client</Link>
      </p>
    </>
  );
}
