/**
 * The work diary's writes (SPEC 4.C): the timer, manual entries, edits and deletions. Every
 * rule is checked here, on the server, inside one transaction holding the freelancer's time
 * lock (lockFreelancerTime), so two requests at once cannot both pass the overlap check:
 * - only the contract's freelancer writes, on an active hourly contract; anyone else (an
 *   entry of another contract or freelancer included) gets the answer of an unknown id;
 * - no time before the contract's start date or in the future, on 10-minute segments,
 *   within one UTC day (so never over 24 h a day: the freelancer's entries, on all their
 *   contracts, never overlap);
 * - a week is open until its edit deadline (next Monday 12:00 UTC), and an invoiced entry
 *   never changes;
 * - no new time while the contract is paused (pauseReasonOf).
 * Times come from `at` (the clock's now() by default), never from the database.
 */
import type { Db, Tx } from '@/db/client';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import {
  findContractForViewer,
  type ContractRow,
  type ContractViewer,
} from '@/lib/contracts/access';
import { endedTimeMessage, notRecordedReasons } from './display';
import { pauseReasonOf } from './pause';
import {
  deleteOpenEntry,
  findEntryForUpdate,
  findLatestEndedEntryOf,
  findOverlappingEntries,
  findRunningTimerOf,
  insertEntries,
  listTimersRunningSince,
  lockFreelancerTime,
  updateOpenEntry,
  type TimeEntryRow,
} from './queries';
import {
  ceilToSegment,
  DAY_MS,
  floorToSegment,
  isOnSegment,
  utcDateOf,
  utcDayStartOf,
} from './segments';
import { endRunningTimer, type NotRecorded } from './timer-stop';
import { editDeadlineOf, weekStartDate, weekStartOf } from './week';

export type DiaryWriter = ContractViewer & { ip?: string | null };

export type DiaryField = 'date' | 'from' | 'to' | 'memo';

export type DiaryRefusal = {
  ok: false;
  reason:
    | 'not-found'
    | 'not-open'
    | 'paused'
    | 'manual-not-allowed'
    | 'before-start'
    | 'future'
    | 'overlap'
    | 'day'
    | 'segment'
    | 'deadline'
    | 'invoiced'
    | 'timer-running'
    | 'no-timer'
    | 'tracked-times';
  message: string;
  field?: DiaryField;
};

export type DiaryResult<T extends object = object> =
  ({ ok: true; contractId: string; weekStart: string } & T) | DiaryRefusal;

export type Span = { startedAt: Date; endedAt: Date };

const refuse = (
  reason: DiaryRefusal['reason'],
  message: string,
  field?: DiaryField,
): DiaryRefusal => ({ ok: false, reason, message, ...(field ? { field } : {}) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTRACT_NOT_FOUND = refuse('not-found', 'We could not find that contract.');
const ENTRY_NOT_FOUND = refuse('not-found', 'We could not find that time entry.');

/** "09:40" in UTC. */
const hhmm = (at: Date) => at.toISOString().slice(11, 16);
const describeSpan = (span: { startedAt: Date; endedAt: Date | null }) =>
  `${utcDateOf(span.startedAt)} ${hhmm(span.startedAt)}–${span.endedAt ? hhmm(span.endedAt) : 'running'} UTC`;

const minutesOf = (pieces: TimeEntryRow[]) =>
  pieces.reduce((sum, p) => sum + (p.endedAt!.getTime() - p.startedAt.getTime()) / 60_000, 0);

/** The audit's words for a stopped timer: what it recorded, and what it left out and why. */
function stoppedDetail(pieces: TimeEntryRow[], notRecorded: NotRecorded): string {
  const recorded = pieces.length === 0 ? 'nothing recorded' : pieces.map(describeSpan).join(', ');
  return notRecorded.minutes > 0
    ? `${recorded}; ${notRecorded.minutes} min not recorded (${notRecordedReasons(notRecorded)})`
    : recorded;
}

/** The contract, if the writer is its freelancer; null otherwise (the unknown-id answer). */
async function ownContract(tx: Tx, contractId: string, writer: DiaryWriter) {
  const found = await findContractForViewer(tx, contractId, writer);
  if (!found || found.side !== 'freelancer') return null;
  return found.contract;
}

function refuseUnlessOpen(contract: ContractRow): DiaryRefusal | null {
  if (contract.kind === 'hourly' && contract.status === 'ended' && contract.endedAt) {
    return refuse('not-open', endedTimeMessage(contract.endedAt));
  }
  if (contract.kind !== 'hourly' || contract.status !== 'active') {
    return refuse('not-open', 'Time can be recorded only on an active hourly contract.');
  }
  return null;
}

const startOfContract = (contract: ContractRow) => new Date(`${contract.startDate}T00:00:00Z`);

/** The rules of a finished span of time (a manual entry, new or edited). */
function refuseSpan(contract: ContractRow, span: Span, at: Date): DiaryRefusal | null {
  if (!isOnSegment(span.startedAt)) {
    return refuse('segment', 'Use 10-minute steps, like 09:00 or 09:10.', 'from');
  }
  if (!isOnSegment(span.endedAt)) {
    return refuse('segment', 'Use 10-minute steps, like 17:00 or 17:10.', 'to');
  }
  if (span.endedAt.getTime() <= span.startedAt.getTime()) {
    return refuse('segment', 'The end must be after the start.', 'to');
  }
  const dayEnd = utcDayStartOf(span.startedAt).getTime() + DAY_MS;
  if (span.endedAt.getTime() > dayEnd) {
    return refuse(
      'day',
      'An entry stays within one UTC day, 24 hours at most: end it by 24:00 UTC and add the rest on the next day.',
      'to',
    );
  }
  if (span.startedAt.getTime() < startOfContract(contract).getTime()) {
    return refuse(
      'before-start',
      `The contract starts on ${contract.startDate}: no time can be recorded before it.`,
      'date',
    );
  }
  if (span.endedAt.getTime() > at.getTime()) {
    return refuse(
      'future',
      `Time cannot be recorded in the future: it is now ${utcDateOf(at)} ${hhmm(at)} UTC.`,
      'to',
    );
  }
  return refuseClosedWeek(span.startedAt, at);
}

function refuseClosedWeek(startedAt: Date, at: Date): DiaryRefusal | null {
  const weekStart = weekStartOf(startedAt);
  if (at.getTime() >= editDeadlineOf(weekStart).getTime()) {
    return refuse(
      'deadline',
      `The week of ${weekStartDate(weekStart)} closed on ${editDeadlineOf(weekStart).toISOString().slice(0, 10)} at 12:00 UTC: its time can no longer be changed.`,
      'date',
    );
  }
  return null;
}

async function refuseOverlap(
  tx: Tx,
  freelancerId: string,
  span: { startedAt: Date; endedAt: Date | null },
  exceptId?: string,
): Promise<DiaryRefusal | null> {
  const [other] = await findOverlappingEntries(tx, freelancerId, span, exceptId);
  if (!other) return null;
  return refuse(
    'overlap',
    `This overlaps your entry of ${describeSpan(other)}${other.endedAt ? '' : ' (a timer)'}: the same time cannot be recorded twice.`,
    'from',
  );
}

async function audit(
  tx: Tx,
  writer: DiaryWriter,
  action: Parameters<typeof recordAudit>[1]['action'],
  entryId: string,
  detail: string,
) {
  await recordAudit(tx, {
    actorId: writer.userId,
    action,
    targetType: 'time_entry',
    targetId: entryId,
    ip: writer.ip ?? null,
    detail,
  });
}

/** Starts the timer: a tracked entry with no end, from the start of the current segment. */
export async function startTimer(
  db: Db,
  writer: DiaryWriter,
  input: { contractId: string; memo: string },
  at: Date = now(),
): Promise<DiaryResult<{ entryId: string }>> {
  return db.transaction(async (tx) => {
    const contract = await ownContract(tx, input.contractId, writer);
    if (!contract) return CONTRACT_NOT_FOUND;
    const closed = refuseUnlessOpen(contract);
    if (closed) return closed;
    const paused = await pauseReasonOf(tx, contract.id, at);
    if (paused) return refuse('paused', paused);
    if (at.getTime() < startOfContract(contract).getTime()) {
      return refuse(
        'before-start',
        `The contract starts on ${contract.startDate}: the timer can be started from then.`,
      );
    }
    await lockFreelancerTime(tx, writer.userId);
    const running = await findRunningTimerOf(tx, writer.userId);
    if (running) {
      return refuse(
        'timer-running',
        running.contractId === contract.id
          ? 'Your timer is already running on this contract.'
          : 'Your timer is running on another contract: stop it there first.',
      );
    }
    // A segment already counted by an entry that ended in it is not counted again.
    let startedAt = floorToSegment(at);
    const latest = await findLatestEndedEntryOf(tx, writer.userId);
    if (latest?.endedAt && latest.endedAt > startedAt && latest.endedAt <= ceilToSegment(at)) {
      startedAt = latest.endedAt;
    }
    const overlap = await refuseOverlap(tx, writer.userId, { startedAt, endedAt: null });
    if (overlap) return overlap;
    const [entry] = await insertEntries(tx, [
      {
        contractId: contract.id,
        freelancerId: writer.userId,
        kind: 'tracked',
        startedAt,
        memo: input.memo,
      },
    ]);
    await audit(
      tx,
      writer,
      'time_entry.timer_started',
      entry.id,
      `Timer started at ${describeSpan(entry)}`,
    );
    return {
      ok: true,
      contractId: contract.id,
      weekStart: weekStartDate(startedAt),
      entryId: entry.id,
    };
  });
}

/**
 * Stops the contract's running timer at the end of the current segment (every segment the
 * timer ran in counts whole); a timer stopped at its very start records nothing.
 */
export async function stopTimer(
  db: Db,
  writer: DiaryWriter,
  input: { contractId: string },
  at: Date = now(),
): Promise<DiaryResult<{ minutes: number; notRecorded: NotRecorded }>> {
  return db.transaction(async (tx) => {
    const contract = await ownContract(tx, input.contractId, writer);
    if (!contract) return CONTRACT_NOT_FOUND;
    await lockFreelancerTime(tx, writer.userId);
    const running = await findRunningTimerOf(tx, writer.userId);
    if (!running || running.contractId !== contract.id) {
      return refuse('no-timer', 'Your timer is not running on this contract.');
    }
    const end = new Date(Math.max(ceilToSegment(at).getTime(), running.startedAt.getTime()));
    const { pieces, notRecorded } = await endRunningTimer(tx, running, end, at);
    await audit(
      tx,
      writer,
      'time_entry.timer_stopped',
      running.id,
      `Timer stopped: ${stoppedDetail(pieces, notRecorded)}`,
    );
    const last = pieces.at(-1);
    return {
      ok: true,
      contractId: contract.id,
      weekStart: weekStartDate(last?.startedAt ?? running.startedAt),
      minutes: minutesOf(pieces),
      notRecorded,
    };
  });
}

/**
 * Ending a contract (lib/contract-ending) stops its freelancer's timer on it, as their own
 * stop would, inside the ending's transaction; no timer runs on an ended contract. Returns
 * the minutes recorded (0 when no timer ran there).
 */
export async function stopTimerAtEnding(
  tx: Tx,
  contract: ContractRow,
  actorId: string,
  at: Date,
): Promise<number> {
  if (contract.kind !== 'hourly' || !contract.freelancerId) return 0;
  await lockFreelancerTime(tx, contract.freelancerId);
  const running = await findRunningTimerOf(tx, contract.freelancerId);
  if (!running || running.contractId !== contract.id) return 0;
  const end = new Date(Math.max(ceilToSegment(at).getTime(), running.startedAt.getTime()));
  const { pieces, notRecorded } = await endRunningTimer(tx, running, end, at);
  await recordAudit(tx, {
    actorId,
    action: 'time_entry.timer_stopped',
    targetType: 'time_entry',
    targetId: running.id,
    detail: `Contract ended: ${stoppedDetail(pieces, notRecorded)}`,
  });
  return minutesOf(pieces);
}

/** A manual entry, where the contract allows manual time. */
export async function addManualEntry(
  db: Db,
  writer: DiaryWriter,
  input: { contractId: string; memo: string } & Span,
  at: Date = now(),
): Promise<DiaryResult<{ entryId: string }>> {
  return db.transaction(async (tx) => {
    const contract = await ownContract(tx, input.contractId, writer);
    if (!contract) return CONTRACT_NOT_FOUND;
    const closed = refuseUnlessOpen(contract);
    if (closed) return closed;
    if (!contract.allowManualTime) {
      return refuse(
        'manual-not-allowed',
        'This contract does not allow manual time: use the timer to record your work.',
      );
    }
    const paused = await pauseReasonOf(tx, contract.id, at);
    if (paused) return refuse('paused', paused);
    const span = { startedAt: input.startedAt, endedAt: input.endedAt };
    const wrong = refuseSpan(contract, span, at);
    if (wrong) return wrong;
    await lockFreelancerTime(tx, writer.userId);
    const overlap = await refuseOverlap(tx, writer.userId, span);
    if (overlap) return overlap;
    const [entry] = await insertEntries(tx, [
      {
        contractId: contract.id,
        freelancerId: writer.userId,
        kind: 'manual',
        memo: input.memo,
        ...span,
      },
    ]);
    await audit(tx, writer, 'time_entry.added', entry.id, `Manual time ${describeSpan(entry)}`);
    return {
      ok: true,
      contractId: contract.id,
      weekStart: weekStartDate(span.startedAt),
      entryId: entry.id,
    };
  });
}

/**
 * The writer's own entry, locked, with its contract; ENTRY_NOT_FOUND for anything else
 * (an unknown id, another freelancer's entry, a contract they are not the freelancer of).
 */
async function ownEntry(tx: Tx, entryId: string, writer: DiaryWriter, at: Date) {
  if (!UUID.test(entryId)) return { refusal: ENTRY_NOT_FOUND };
  const entry = await findEntryForUpdate(tx, entryId);
  if (!entry || entry.freelancerId !== writer.userId) return { refusal: ENTRY_NOT_FOUND };
  const contract = await ownContract(tx, entry.contractId, writer);
  if (!contract) return { refusal: ENTRY_NOT_FOUND };
  if (entry.invoiceId) {
    return { refusal: refuse('invoiced', 'This entry is on an invoice: it can no longer change.') };
  }
  const closed = refuseClosedWeek(entry.startedAt, at);
  if (closed) return { refusal: { ...closed, field: undefined } };
  return { entry, contract };
}

/**
 * Changes an entry's memo, and a manual entry's times. Tracked times stay as the timer
 * recorded them (delete the entry, or add manual time, to change them).
 */
export async function editEntry(
  db: Db,
  writer: DiaryWriter,
  input: { entryId: string; memo: string; span?: Span },
  at: Date = now(),
): Promise<DiaryResult<{ entryId: string }>> {
  return db.transaction(async (tx) => {
    await lockFreelancerTime(tx, writer.userId);
    const own = await ownEntry(tx, input.entryId, writer, at);
    if (own.refusal) return own.refusal;
    const { entry, contract } = own;
    const changesTimes =
      input.span !== undefined &&
      (input.span.startedAt.getTime() !== entry.startedAt.getTime() ||
        input.span.endedAt.getTime() !== entry.endedAt?.getTime());
    if (changesTimes && entry.kind === 'tracked') {
      return refuse(
        'tracked-times',
        'Tracked time stays as the timer recorded it: delete the entry, or add manual time instead.',
        'from',
      );
    }
    const values: { memo: string; startedAt?: Date; endedAt?: Date } = { memo: input.memo };
    if (changesTimes && input.span) {
      const closed = refuseUnlessOpen(contract);
      if (closed) return closed;
      const paused = await pauseReasonOf(tx, contract.id, at);
      if (paused) return refuse('paused', paused);
      const wrong = refuseSpan(contract, input.span, at);
      if (wrong) return wrong;
      const overlap = await refuseOverlap(tx, writer.userId, input.span, entry.id);
      if (overlap) return overlap;
      values.startedAt = input.span.startedAt;
      values.endedAt = input.span.endedAt;
    }
    const updated = await updateOpenEntry(tx, entry.id, values);
    if (!updated)
      return refuse('invoiced', 'This entry is on an invoice: it can no longer change.');
    await audit(
      tx,
      writer,
      'time_entry.edited',
      entry.id,
      changesTimes
        ? `${describeSpan(entry)} → ${describeSpan(updated)}`
        : `Memo of ${describeSpan(entry)}`,
    );
    return {
      ok: true,
      contractId: contract.id,
      weekStart: weekStartDate(updated.startedAt),
      entryId: entry.id,
    };
  });
}

/** Deletes an entry (a running timer is discarded) while its week is open and not invoiced. */
export async function deleteEntry(
  db: Db,
  writer: DiaryWriter,
  input: { entryId: string },
  at: Date = now(),
): Promise<DiaryResult> {
  return db.transaction(async (tx) => {
    await lockFreelancerTime(tx, writer.userId);
    const own = await ownEntry(tx, input.entryId, writer, at);
    if (own.refusal) return own.refusal;
    const { entry, contract } = own;
    if (!(await deleteOpenEntry(tx, entry.id))) {
      return refuse('invoiced', 'This entry is on an invoice: it can no longer change.');
    }
    await audit(
      tx,
      writer,
      'time_entry.deleted',
      entry.id,
      `${entry.kind === 'manual' ? 'Manual' : 'Tracked'} time ${describeSpan(entry)}`,
    );
    return { ok: true, contractId: contract.id, weekStart: weekStartDate(entry.startedAt) };
  });
}

const TICK_BATCH = 100;

/**
 * Billing tick step: ends every timer still running from an earlier UTC day at midnight
 * and goes on from 00:00 today in a new running entry, so no entry crosses a UTC midnight
 * and last week's time is in place before Monday 12:00. A timer whose contract was paused
 * or ended while it ran is stopped there instead (lib/hourly/timer-stop.ts). Idempotent and safe on several
 * workers: each timer is re-read under its freelancer's time lock. Returns how many
 * timers it split.
 */
export async function stopTimersAtDayEnd(db: Db, at: Date): Promise<number> {
  const dayStart = utcDayStartOf(at);
  let split = 0;
  for (;;) {
    const due = await listTimersRunningSince(db, dayStart, TICK_BATCH);
    let handled = 0;
    for (const timer of due) {
      const done = await db.transaction(async (tx) => {
        await lockFreelancerTime(tx, timer.freelancerId);
        const running = await findEntryForUpdate(tx, timer.id);
        if (!running || running.endedAt || running.startedAt >= dayStart) return false;
        const { notRecorded } = await endRunningTimer(tx, running, dayStart, at);
        // Paused or ended meanwhile: the timer stops there and does not go on today.
        if (notRecorded.cutBy) return true;
        await insertEntries(tx, [
          {
            contractId: running.contractId,
            freelancerId: running.freelancerId,
            kind: 'tracked',
            memo: running.memo,
            startedAt: dayStart,
          },
        ]);
        return true;
      });
      if (done) handled += 1;
    }
    split += handled;
    if (due.length < TICK_BATCH || handled === 0) return split;
  }
}
