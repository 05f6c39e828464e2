/**
 * What a running timer leaves when it ends (a stop, the contract's ending, the tick's
 * midnight split). Only time the diary could still take is recorded:
 * - nothing after the contract was paused (pausedFromDuring) or ended: the timer counts as
 *   stopped then, its last segment whole, as a stop at that moment would;
 * - nothing in a week already invoiced or past its edit deadline (Monday 12:00 UTC after
 *   it): a timer left running over a week the tick never split would otherwise put time in
 *   a week that is billed already, or never will be.
 * The rest is cut at UTC midnights as always. What is left out is reported, for the message.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { contracts, invoices } from '@/db/schema';
import type { ContractRow } from '@/lib/contracts/access';
import { pausedFromDuring } from './pause';
import { deleteOpenEntry, insertEntries, updateOpenEntry, type TimeEntryRow } from './queries';
import { ceilToSegment, splitAtUtcMidnights } from './segments';
import { editDeadlineOf, weekStartDate, weekStartOf } from './week';

export type NotRecorded = {
  minutes: number;
  /** Mondays (YYYY-MM-DD) of the closed or invoiced weeks the timer ran in. */
  closedWeeks: string[];
  /** The timer ran on after the contract was paused, or ended. */
  cutBy: 'paused' | 'ended' | null;
};

export type EndedTimer = { pieces: TimeEntryRow[]; notRecorded: NotRecorded };

const minutesOf = (span: { startedAt: Date; endedAt: Date | null }) =>
  ((span.endedAt ?? span.startedAt).getTime() - span.startedAt.getTime()) / 60_000;

/** When the timer's recording stops at the latest: `end`, or the contract's pause or end. */
async function cutOf(tx: Tx, contract: ContractRow, running: TimeEntryRow, end: Date) {
  let cut = { at: end, by: null as NotRecorded['cutBy'] };
  if (contract.status === 'ended' && contract.endedAt) {
    const endedAt = ceilToSegment(contract.endedAt);
    if (endedAt < cut.at) cut = { at: endedAt, by: 'ended' };
  }
  const pausedAt = await pausedFromDuring(tx, contract.id, running.startedAt, cut.at);
  if (pausedAt && ceilToSegment(pausedAt) < cut.at)
    cut = { at: ceilToSegment(pausedAt), by: 'paused' };
  return cut;
}

/**
 * Ends the running entry at `end` (or earlier, see above), at the time `at`: its own row
 * becomes the first piece kept, later pieces get rows of their own with the same memo; when
 * nothing is kept the row is removed.
 */
export async function endRunningTimer(
  tx: Tx,
  running: TimeEntryRow,
  end: Date,
  at: Date,
): Promise<EndedTimer> {
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, running.contractId));
  const cut = await cutOf(tx, contract, running, end);
  const pieces = splitAtUtcMidnights(running.startedAt, cut.at);
  const weeks = [...new Set(pieces.map((p) => weekStartDate(p.startedAt)))];
  const invoiced =
    weeks.length === 0
      ? []
      : await tx
          .select({ weekStart: invoices.weekStart })
          .from(invoices)
          .where(
            and(
              eq(invoices.contractId, contract.id),
              eq(invoices.kind, 'hourly'),
              inArray(invoices.weekStart, weeks),
            ),
          );
  const isClosed = (piece: { startedAt: Date }) =>
    at >= editDeadlineOf(weekStartOf(piece.startedAt)) ||
    invoiced.some((i) => i.weekStart === weekStartDate(piece.startedAt));
  const closedWeeks = weeks.filter((week) =>
    pieces.some((p) => weekStartDate(p.startedAt) === week && isClosed(p)),
  );
  const [first, ...rest] = pieces.filter((p) => !isClosed(p));
  let kept: TimeEntryRow[] = [];
  if (!first) {
    await deleteOpenEntry(tx, running.id);
  } else {
    const own = await updateOpenEntry(tx, running.id, first);
    const more = await insertEntries(
      tx,
      rest.map((piece) => ({
        contractId: running.contractId,
        freelancerId: running.freelancerId,
        kind: 'tracked' as const,
        memo: running.memo,
        ...piece,
      })),
    );
    kept = own ? [own, ...more] : more;
  }
  const recorded = kept.reduce((sum, p) => sum + minutesOf(p), 0);
  // The last segment counts whole (ceilToSegment), as the pieces kept do: a short stop is
  // never "negative time not recorded".
  const ranFor = (ceilToSegment(end).getTime() - running.startedAt.getTime()) / 60_000;
  return {
    pieces: kept,
    notRecorded: {
      minutes: Math.max(0, ranFor - recorded),
      closedWeeks,
      cutBy: cut.at < end ? cut.by : null,
    },
  };
}
