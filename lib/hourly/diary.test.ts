import { eq } from 'drizzle-orm';
import { contracts, timeEntries } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { findContractForViewer } from '@/lib/contracts/access';
import { createTestDatabase } from '@/tests/helpers/db';
import { diaryContract, type DiaryContract, utc } from '@/tests/helpers/diary-fixtures';
import { loadDiaryWeek } from './diary';
import { localSpanText, utcSpanText } from './display';
import { addManualEntry, editEntry, startTimer } from './service';
import { weekStartFromDate } from './week';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
afterEach(() => clock.restore());

const db = () => database.db;

async function weekOf(c: DiaryContract, monday: string, viewer = c.writer) {
  const found = await findContractForViewer(db(), c.contractId, viewer);
  return loadDiaryWeek(db(), found!, weekStartFromDate(monday), clock.now());
}

async function add(c: DiaryContract, from: string, to: string, memo = 'Work') {
  const result = await addManualEntry(db(), c.writer, {
    contractId: c.contractId,
    memo,
    startedAt: utc(from),
    endedAt: utc(to),
  });
  if (!result.ok) throw new Error(result.message);
}

describe('the diary week', () => {
  it('shows the weekly limit filled by the earliest entries, with a badge saying why not covered', async () => {
    clock = useFakeClock(utc('2026-12-04T20:00:00Z'));
    const c = await diaryContract(db(), { weeklyLimitHours: 2 });
    await add(c, '2026-11-30T09:00:00Z', '2026-11-30T10:00:00Z', '');
    await add(c, '2026-12-01T09:00:00Z', '2026-12-01T10:30:00Z');
    await add(c, '2026-12-02T09:00:00Z', '2026-12-02T10:00:00Z');
    clock.set(utc('2026-12-04T18:03:00Z'));
    await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'Live' });
    clock.set(utc('2026-12-04T20:00:00Z'));

    const week = await weekOf(c, '2026-11-30');
    expect(week).toMatchObject({
      minutes: 210,
      billableMinutes: 120,
      limitMinutes: 120,
      hasLimit: true,
    });
    const [mon, tue, wed] = week.days;
    expect(mon.entries[0].coverage).toEqual({ covered: false, reasons: ['manual', 'no-memo'] });
    expect(tue.entries[0]).toMatchObject({ minutes: 90, billableMinutes: 60 });
    expect(tue.entries[0].coverage).toEqual({
      covered: false,
      reasons: ['manual', 'partly-over-limit'],
    });
    expect(wed.entries[0].coverage).toEqual({ covered: false, reasons: ['manual', 'over-limit'] });
    const friday = week.days[4];
    expect(friday.entries[0]).toMatchObject({ endedAt: null, minutes: 0 });
    expect(friday.entries[0].coverage).toEqual({ covered: false, reasons: ['running'] });
    expect(week.runningTimer).toMatchObject({ here: true, startedAt: utc('2026-12-04T18:00:00Z') });
    expect(week.days.map((d) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('covers tracked time with a memo within the limit', async () => {
    clock = useFakeClock(utc('2026-12-02T09:00:00Z'));
    const c = await diaryContract(db());
    await db()
      .insert(timeEntries)
      .values({
        contractId: c.contractId,
        freelancerId: c.freelancerId,
        kind: 'tracked',
        memo: 'Fixed login',
        startedAt: utc('2026-12-01T09:00:00Z'),
        endedAt: utc('2026-12-01T10:00:00Z'),
      });
    const week = await weekOf(c, '2026-11-30');
    expect(week.days[1].entries[0].coverage).toEqual({ covered: true });
  });

  it('caps a contract with no weekly limit at 168 h', async () => {
    clock = useFakeClock(utc('2026-12-07T09:00:00Z'));
    const c = await diaryContract(db(), { weeklyLimitHours: null });
    for (let day = 0; day < 7; day++) {
      const date = `2026-${day === 0 ? '11-30' : `12-0${day}`}`;
      const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();
      await add(c, `${date}T00:00:00Z`, next);
    }
    const week = await weekOf(c, '2026-11-30');
    expect(week).toMatchObject({ hasLimit: false, limitMinutes: 168 * 60 });
    expect(week.minutes).toBe(168 * 60);
    expect(week.billableMinutes).toBe(168 * 60);
    expect(week.days.every((d) => d.entries[0].coverage.covered === false)).toBe(true);
  });

  it('keeps the UTC week and deadline across the daylight-saving change in the freelancer zone', async () => {
    // US daylight saving ends Sunday 2026-11-01 at 02:00 EDT (06:00 UTC) in New York.
    clock = useFakeClock(utc('2026-11-02T11:59:00Z'));
    const c = await diaryContract(db(), {
      timeZone: 'America/New_York',
      startDate: '2026-10-01',
    });
    // 23:00–24:00 UTC on Saturday is 19:00–20:00 EDT; on Sunday it is 18:00–19:00 EST.
    await add(c, '2026-10-31T23:00:00Z', '2026-11-01T00:00:00Z');
    await add(c, '2026-11-01T23:00:00Z', '2026-11-02T00:00:00Z');
    // 04:00–07:00 UTC on Sunday spans the change: 00:00 EDT to 02:00 EST locally.
    await add(c, '2026-11-01T04:00:00Z', '2026-11-01T07:00:00Z');

    const week = await weekOf(c, '2026-10-26');
    expect(week.timeZone).toBe('America/New_York');
    expect(week.days[5].entries.map((e) => e.minutes)).toEqual([60]);
    expect(week.days[6].entries.map((e) => e.minutes)).toEqual([180, 60]);
    expect(week.minutes).toBe(300);
    expect(week.editDeadline).toEqual(utc('2026-11-02T12:00:00Z'));
    const [sat] = week.days[5].entries;
    const [sunEarly, sunLate] = week.days[6].entries;
    expect(utcSpanText(sat.startedAt, sat.endedAt)).toBe('23:00–24:00 UTC');
    expect(localSpanText(sat.startedAt, sat.endedAt, week.timeZone)).toBe(
      '19:00–20:00 New York time (America/New_York, EDT)',
    );
    expect(localSpanText(sunLate.startedAt, sunLate.endedAt, week.timeZone)).toBe(
      '18:00–19:00 New York time (America/New_York, EST)',
    );
    expect(localSpanText(sunEarly.startedAt, sunEarly.endedAt, week.timeZone)).toBe(
      '00:00–02:00 New York time (America/New_York, EDT)',
    );
    // The week closes on Monday 12:00 UTC (07:00 EST), whatever the local clocks did.
    expect(week.isOpen).toBe(true);
    clock.set(utc('2026-11-02T12:00:00Z'));
    const late = await editEntry(db(), c.writer, { entryId: sunLate.id, memo: 'x' });
    expect(late).toMatchObject({ ok: false, reason: 'deadline' });
  });

  it('is read-only for the client, and for everyone once the contract is not active', async () => {
    clock = useFakeClock(utc('2026-12-02T09:00:00Z'));
    const c = await diaryContract(db());
    await add(c, '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z');
    const client = { userId: c.clientUserId, workspaceId: c.workspaceId, isAdmin: false };
    const asClient = await weekOf(c, '2026-11-30', client);
    expect(asClient.canWrite).toBe(false);
    expect(asClient.days[1].entries[0].editable).toBe(false);
    const asFreelancer = await weekOf(c, '2026-11-30');
    expect(asFreelancer.canWrite).toBe(true);
    expect(asFreelancer.days[1].entries[0].editable).toBe(true);
    // A contract that is no longer active is read-only for its freelancer too.
    await db().update(contracts).set({ status: 'withdrawn' }).where(eq(contracts.id, c.contractId));
    expect((await weekOf(c, '2026-11-30')).canWrite).toBe(false);
  });
});
