import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { contracts, timeEntries } from '@/db/schema';
import { now } from '@/lib/clock';
import { floorToSegment } from '@/lib/hourly/segments';
import { weekStartDate } from '@/lib/hourly/week';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

const MINUTE = 60_000;

/**
 * The victim freelancer's contract with the victim client, made an active hourly contract
 * that allows manual time and started two weeks ago, with no timer running.
 */
async function victimDiary(world: World) {
  const freelancerId = world.victimFreelancer.userId;
  const [contract] = await world.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(
        eq(contracts.freelancerId, freelancerId),
        eq(contracts.workspaceId, world.victimClient.workspaceId),
      ),
    );
  const startDate = new Date(now().getTime() - 14 * 1440 * MINUTE).toISOString().slice(0, 10);
  await world.db
    .update(contracts)
    .set({ status: 'active', kind: 'hourly', startDate, allowManualTime: true })
    .where(eq(contracts.id, contract.id));
  await world.db
    .delete(timeEntries)
    .where(and(eq(timeEntries.freelancerId, freelancerId), isNull(timeEntries.endedAt)));
  return { contractId: contract.id, freelancerId };
}

/** A free 10-minute slot an hour ago (always in an open week), cleared of entries. */
async function freeSlot(world: World, freelancerId: string) {
  const startedAt = new Date(floorToSegment(now()).getTime() - 60 * MINUTE);
  const endedAt = new Date(startedAt.getTime() + 10 * MINUTE);
  await world.db
    .delete(timeEntries)
    .where(
      and(
        eq(timeEntries.freelancerId, freelancerId),
        lt(timeEntries.startedAt, endedAt),
        or(isNull(timeEntries.endedAt), gt(timeEntries.endedAt, startedAt)),
      ),
    );
  return { startedAt, endedAt };
}

/** A manual entry of the victim freelancer in the free slot: the target of edit and delete. */
async function victimEntry(world: World) {
  const diary = await victimDiary(world);
  const slot = await freeSlot(world, diary.freelancerId);
  const [entry] = await world.db
    .insert(timeEntries)
    .values({
      contractId: diary.contractId,
      freelancerId: diary.freelancerId,
      kind: 'manual',
      memo: 'Original memo',
      ...slot,
    })
    .returning({ id: timeEntries.id });
  return { ...diary, ...slot, entryId: entry.id, protect: [entry.id, diary.contractId] };
}

async function entriesOf(world: World, contractId: string) {
  return world.db.select().from(timeEntries).where(eq(timeEntries.contractId, contractId));
}

const diaryPath = (contractId: string, at: Date, notice: string) =>
  `/contracts/${contractId}/diary?week=${weekStartDate(at)}&notice=${notice}`;

const hhmm = (at: Date) => at.toISOString().slice(11, 16);

/** The work diary of hourly contracts (SPEC 4.C): only the contract's freelancer writes. */
export const HOURLY_CASES: Record<string, ActionCase> = {
  'app/(app)/contracts/[id]/diary/actions.ts#startTimerAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason:
      "Only the contract's freelancer may start its timer; another freelancer's contract id is refused like an unknown one.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      const diary = await victimDiary(world);
      return { ...diary, protect: [diary.contractId] };
    },
    form: ({ target }) => ({ contractId: target.contractId, memo: 'Building the API' }),
    fuzz: { freshEachRun: 'a running timer cannot be started again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(diaryPath(target.contractId, now(), 'started'));
      const running = (await entriesOf(world, target.contractId)).filter((e) => !e.endedAt);
      expect(running).toHaveLength(1);
      expect(running[0].memo).toBe('Building the API');
    },
  }),

  'app/(app)/contracts/[id]/diary/actions.ts#stopTimerAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason: "Only the contract's freelancer may stop its timer.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      const diary = await victimDiary(world);
      const slot = await freeSlot(world, diary.freelancerId);
      const [entry] = await world.db
        .insert(timeEntries)
        .values({
          contractId: diary.contractId,
          freelancerId: diary.freelancerId,
          kind: 'tracked',
          memo: 'Running',
          startedAt: slot.startedAt,
        })
        .returning({ id: timeEntries.id });
      return { ...diary, entryId: entry.id, protect: [entry.id, diary.contractId] };
    },
    form: ({ target }) => ({ contractId: target.contractId }),
    fuzz: { freshEachRun: 'a stopped timer cannot be stopped again' },
    async succeeded(outcome, { world, target }) {
      const entries = await entriesOf(world, target.contractId);
      const [entry] = entries.filter((e) => e.id === target.entryId);
      expect(entry.endedAt!.getTime()).toBeGreaterThan(entry.startedAt.getTime());
      // A timer split at a UTC midnight (started before, stopped after Monday 00:00) goes
      // back to the week of its last piece, which is the week the stop is in.
      const lastPiece = entries
        .filter((e) => e.memo === 'Running' && e.startedAt >= entry.startedAt)
        .reduce((last, e) => (e.startedAt > last.startedAt ? e : last));
      expect(redirectedTo(outcome)).toBe(
        diaryPath(target.contractId, lastPiece.startedAt, 'stopped'),
      );
    },
  }),

  'app/(app)/contracts/[id]/diary/actions.ts#addManualEntryAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason: "Only the contract's freelancer may add time to it.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      const diary = await victimDiary(world);
      return {
        ...diary,
        ...(await freeSlot(world, diary.freelancerId)),
        protect: [diary.contractId],
      };
    },
    form: ({ target }) => ({
      contractId: target.contractId,
      date: target.startedAt.toISOString().slice(0, 10),
      from: hhmm(target.startedAt),
      to: hhmm(target.endedAt),
      memo: 'Reviewed the designs',
    }),
    fuzz: { freshEachRun: 'the same time cannot be added twice' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(diaryPath(target.contractId, target.startedAt, 'added'));
      const added = (await entriesOf(world, target.contractId)).filter(
        (e) => e.startedAt.getTime() === target.startedAt.getTime(),
      );
      expect(added.map((e) => [e.kind, e.memo])).toEqual([['manual', 'Reviewed the designs']]);
    },
  }),

  'app/(app)/contracts/[id]/diary/actions.ts#editEntryAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason:
      "Only the entry's own freelancer may change it; another's entry id is refused like an unknown one.",
    rightful: 'victimFreelancer',
    arrange: victimEntry,
    form: ({ target }) => ({ entryId: target.entryId, memo: 'Edited memo' }),
    fuzz: { freshEachRun: 'each run edits an entry of its own' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(diaryPath(target.contractId, target.startedAt, 'edited'));
      const [entry] = (await entriesOf(world, target.contractId)).filter(
        (e) => e.id === target.entryId,
      );
      expect(entry.memo).toBe('Edited memo');
    },
  }),

  'app/(app)/contracts/[id]/diary/actions.ts#deleteEntryAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason: "Only the entry's own freelancer may delete it.",
    rightful: 'victimFreelancer',
    arrange: victimEntry,
    form: ({ target }) => ({ entryId: target.entryId }),
    fuzz: { freshEachRun: 'a deleted entry cannot be deleted again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(diaryPath(target.contractId, target.startedAt, 'deleted'));
      const left = (await entriesOf(world, target.contractId)).filter(
        (e) => e.id === target.entryId,
      );
      expect(left).toHaveLength(0);
    },
  }),
};
