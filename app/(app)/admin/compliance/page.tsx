import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { loadReviewQueue } from '@/lib/compliance/review';
import { formatComplianceDate, LEVEL_LABELS } from '@/lib/compliance/state';
import { requireAdmin } from '../require-admin';
import { countOf } from '@/lib/text/count';

export const metadata: Metadata = { title: 'Compliance review queue', robots: { index: false } };

const NOTICES: Record<string, string> = {
  approved:
    'The check is approved; the freelancer is emailed and their waiting contracts have started.',
  rejected: 'The check is rejected; the freelancer is emailed with your reason.',
};

type Props = { searchParams: Promise<{ notice?: string }> };

export default async function ComplianceQueuePage({ searchParams }: Props) {
  const { requester } = await requireAdmin();
  const { notice } = await searchParams;
  const { db } = await getDatabase();
  const queue = await loadReviewQueue(db, requester);
  if (!queue) notFound();
  return (
    <>
      <h1>Compliance review queue</h1>
      {notice && NOTICES[notice] && (
        <p className="notice success" role="status">
          {NOTICES[notice]}
        </p>
      )}
      <p>
        Checks waiting for a decision, oldest first. <Link href="/admin/audit">Audit log</Link>
      </p>
      {queue.length === 0 ? (
        <p>Nothing is waiting for review.</p>
      ) : (
        <table>
          <caption className="muted">{queue.length} waiting</caption>
          <thead>
            <tr>
              <th scope="col">Freelancer</th>
              <th scope="col">Check</th>
              <th scope="col">Submitted</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((c) => {
              const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
              const days = c.waitingDays;
              return (
                <tr key={c.id}>
                  <td>
                    {name || c.email}
                    <br />
                    <span className="muted">{c.email}</span>
                  </td>
                  <td>{LEVEL_LABELS[c.level]}</td>
                  <td>
                    <time dateTime={c.submittedAt.toISOString()}>
                      {formatComplianceDate(c.submittedAt)}
                    </time>
                    <br />
                    <span className="muted">
                      {days === 0 ? 'today' : `waiting ${countOf(days, 'day')}`}
                    </span>
                  </td>
                  <td>
                    <Link
                      href={`/admin/compliance/${c.id}`}
                      aria-label={`Review the check of ${name || c.email}`}
                    >
                      Review
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
