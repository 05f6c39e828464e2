import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { PageHeader } from '@/components/ui/page-header';
import { budgetText } from '@/lib/job-posts/labels';
import { readProposalDraft } from '@/lib/proposals/drafts';
import { loadProposeForm } from '@/lib/proposals/service';
import { requireFreelancerViewer } from '../../../settings/viewer';
import { readProblems, TYPED_TEXT_KEPT } from './problems';
import { ProposalForm } from './proposal-form';

export const metadata: Metadata = { title: 'Send a proposal', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string; fields?: string; files?: string }>;
};

/**
 * The proposal form for one job (SPEC 5). A job the freelancer may not see is not found;
 * one they may see but cannot propose to (their own, closed, expired) says why; an earlier
 * proposal of theirs is linked instead of a second form.
 */
export default async function ProposePage({ params, searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const problems = readProblems(query);
  const { db } = await getDatabase();
  const { access, existingProposalId } = await loadProposeForm(db, {
    freelancerId: viewer.user.id,
    jobPostId: id,
  });
  if (!access.ok && access.reason === 'not_found') notFound();
  const { job } = access;
  const budget = budgetText(job);
  // After a refusal without JavaScript, what the freelancer typed (their own draft, only
  // read: a reload or a second tab shows it again; sending the proposal discards it).
  const typed =
    problems && access.ok && !existingProposalId
      ? await readProposalDraft(db, viewer.user.id, job.id)
      : undefined;
  return (
    <>
      <PageHeader
        title="Send a proposal"
        description={
          <>
            For <Link href={`/jobs/${job.id}`}>{job.title}</Link>
          </>
        }
      />
      <section aria-labelledby="job-heading" className="card">
        <h2 id="job-heading">The job</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{job.description}</p>
        <dl>
          <dt>Budget</dt>
          <dd>{budget}</dd>
          <dt>Skills</dt>
          <dd>{job.skills.join(', ')}</dd>
        </dl>
      </section>
      {existingProposalId ? (
        <p className="notice">
          You already sent a proposal to this job.{' '}
          <Link href={`/proposals/${existingProposalId}`}>View your proposal</Link>
        </p>
      ) : !access.ok ? (
        <p className="notice">{access.message}</p>
      ) : (
        <ProposalForm
          jobPostId={job.id}
          budgetKind={job.budgetKind}
          budget={budget}
          questions={job.questions}
          refused={
            problems && {
              ok: false,
              ...problems,
              ...(typed && { message: `${problems.message} ${TYPED_TEXT_KEPT}`, values: typed }),
            }
          }
        />
      )}
    </>
  );
}
