import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { clientHistoryCsv, csvResponse } from '@/lib/ledger/export';

/** The client's charges and refunds as CSV; nothing in the request says whose. */
export async function GET() {
  const actor = await loadActorOf('client');
  if (!actor) return new Response('Not found', { status: 404 });
  const { db } = await getDatabase();
  return csvResponse(
    await clientHistoryCsv(db, actor.inviter.workspaceId),
    'workbridge-transactions.csv',
  );
}
