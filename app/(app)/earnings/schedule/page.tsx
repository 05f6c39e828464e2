import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { centsToDollarInput, formatMoney } from '@/lib/money/money';
import { formatHoldEnd } from '@/lib/payouts/present';
import { FREQUENCY_LABELS, type WithdrawalFrequency } from '@/lib/withdrawals/schedule-days';
import { findWithdrawalSchedule } from '@/lib/withdrawals/schedule-service';
import { isPayeeStopped, payeeStatusMessage } from '@/lib/withdrawals/rules';
import { withdrawalOverview } from '@/lib/withdrawals/service';
import { requireFreelancerViewer } from '../../settings/viewer';
import { ScheduleForm } from './schedule-form';

export const metadata: Metadata = { title: 'Withdrawal schedule', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { searchParams?: Promise<{ notice?: string }> };

/** Automatic withdrawals: how often, above which balance, to which method (SPEC 4.E). */
export default async function WithdrawalSchedulePage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const query = (await searchParams) ?? {};
  const { db } = await getDatabase();
  const [overview, schedule] = await Promise.all([
    withdrawalOverview(db, viewer.user.id),
    findWithdrawalSchedule(db, viewer.user.id),
  ]);
  const frequencies = (Object.keys(FREQUENCY_LABELS) as WithdrawalFrequency[]).map((f) => ({
    value: f,
    label: FREQUENCY_LABELS[f],
  }));
  // A method is unusable while in its hold or while its provider has stopped paying out to
  // it: each is named, since only the hold ends by itself.
  const whyUnusable = (m: (typeof overview.methods)[number]) => {
    if (m.isUsable) return '';
    return isPayeeStopped(m.payeeStatus)
      ? ' (Stripe has stopped payouts to it)'
      : ' (in its security hold)';
  };
  const methods = overview.methods.map((m) => ({
    value: m.id,
    label: `${m.title}: fee ${formatMoney(m.feeCents)}, minimum ${formatMoney(m.minimumCents)}${whyUnusable(m)}`,
  }));
  const chosen = overview.methods.find((m) => m.id === schedule.payoutMethodId);
  const unusable = schedule.frequency !== 'off' && chosen && !chosen.isUsable ? chosen : undefined;
  const stopped = unusable && isPayeeStopped(unusable.payeeStatus) ? unusable : undefined;
  const held = unusable && !stopped ? unusable : undefined;
  const stoppedMessage = stopped ? payeeStatusMessage(stopped, stopped.payeeStatus) : null;
  return (
    <>
      <PageHeader
        title="Withdrawal schedule"
        back={<Link href="/earnings/withdraw">← Withdraw</Link>}
        description="Payout days are Wednesdays (UTC). On a payout day, everything available is withdrawn, less the method's fee, when it reaches your threshold."
      />
      {query.notice === 'saved' && (
        <Notice tone="success" announce>
          Schedule saved. We emailed you a note of the change.
        </Notice>
      )}
      {held && (
        <Notice tone="warning">
          {held.title} is in its 3-day security hold: payouts to it wait until{' '}
          {formatHoldEnd(held.usableAfter, viewer.freelancerProfile?.timeZone ?? 'UTC')}.
        </Notice>
      )}
      {stoppedMessage && (
        <Notice tone="warning">
          {stoppedMessage.text} Until then, scheduled payouts to it are skipped and we email you
          each payout day. {stoppedMessage.href && <Link href={stoppedMessage.href}>Fix this</Link>}
        </Notice>
      )}
      <Card title="Automatic withdrawals">
        <ScheduleForm
          frequencies={frequencies}
          methods={methods}
          frequency={schedule.frequency}
          threshold={schedule.thresholdCents ? centsToDollarInput(schedule.thresholdCents) : ''}
          payoutMethodId={
            schedule.payoutMethodId ?? overview.methods.find((m) => m.isDefault)?.id ?? ''
          }
        />
      </Card>
      <p className="hint">
        With the schedule off, money left available and not withdrawn for 180 days is paid out to
        your default payout method on a Wednesday.
      </p>
    </>
  );
}
