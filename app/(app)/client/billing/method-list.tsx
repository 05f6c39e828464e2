import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import type { BillingMethodView } from '@/lib/billing/service';
import { MethodActions } from './method-actions';

/** The workspace's cards: brand and last 4 only, with their expiry. */
export function BillingMethodList({ methods }: { methods: BillingMethodView[] }) {
  if (methods.length === 0)
    return (
      <EmptyState title="You have not added a billing method yet.">
        Add a card below: the default card pays your invoices and funded milestones.
      </EmptyState>
    );
  return (
    <DataTable
      caption="Your cards, the default first"
      rows={methods}
      rowKey={(m) => m.id}
      columns={[
        {
          label: 'Card',
          primary: true,
          cell: (m) => (
            <>
              {m.brand} •••• {m.last4} {m.isDefault && <span className="badge">Default</span>}
            </>
          ),
        },
        { label: 'Expires', cell: (m) => m.expires },
        {
          label: 'Actions',
          cell: (m) => <MethodActions methodId={m.id} title={m.title} isDefault={m.isDefault} />,
        },
      ]}
    />
  );
}
