import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { Money } from '@/components/ui/money';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDateAndTime } from '@/lib/dates/format';
import { formatMoney } from '@/lib/money/money';
import { findWithdrawalDetail, type WithdrawalStepName } from '@/lib/withdrawals/detail';
import { timeZoneOfViewer } from '../../../contracts/viewer';
import { requireFreelancerViewer } from '../../../settings/viewer';

export const metadata: Metadata = { title: 'Withdrawal', robots: { index: false } };
export const dynamic = 'force-dynamic';

const STEP_LABELS: Record<WithdrawalStepName, string> = {
  requested: 'Requested',
  processing: 'Sent to the payout provider',
  paid: 'Paid',
  failed: 'Failed',
  returned: 'Returned to your available balance',
};

type Props = { params: Promise<{ id: string }> };

/**
 * One of the freelancer's withdrawals: what left their balance, what the method receives,
 * each step with its time in their zone and, when it came back, why and "Try again" (the
 * withdraw page's own retry, ?retry=). Two statements: the session, then the withdrawal.
 */
export default async function WithdrawalPage({ params }: Props) {
  const viewer = await requireFreelancerViewer();
  const { id } = await params;
  const { db } = await getDatabase();
  const timeZone = timeZoneOfViewer(viewer, 'freelancer');
  const withdrawal = await findWithdrawalDetail(db, viewer.user.id, id, timeZone);
  if (!withdrawal) notFound();
  const { amountCents, feeCents, currency, method } = withdrawal;
  const isReturned = withdrawal.status === 'returned' || withdrawal.status === 'failed';
  const total = formatMoney(amountCents + feeCents, currency);

  return (
    <>
      <PageHeader
        title={`Withdrawal of ${formatMoney(amountCents, currency)}`}
        back={<Link href="/earnings/withdraw">← Your withdrawals</Link>}
        description={
          <>
            To {method}. <StatusBadge kind="payout" status={withdrawal.status} />
          </>
        }
      />
      {isReturned && (
        <Notice tone="warning" title="This withdrawal came back">
          <p>
            {withdrawal.failureReason ?? 'The payout provider gave no reason.'} {total} is back in
            your available balance. {withdrawal.fix}
          </p>
          {withdrawal.isMethodRemoved && <p>That method was removed: choose another one.</p>}
          {/* The withdraw page's retry: the form there starts from this amount and method. */}
          <form method="get" action="/earnings/withdraw">
            <input type="hidden" name="retry" value={withdrawal.id} />
            <Button>Try again</Button>
          </form>
        </Notice>
      )}
      <Card title="The amounts">
        <DefinitionList
          items={[
            { label: 'Amount', value: <Money cents={amountCents} currency={currency} /> },
            { label: 'Fee', value: <Money cents={feeCents} currency={currency} /> },
            {
              label: isReturned ? 'Reached the method' : 'Reaches the method',
              value: isReturned ? (
                'Nothing: the payout did not go through.'
              ) : (
                <>
                  <Money cents={amountCents} currency={currency} />{' '}
                  <span className="muted">the fee is taken from your balance beside it</span>
                </>
              ),
            },
            {
              label: 'Taken from your balance',
              value: (
                <>
                  <Money cents={amountCents + feeCents} currency={currency} />
                  {isReturned && <span className="muted"> and given back</span>}
                </>
              ),
            },
            { label: 'Payout method', value: method },
          ]}
        />
      </Card>
      <Card title="Step by step">
        <ol>
          {withdrawal.steps.map((step) => (
            <li key={step.name}>
              <strong>{STEP_LABELS[step.name]}</strong>:{' '}
              {step.at ? (
                <time dateTime={step.at.toISOString()}>{formatDateAndTime(step.at, timeZone)}</time>
              ) : (
                <span className="muted">not yet</span>
              )}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
