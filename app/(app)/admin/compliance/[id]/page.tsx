import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { loadCheckForReview } from '@/lib/compliance/review';
import { describeRequirement } from '@/lib/compliance/rule';
import { formatComplianceDate, LEVEL_LABELS } from '@/lib/compliance/state';
import { FILE_TYPES } from '@/lib/files/sniff';
import { requireAdmin } from '../../require-admin';
import { ReviewDecisionForms } from './decision-forms';

export const metadata: Metadata = { title: 'Review a compliance check', robots: { index: false } };

const STATUS: Record<string, string> = {
  submitted: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Rejected',
};

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const typeLabel = (mime: string) =>
  Object.values(FILE_TYPES).find((t) => t.mime === mime)?.label ?? mime;

export default async function ReviewCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const { requester } = await requireAdmin();
  const { id } = await params;
  const { db } = await getDatabase();
  const review = await loadCheckForReview(db, requester, id);
  if (!review) notFound();
  const { check, freelancer } = review;
  return (
    <>
      <p>
        <Link href="/admin/compliance">Back to the queue</Link>
      </p>
      <h1>Compliance check: {freelancer.name}</h1>
      <p>
        <span className="muted">{freelancer.email}</span> · {LEVEL_LABELS[check.level]} · Submitted{' '}
        {formatComplianceDate(check.submittedAt)} · Status:{' '}
        <strong className="status">{STATUS[check.status]}</strong>
      </p>
      {check.status !== 'submitted' && check.decidedAt && (
        <p className="notice">
          {STATUS[check.status]} on {formatComplianceDate(check.decidedAt)}
          {check.rejectionReason ? `: ${check.rejectionReason}` : '.'}
        </p>
      )}
      <section aria-labelledby="answers-heading" className="card">
        <h2 id="answers-heading">Answers</h2>
        <dl className="compliance-answers">
          {review.answers.map((a) => (
            <div key={a.id}>
              <dt>{a.question}</dt>
              <dd>{a.answer}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="documents-heading" className="card">
        <h2 id="documents-heading">Documents</h2>
        {review.documents.length === 0 ? (
          <p>
            {check.level === 'questionnaire' ? 'This check needs no documents.' : 'No documents.'}
          </p>
        ) : (
          <ul>
            {review.documents.map((d) => (
              <li key={d.id}>
                {/* A plain link: the download is an attachment from a route handler, not a page. */}
                <a href={`/compliance/documents/${d.id}`}>{d.fileName}</a>{' '}
                <span className="muted">
                  ({typeLabel(d.mimeType)}, {formatSize(d.sizeBytes)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="contracts-heading" className="card">
        <h2 id="contracts-heading">Contracts waiting for this check</h2>
        {review.waitingContracts.length === 0 ? (
          <p>None right now.</p>
        ) : (
          <ul>
            {review.waitingContracts.map((c) => (
              <li key={c.id}>
                “{c.title}” from {c.workspaceName}: {describeRequirement(c.requirement)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {review.history.length > 0 && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Earlier checks</h2>
          <ul>
            {review.history.map((h) => (
              <li key={h.id}>
                {formatComplianceDate(h.submittedAt)}: {STATUS[h.status]}
                {h.rejectionReason ? ` (${h.rejectionReason})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {check.status === 'submitted' && <ReviewDecisionForms checkId={check.id} />}
    </>
  );
}
