import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { AUDIT_PAGE_SIZE, loadAuditLog } from '@/lib/compliance/review';
import { requireAdmin } from '../require-admin';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false } };

type Props = { searchParams: Promise<{ person?: string }> };

export default async function AuditLogPage({ searchParams }: Props) {
  const { requester } = await requireAdmin();
  const { person } = await searchParams;
  const { db } = await getDatabase();
  const log = await loadAuditLog(db, requester, {
    person: typeof person === 'string' ? person : undefined,
  });
  if (!log) notFound();
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Who did what, from which address, newest first (times in UTC). The log is append-only: the
        database refuses to change or delete an entry.
      </p>
      <form method="get" className="card narrow" role="search">
        <div className="field">
          <label htmlFor="person">Person (email or account id)</label>
          <p id="person-hint" className="hint">
            Shows what they did, and what was done to their account, invites, contracts, checks and
            documents.
          </p>
          <input
            id="person"
            name="person"
            type="search"
            defaultValue={person ?? ''}
            aria-describedby="person-hint"
          />
        </div>
        <button type="submit">Filter</button>
      </form>
      {log.personNotFound && (
        <p className="notice error" role="status">
          No account matches “{person}”.
        </p>
      )}
      {log.person && (
        <p role="status">
          Entries about <strong>{log.person.email}</strong> ({log.person.id}).
        </p>
      )}
      {log.entries.length === 0 ? (
        <p>No entries.</p>
      ) : (
        <table className="audit-table">
          <caption className="muted">
            {log.entries.length === AUDIT_PAGE_SIZE
              ? `The latest ${AUDIT_PAGE_SIZE} entries`
              : `${log.entries.length} entries`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">IP</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {log.entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.createdAt.toISOString()}>
                    {e.createdAt.toISOString().replace('T', ' ').slice(0, 19)}
                  </time>
                </td>
                <td>{e.actorEmail ?? e.actorId ?? 'system'}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</td>
                <td>{e.ip ?? '—'}</td>
                <td>{e.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
