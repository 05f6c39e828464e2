import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts } from '@/db/schema';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction, type Posting } from '@/lib/ledger/post';
import { feeCents, netCents } from '@/lib/money/money';

/**
 * Ledger postings without invoices behind them, for the journeys about the transaction
 * pages: two weeks of money on an hourly contract under fixed keys (posting them again adds
 * nothing). The dev seed moves real money instead (lib/server/seed-money.ts).
 */
export type PayableContract = {
  id: string;
  freelancerId: string;
  hourlyRateCents: number;
  feeBps: number;
  currency: string;
};

/** An hourly contract with a freelancer on it: what the demo movements are made for. */
export async function findPayableContract(
  db: Db,
  contractId: string,
): Promise<PayableContract | null> {
  const [row] = await db
    .select({
      id: contracts.id,
      freelancerId: contracts.freelancerId,
      hourlyRateCents: contracts.hourlyRateCents,
      feeBps: contracts.feeBps,
      currency: contracts.currency,
    })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  // An invite whose link was never followed (a first run cut short) has no one to pay.
  if (!row?.freelancerId || row.hourlyRateCents === null) return null;
  return { ...row, freelancerId: row.freelancerId, hourlyRateCents: row.hourlyRateCents };
}

/**
 * Week 1: charged (12 h), released (the fee to the platform, the net to pending) and made
 * available. Week 2: charged (8 h) and waiting for the client's review. Dated when seeded
 * (the clock's now): the contract starts today, so earlier dates would predate it.
 */
function demoPostings(c: PayableContract): Posting[] {
  const money = (cents: number, account: Posting['entries'][number]['account']) => ({
    account,
    cents,
    currency: c.currency,
  });
  const week1 = 12 * c.hourlyRateCents;
  const week2 = 8 * c.hourlyRateCents;
  const net1 = netCents(week1, c.feeBps);
  const posting = (
    week: number,
    kind: Posting['kind'],
    memo: string,
    entries: Posting['entries'],
  ): Posting => ({
    key: `demo:${c.id}:week-${week}:${kind}`,
    source: { type: 'demo_invoice', id: `${c.id}:week-${week}` },
    kind,
    memo,
    entries,
  });
  return [
    posting(1, 'charge', 'Week 1, 12 hours', [
      money(-week1, accounts.clientFunding()),
      money(week1, accounts.inReview(c.id)),
    ]),
    posting(1, 'release', 'Week 1, 12 hours', [
      money(-week1, accounts.inReview(c.id)),
      money(feeCents(week1, c.feeBps), accounts.serviceFees()),
      money(net1, accounts.pending(c.freelancerId)),
    ]),
    posting(1, 'availability', 'Week 1', [
      money(-net1, accounts.pending(c.freelancerId)),
      money(net1, accounts.available(c.freelancerId)),
    ]),
    posting(2, 'charge', 'Week 2, 8 hours', [
      money(-week2, accounts.clientFunding()),
      money(week2, accounts.inReview(c.id)),
    ]),
  ];
}

/** Posts the demo weeks through postTransaction, each in a database transaction of its own. */
export async function postDemoMovements(db: Db, contract: PayableContract): Promise<void> {
  for (const posting of demoPostings(contract)) {
    await db.transaction((tx) => postTransaction(tx, posting));
  }
}
