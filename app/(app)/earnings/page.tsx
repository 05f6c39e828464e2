import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { EarningsChart } from '@/components/earnings/earnings-chart';
import { EarningsTimeline } from '@/components/earnings/earnings-timeline';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { Money } from '@/components/ui/money';
import { PageHeader } from '@/components/ui/page-header';
import { now } from '@/lib/clock';
import { formatLongDate } from '@/lib/dates/format';
import { loadEarningsBuckets, loadEarningsFigures } from '@/lib/earnings/queries';
import { listEarningsTimeline } from '@/lib/ledger/earnings-timeline';
import { timeZoneOfViewer } from '../contracts/viewer';
import { requireFreelancerViewer } from '../settings/viewer';

export const metadata: Metadata = { title: 'Earnings' };

// How much history the chart draws; the table under it has the same numbers.
const WEEKS_SHOWN = 26;
const MONTHS_SHOWN = 24;

/** A day before the first month drawn, so that month is whole in any time zone. */
const chartSince = () => {
  const at = now();
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - MONTHS_SHOWN, 0));
};

/** The balance page (SPEC 4.E): three statements besides the session (figures, chart, timeline). */
type Props = { searchParams: Promise<{ after?: string }> };

export default async function EarningsPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const timeZone = timeZoneOfViewer(viewer, 'freelancer');
  const { after } = await searchParams;
  const { db } = await getDatabase();
  const [figures, buckets, timeline] = await Promise.all([
    loadEarningsFigures(db, viewer.user.id),
    // Summing five years to draw two cost the page a third of its time (npm run bench:earnings).
    loadEarningsBuckets(db, viewer.user.id, timeZone, chartSince()),
    listEarningsTimeline(db, viewer.user.id, { cursor: after }),
  ]);
  const weeks = buckets.filter((b) => b.period === 'week').slice(-WEEKS_SHOWN);
  const months = buckets.filter((b) => b.period === 'month').slice(-MONTHS_SHOWN);
  return (
    <>
      <PageHeader
        title="Earnings"
        back={<a href="/onboarding">← Dashboard</a>}
        description="What your clients have paid, where each amount is now, and when it becomes yours to withdraw."
        actions={
          <>
            <a href="/earnings/withdraw">Withdraw</a> ·{' '}
            <a href="/earnings/transactions">All transactions</a> ·{' '}
            <a href="/earnings/reports">Reports</a>
          </>
        }
      />
      <Card title="Your balance">
        <DefinitionList
          items={[
            {
              label: 'In review',
              value: (
                <>
                  <Money cents={figures.inReviewCents} />{' '}
                  <span className="muted">weekly invoices your clients are reviewing</span>
                </>
              ),
            },
            {
              label: 'In escrow',
              value: (
                <>
                  <Money cents={figures.inEscrowCents} />{' '}
                  <span className="muted">funded milestones not yet approved</span>
                </>
              ),
            },
            {
              label: 'Pending',
              value: (
                <>
                  <Money cents={figures.pendingCents} />{' '}
                  <span className="muted">released to you, not yet available</span>
                </>
              ),
            },
            { label: 'Available', value: <Money cents={figures.availableCents} /> },
            ...(figures.withdrawingCents > 0
              ? [{ label: 'Being withdrawn', value: <Money cents={figures.withdrawingCents} /> }]
              : []),
          ]}
        />
        {figures.pending.length > 0 ? (
          <>
            <h3>When pending money becomes available</h3>
            <ul>
              {figures.pending.map((p, i) => (
                <li key={`${p.availableAt.toISOString()}-${i}`}>
                  <Money cents={p.cents} /> on{' '}
                  <time dateTime={p.availableAt.toISOString()}>
                    {formatLongDate(p.availableAt, timeZone)}
                  </time>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
      <Card title="Earnings by week and month">
        {weeks.length === 0 ? (
          <p>Nothing released to you yet.</p>
        ) : (
          <>
            <EarningsChart
              id="weekly"
              caption={`Net released to you, the last ${weeks.length} weeks (weeks start Monday, ${timeZone})`}
              bars={weeks.map((b) => ({ label: `Week of ${b.start}`, cents: b.netCents }))}
            />
            <EarningsChart
              id="monthly"
              caption={`Net released to you, the last ${months.length} months (${timeZone})`}
              bars={months.map((b) => ({ label: b.start.slice(0, 7), cents: b.netCents }))}
            />
          </>
        )}
      </Card>
      <Card title="Where every dollar came from">
        <EarningsTimeline
          page={timeline}
          timeZone={timeZone}
          olderHref={timeline.next ? `/earnings?after=${encodeURIComponent(timeline.next)}` : null}
        />
      </Card>
    </>
  );
}
