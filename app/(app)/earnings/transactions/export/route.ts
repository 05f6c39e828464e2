import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { csvResponse, freelancerHistoryCsv } from '@/lib/ledger/export';

/** The freelancer's own transaction history as CSV; nothing in the request says whose. */
export async function GET() {
  const actor = await loadActorOf('freelancer');
  if (!actor) return new Response('Not found', { status: 404 });
  const { db } = await getDatabase();
  return csvResponse(await freelancerHistoryCsv(db, actor.userId), 'workbridge-earnings.csv');
}
