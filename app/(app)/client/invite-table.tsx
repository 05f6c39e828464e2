'use client';

// A client component though it has no interactivity: the page then sends the rows as data in
// its RSC payload, not as 25 rows of elements (the page's HTML: 24 kB instead of 33 kB). With
// server-rendered rows (and the list read row by row) the client invite list of `npm run bench`
// (scripts/bench.ts) measured 22-24% of /api/health on PGlite and 17-21% on Postgres, below
// its target of 25%.

/** One invite as the list shows it, already worded. */
export type InviteListRow = {
  id: string;
  name: string;
  email: string;
  title: string;
  status: string;
  /** ISO 8601; the cell shows its date. */
  sentAt: string;
};

/** The rows of the client's invite list. */
export function InviteTableRows({ rows }: { rows: InviteListRow[] }) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id}>
          <td>
            <a href={`/client/invites/${r.id}`}>{r.name}</a>
            <br />
            <span className="muted">{r.email}</span>
          </td>
          <td>{r.title}</td>
          <td className="status">{r.status}</td>
          <td>
            <time dateTime={r.sentAt}>{r.sentAt.slice(0, 10)}</time>
          </td>
        </tr>
      ))}
    </tbody>
  );
}
