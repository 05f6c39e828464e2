import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { csvResponse } from '@/lib/ledger/export';
import { earningsCsv } from '@/lib/reports/csv';
import { earningsBy, type EarningsGrouping } from '@/lib/reports/earnings';
import { parsePeriod } from '@/lib/reports/period';

const GROUPINGS: EarningsGrouping[] = ['week', 'month', 'client'];

/** One table of the freelancer's own earnings report as CSV (`by`, `from`, `to`). */
export async function GET(request: Request) {
  const actor = await loadActorOf('freelancer');
  if (!actor) return new Response('Not found', { status: 404 });
  const params = new URL(request.url).searchParams;
  const by = GROUPINGS.find((g) => g === params.get('by'));
  const parsed = parsePeriod({ from: params.get('from') ?? '', to: params.get('to') ?? '' });
  if (!by || !parsed.ok) {
    return new Response('Choose a table (by=week, month or client) and a valid period.', {
      status: 400,
    });
  }
  const { db } = await getDatabase();
  const rows = await earningsBy(db, actor.userId, parsed.period, by);
  return csvResponse(
    earningsCsv(by, rows),
    `workbridge-earnings-by-${by}-${parsed.period.fromMonth}-to-${parsed.period.toMonth}.csv`,
  );
}
