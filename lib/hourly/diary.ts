/**
 * The diary's week as the page shows it (SPEC 4.C): each UTC day of the week with its
 * entries (memo, kind, billable minutes, payment protection and why not, whether it can
 * still change), the day's and the week's totals, and what the weekly limit leaves unbilled.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { timeEntries } from '@/db/schema';
import type { ContractRow, ContractSide } from '@/lib/contracts/access';
import { billableMinutesOfEntries, minutesOf, weeklyLimitMinutes } from './billable';
import { coverageOf, type Coverage } from './coverage';
import { endedTimeMessage } from './display';
import { pauseReasonOf } from './pause';
import { findRunningTimerOf, listContractEntries, timeZoneOfFreelancer } from './queries';
import { DAY_MS, utcDateOf } from './segments';
import { editDeadlineOf, weekEndOf, weekStartDate, weekStartOf } from './week';

export type DiaryEntry = {
  id: string;
  kind: 'tracked' | 'manual';
  memo: string;
  startedAt: Date;
  endedAt: Date | null;
  minutes: number;
  billableMinutes: number;
  coverage: Coverage;
  invoiced: boolean;
  /** The freelancer may still change or delete it. */
  editable: boolean;
};

export type DiaryDay = {
  date: string;
  entries: DiaryEntry[];
  minutes: number;
  billableMinutes: number;
};

export type DiaryWeek = {
  weekStart: string;
  previousWeek: string;
  nextWeek: string | null;
  editDeadline: Date;
  isOpen: boolean;
  days: DiaryDay[];
  minutes: number;
  billableMinutes: number;
  limitMinutes: number;
  hasLimit: boolean;
  /** The reader's time zone, for the times beside UTC (ops: the freelancer's). */
  timeZone: string;
  /** The freelancer may write (side freelancer, contract active and hourly). */
  canWrite: boolean;
  allowManualTime: boolean;
  pauseReason: string | null;
  /** Set once the contract ended: why no new time can be recorded. */
  endedNotice: string | null;
  /** The freelancer's running timer, on this contract or another one. */
  runningTimer: { contractId: string; startedAt: Date; memo: string; here: boolean } | null;
};

/**
 * One week of the diary. `readerTimeZone` is the reader's own zone (timeZoneOfViewer: the
 * freelancer's profile, the client's workspace); without it (ops, who have none) the times
 * beside UTC are the freelancer's.
 */
export async function loadDiaryWeek(
  db: DbOrTx,
  found: { contract: ContractRow; side: ContractSide },
  weekStart: Date,
  at: Date,
  readerTimeZone?: string,
): Promise<DiaryWeek> {
  const { contract, side } = found;
  const weekEnd = weekEndOf(weekStart);
  const rows = await listContractEntries(db, contract.id, weekStart, weekEnd);
  const finished = rows.flatMap((row) =>
    row.endedAt ? [{ id: row.id, startedAt: row.startedAt, endedAt: row.endedAt }] : [],
  );
  const billable = billableMinutesOfEntries(finished, contract.weeklyLimitHours);
  const editDeadline = editDeadlineOf(weekStart);
  const isOpen = at.getTime() < editDeadline.getTime();
  const canWrite =
    side === 'freelancer' && contract.kind === 'hourly' && contract.status === 'active';

  const days: DiaryDay[] = Array.from({ length: 7 }, (_, index) => ({
    date: utcDateOf(new Date(weekStart.getTime() + index * DAY_MS)),
    entries: [],
    minutes: 0,
    billableMinutes: 0,
  }));
  for (const row of rows) {
    const running = row.endedAt === null;
    const minutes = running ? 0 : minutesOf({ startedAt: row.startedAt, endedAt: row.endedAt! });
    const billableMinutes = billable.get(row.id) ?? 0;
    const entry: DiaryEntry = {
      id: row.id,
      kind: row.kind,
      memo: row.memo,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      minutes,
      billableMinutes,
      coverage: coverageOf({ kind: row.kind, memo: row.memo, running, minutes, billableMinutes }),
      invoiced: row.invoiceId !== null,
      editable: side === 'freelancer' && isOpen && row.invoiceId === null,
    };
    const day = days.find((d) => d.date === utcDateOf(row.startedAt))!;
    day.entries.push(entry);
    day.minutes += minutes;
    day.billableMinutes += billableMinutes;
  }

  const running = contract.freelancerId
    ? await findRunningTimerOf(db, contract.freelancerId)
    : undefined;
  const nextStart = weekEnd;
  return {
    weekStart: weekStartDate(weekStart),
    previousWeek: weekStartDate(new Date(weekStart.getTime() - 7 * DAY_MS)),
    nextWeek: nextStart.getTime() <= at.getTime() ? weekStartDate(nextStart) : null,
    editDeadline,
    isOpen,
    days,
    minutes: days.reduce((sum, d) => sum + d.minutes, 0),
    billableMinutes: days.reduce((sum, d) => sum + d.billableMinutes, 0),
    limitMinutes: weeklyLimitMinutes(contract.weeklyLimitHours),
    hasLimit: contract.weeklyLimitHours !== null,
    timeZone:
      readerTimeZone ??
      (contract.freelancerId ? await timeZoneOfFreelancer(db, contract.freelancerId) : 'UTC'),
    canWrite,
    allowManualTime: contract.allowManualTime,
    pauseReason: await pauseReasonOf(db, contract.id, at),
    endedNotice:
      contract.status === 'ended' && contract.endedAt ? endedTimeMessage(contract.endedAt) : null,
    runningTimer:
      running && side === 'freelancer'
        ? {
            contractId: running.contractId,
            startedAt: running.startedAt,
            memo: running.memo,
            here: running.contractId === contract.id,
          }
        : running && running.contractId === contract.id
          ? {
              contractId: running.contractId,
              startedAt: running.startedAt,
              memo: running.memo,
              here: true,
            }
          : null,
  };
}

/**
 * One entry of the contract for its edit and delete pages, if the viewer is its freelancer;
 * with whether it may still change (not invoiced, its week still open at `at`).
 */
export async function findOwnDiaryEntry(
  db: DbOrTx,
  found: { contract: ContractRow; side: ContractSide },
  entryId: string,
  viewerId: string,
  at: Date,
) {
  if (found.side !== 'freelancer' || !UUID.test(entryId)) return null;
  const [row] = await db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.id, entryId), eq(timeEntries.contractId, found.contract.id)));
  if (!row || row.freelancerId !== viewerId) return null;
  const open = at.getTime() < editDeadlineOf(weekStartOf(row.startedAt)).getTime();
  return { entry: row, editable: open && row.invoiceId === null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
