import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { pendingReleases } from '@/db/schema';
import { now } from '@/lib/clock';
import { accounts, type AccountCode } from '@/lib/ledger/accounts';
import { postTransaction, type Posted } from '@/lib/ledger/post';

export type Release = {
  /** The idempotency key of the release posting (derived from the source and the step). */
  key: string;
  /** What is released: an invoice (hourly week, bonus) or a milestone. */
  source: { type: string; id: string };
  contractId: string;
  freelancerId: string;
  /** The account the gross leaves: the contract's in_review or escrow (or client funding). */
  from: AccountCode;
  grossCents: number;
  /** The stored fee of this amount (computed once, where the amount was set). */
  feeCents: number;
  currency: string;
  /** When the net becomes available (the Wednesday after, or 5 days later). */
  availableAt: Date;
  memo?: string;
  /** `release` (from review or escrow), or `bonus` (paid straight from client funding). */
  kind?: 'release' | 'bonus';
};

/**
 * Releases money to a freelancer in one ledger transaction (kind `release`): the gross
 * leaves `from`, the fee goes to platform:service_fees, the net to the freelancer's
 * pending account, and a pending_release row records when it becomes available. A replay
 * with the same key returns the first posting and writes nothing more.
 */
export async function releaseToFreelancer(tx: Tx, release: Release): Promise<Posted> {
  const net = release.grossCents - release.feeCents;
  if (release.feeCents < 0 || net <= 0) {
    throw new Error('A release pays the freelancer a positive net after a non-negative fee.');
  }
  const entries = [
    { account: release.from, cents: -release.grossCents, currency: release.currency },
    { account: accounts.pending(release.freelancerId), cents: net, currency: release.currency },
  ];
  if (release.feeCents > 0) {
    entries.push({
      account: accounts.serviceFees(),
      cents: release.feeCents,
      currency: release.currency,
    });
  }
  const posted = await postTransaction(tx, {
    key: release.key,
    source: release.source,
    kind: release.kind ?? 'release',
    memo: release.memo,
    entries,
  });
  await tx
    .insert(pendingReleases)
    .values({
      freelancerId: release.freelancerId,
      contractId: release.contractId,
      sourceType: release.source.type,
      sourceId: release.source.id,
      amountCents: net,
      currency: release.currency,
      availableAt: release.availableAt,
    })
    .onConflictDoNothing({ target: [pendingReleases.sourceType, pendingReleases.sourceId] });
  return posted;
}

/**
 * Moves every pending amount whose date has come to the freelancer's available account
 * (kind `availability`, one posting per amount, dated when it became due). Works in
 * batches; rows another worker holds are skipped (SKIP LOCKED), so two ticks at once never
 * post one amount twice, and the posting's key would refuse it anyway. Returns how many.
 */
export async function makeDueFundsAvailable(
  db: Db,
  at: Date = now(),
  batchSize = 100,
): Promise<number> {
  let done = 0;
  for (;;) {
    const moved = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(pendingReleases)
        .where(and(isNull(pendingReleases.madeAvailableAt), lte(pendingReleases.availableAt, at)))
        .orderBy(asc(pendingReleases.availableAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const row of due) {
        await postTransaction(tx, {
          key: `availability:${row.id}`,
          source: { type: 'pending_release', id: row.id },
          kind: 'availability',
          effectiveAt: row.availableAt,
          entries: [
            {
              account: accounts.pending(row.freelancerId),
              cents: -row.amountCents,
              currency: row.currency,
            },
            {
              account: accounts.available(row.freelancerId),
              cents: row.amountCents,
              currency: row.currency,
            },
          ],
        });
        await tx
          .update(pendingReleases)
          .set({ madeAvailableAt: at })
          .where(eq(pendingReleases.id, row.id));
      }
      return due.length;
    });
    done += moved;
    if (moved < batchSize) return done;
  }
}
