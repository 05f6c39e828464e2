import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { csvResponse } from '@/lib/ledger/export';
import { spendingCsv } from '@/lib/reports/csv';
import { parsePeriod } from '@/lib/reports/period';
import { spendingBy, type SpendingGrouping } from '@/lib/reports/spending';

const GROUPINGS: SpendingGrouping[] = ['contract', 'week'];

/** One table of the client's own spending report as CSV (`by`, `from`, `to`). */
export async function GET(request: Request) {
  const actor = await loadActorOf('client');
  if (!actor) return new Response('Not found', { status: 404 });
  const params = new URL(request.url).searchParams;
  const by = GROUPINGS.find((g) => g === params.get('by'));
  const parsed = parsePeriod({ from: params.get('from') ?? '', to: params.get('to') ?? '' });
  if (!by || !parsed.ok) {
    return new Response('Choose a table (by=contract or week) and a valid period.', {
      status: 400,
    });
  }
  const { db } = await getDatabase();
  const rows = await spendingBy(db, actor.inviter.workspaceId, parsed.period, by);
  return csvResponse(
    spendingCsv(by, rows),
    `workbridge-spending-by-${by}-${parsed.period.fromMonth}-to-${parsed.period.toMonth}.csv`,
  );
}
