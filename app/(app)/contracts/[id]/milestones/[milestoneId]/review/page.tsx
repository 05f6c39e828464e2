import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { Notice } from '@/components/ui/notice';
import { FILE_TYPES } from '@/lib/files/sniff';
import { findLatestSubmission } from '@/lib/milestones/submission';
import { loadMilestoneWork, type MilestoneParams } from '../load-milestone-work';
import { MilestoneWorkSummary, utc } from '../milestone-work-summary';
import { ReviewForms } from './review-forms';

export const metadata: Metadata = { title: 'Review the work', robots: { index: false } };

type Search = { searchParams: Promise<Record<string, string | undefined>> };

const NOTICES: Record<string, string> = {
  released: 'Released. The freelancer has been emailed.',
  'changes-requested': 'Changes requested. The freelancer has been emailed and can resubmit.',
};

const typeLabel = (mime: string) =>
  Object.values(FILE_TYPES).find((t) => t.mime === mime)?.label ?? mime;
const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The client reviews the latest submission: approve, ask for changes, or release now. */
export default async function ReviewMilestonePage(props: MilestoneParams & Search) {
  const { db, work } = await loadMilestoneWork(props);
  const query = await props.searchParams;
  const status = work.state?.status ?? 'unfunded';
  const latest = await findLatestSubmission(db, work.milestone.id);
  const base = `/contracts/${work.contract.id}/milestones/${work.milestone.id}`;
  const ids = { contractId: work.contract.id, milestoneId: work.milestone.id };
  const isClient = work.side === 'client';
  return (
    <>
      <MilestoneWorkSummary work={work} title="Review the work" />
      {query.notice && NOTICES[query.notice] && (
        <Notice tone="success" announce>
          {NOTICES[query.notice]}
        </Notice>
      )}
      <Card title="Latest submission">
        {!latest ? (
          <p>Nothing submitted yet.</p>
        ) : (
          <>
            <p className="muted">Submitted {utc(latest.at)}</p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{latest.message}</p>
            {latest.links.length > 0 && (
              <ul aria-label="Links">
                {latest.links.map((l) => (
                  <li key={l}>
                    <a href={l} rel="noopener noreferrer nofollow" target="_blank">
                      {l}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {latest.files.length > 0 && (
              <ul aria-label="Files">
                {latest.files.map((f) => (
                  <li key={f.id}>
                    <a href={`${base}/files/${f.id}`}>{f.fileName}</a>{' '}
                    <span className="muted">
                      ({typeLabel(f.mimeType)}, {size(f.sizeBytes)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Card>
      {!isClient ? (
        <p>Only the client of this contract reviews its milestones.</p>
      ) : (
        <>
          {status === 'submitted' && <ReviewForms {...ids} />}
          {(status === 'funded' || status === 'changes_requested' || status === 'submitted') && (
            <Card title="Release now">
              <p className="hint">
                Release the money without waiting for (or reviewing) a submission. The next page
                asks you to confirm.
              </p>
              <ConfirmLink href={`${base}/review/release`}>Release now…</ConfirmLink>
            </Card>
          )}
        </>
      )}
    </>
  );
}
