import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { DefinitionList } from '@/components/ui/definition-list';
import { EmptyState } from '@/components/ui/empty-state';
import { Money } from '@/components/ui/money';
import { Notice } from '@/components/ui/notice';
import { StatusBadge, type PayoutStatus } from '@/components/ui/status-badge';

type Withdrawal = {
  id: string;
  method: string;
  amountCents: number;
  feeCents: number;
  status: PayoutStatus;
  date: string;
};

const WITHDRAWALS: Withdrawal[] = [
  {
    id: 'w1',
    method: 'US bank ····0417',
    amountCents: 190_000,
    feeCents: 0,
    status: 'paid',
    date: '2026-11-25',
  },
  {
    id: 'w2',
    method: 'PayPal (alex.kim@example.com)',
    amountCents: 4_550,
    feeCents: 200,
    status: 'processing',
    date: '2026-11-30',
  },
  {
    id: 'w3',
    method: 'International bank, IBAN ····8812',
    amountCents: 1_234_567,
    feeCents: 99,
    status: 'failed',
    date: '2026-12-01',
  },
  {
    id: 'w4',
    method: 'Payoneer',
    amountCents: 500,
    feeCents: 200,
    status: 'requested',
    date: '2026-12-02',
  },
];

export function TablesSection() {
  return (
    <Card id="tables" title="Tables">
      <p>Under 640 px each row becomes a stacked card, every cell with its column label.</p>
      <DataTable
        caption="4 withdrawals"
        rows={WITHDRAWALS}
        rowKey={(w) => w.id}
        columns={[
          { label: 'Method', primary: true, cell: (w) => w.method },
          { label: 'Amount', align: 'end', cell: (w) => <Money cents={w.amountCents} /> },
          { label: 'Fee', align: 'end', cell: (w) => <Money cents={w.feeCents} /> },
          { label: 'Status', cell: (w) => <StatusBadge kind="payout" status={w.status} /> },
          { label: 'Requested', cell: (w) => <time dateTime={w.date}>{w.date}</time> },
        ]}
      />
    </Card>
  );
}

export function TermsSection() {
  return (
    <Card id="terms" title="Terms and money">
      <DefinitionList
        items={[
          { label: 'Contract', value: 'Website redesign' },
          { label: 'Hourly rate', value: <Money cents={4_500} /> },
          { label: 'Weekly limit', value: '20 hours' },
          { label: 'Freelancer receives per full week', value: <Money cents={85_500} /> },
          { label: 'Service fee', value: '5%' },
          { label: 'Start date', value: '3 December 2026' },
        ]}
      />
      <h3>Money</h3>
      <DefinitionList
        items={[
          { label: 'Zero', value: <Money cents={0} /> },
          { label: 'A cent', value: <Money cents={1} /> },
          { label: 'Thousands', value: <Money cents={1_234_567} /> },
          { label: 'A credit', value: <Money cents={2_500} signed /> },
          { label: 'A refund', value: <Money cents={-2_500} /> },
          { label: 'Another currency', value: <Money cents={9_900} currency="EUR" /> },
        ]}
      />
    </Card>
  );
}

export function NoticesSection() {
  return (
    <Card id="notices" title="Notices">
      <Notice tone="info" title="For your information">
        <p>Invites expire after 14 days; you can send a fresh link.</p>
      </Notice>
      <Notice tone="success" announce>
        <p>The invite is saved and its email is on its way.</p>
      </Notice>
      <Notice tone="warning" title="Before the first payment">
        <p>Add a payout method and your tax information.</p>
      </Notice>
      <Notice tone="danger" title="The email could not be delivered" announce>
        <p>The address bounced. Check it and send the invite again.</p>
      </Notice>
    </Card>
  );
}

export function EmptyStatesSection() {
  return (
    <Card id="empty" title="Empty states">
      <EmptyState
        title="You have not invited anyone yet"
        action={<ButtonLink href="/dev/ui#empty">Invite a freelancer</ButtonLink>}
      >
        <p>Invite the freelancers you already work with; they get an email with your offer.</p>
      </EmptyState>
    </Card>
  );
}
