import type { ReactNode } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import type { DisplayStatus } from '@/lib/invites/status';

/** One invite as the list shows it. */
export type InviteListRow = {
  id: string;
  name: string;
  email: string;
  title: string;
  /** What the client sees (lib/invites/status); the badge words it. */
  status: DisplayStatus;
  /** ISO 8601; the cell shows its date. */
  sentAt: string;
};

/**
 * The client's invite list: a table on a wide screen, one stacked card per invite on a
 * phone. Plain links (not <Link>) keep the rows light.
 */
export function InviteTable({ rows, caption }: { rows: InviteListRow[]; caption: ReactNode }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        {
          label: 'Freelancer',
          primary: true,
          cell: (r) => (
            <>
              <a href={`/client/invites/${r.id}`}>{r.name}</a>
              <br />
              <span className="muted">{r.email}</span>
            </>
          ),
        },
        { label: 'Offer', cell: (r) => r.title },
        { label: 'Status', cell: (r) => <StatusBadge kind="invite" status={r.status} /> },
        {
          label: 'Sent',
          cell: (r) => <time dateTime={r.sentAt}>{r.sentAt.slice(0, 10)}</time>,
        },
      ]}
    />
  );
}
