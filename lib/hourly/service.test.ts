import { eq } from 'drizzle-orm';
import { auditLog, contracts, disputes, timeEntries, users } from '@/db/schema';
import { makeContract } from '@/lib/test-hooks/factories';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { holdLocksWhile } from '@/tests/helpers/competing-writes';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  diaryContract,
  entriesOf,
  hourlyInvoice,
  openDispute,
  utc,
} from '@/tests/helpers/diary-fixtures';
import {
  addManualEntry,
  deleteEntry,
  editEntry,
  startTimer,
  stopTimer,
  stopTimersAtDayEnd,
} from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  // Wednesday of the week of Monday 2026-11-30.
  clock = useFakeClock(utc('2026-12-02T10:07:00Z'));
});
afterEach(() => clock.restore());

const db = () => database.db;
const manual = (contractId: string, from: string, to: string, memo = 'Design review') => ({
  contractId,
  memo,
  startedAt: utc(from),
  endedAt: utc(to),
});

describe('the timer', () => {
  it('records every 10-minute segment it ran in: start floored, end ceiled', async () => {
    const c = await diaryContract(db());
    const started = await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'API' });
    expect(started).toMatchObject({ ok: true, weekStart: '2026-11-30' });
    const [running] = await entriesOf(db(), c.contractId);
    expect(running.startedAt).toEqual(utc('2026-12-02T10:00:00Z'));
    expect(running.endedAt).toBeNull();

    clock.set(utc('2026-12-02T10:31:10Z'));
    const stopped = await stopTimer(db(), c.writer, { contractId: c.contractId });
    expect(stopped).toMatchObject({ ok: true, minutes: 40 });
    const [entry] = await entriesOf(db(), c.contractId);
    expect(entry).toMatchObject({
      kind: 'tracked',
      memo: 'API',
      endedAt: utc('2026-12-02T10:40:00Z'),
    });
    const audits = await db().select().from(auditLog).where(eq(auditLog.targetId, entry.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'time_entry.timer_started',
      'time_entry.timer_stopped',
    ]);
  });

  it('does not count a segment twice when started again in it, and a 0-minute stop records nothing', async () => {
    const c = await diaryContract(db());
    await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'a' });
    clock.set(utc('2026-12-02T10:12:00Z'));
    await stopTimer(db(), c.writer, { contractId: c.contractId });
    // Started again inside the segment 10:10–10:20 that the first stop already counted.
    clock.set(utc('2026-12-02T10:15:00Z'));
    await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'b' });
    clock.set(utc('2026-12-02T10:18:00Z'));
    const stopped = await stopTimer(db(), c.writer, { contractId: c.contractId });
    expect(stopped).toMatchObject({ ok: true, minutes: 0 });
    const rows = await entriesOf(db(), c.contractId);
    expect(rows).toHaveLength(1);
    expect(rows[0].endedAt).toEqual(utc('2026-12-02T10:20:00Z'));
  });

  it('runs one timer at a time per freelancer, across their contracts', async () => {
    const c = await diaryContract(db());
    const again = await startTimer(db(), c.writer, { contractId: c.contractId, memo: '' });
    expect(again.ok).toBe(true);
    const twice = await startTimer(db(), c.writer, { contractId: c.contractId, memo: '' });
    expect(twice).toMatchObject({ ok: false, reason: 'timer-running' });
    expect(await stopTimer(db(), c.writer, { contractId: c.contractId })).toMatchObject({
      ok: true,
    });
    expect(await stopTimer(db(), c.writer, { contractId: c.contractId })).toMatchObject({
      ok: false,
      reason: 'no-timer',
    });
  });

  it('splits a timer running across UTC midnight, on stop and in the billing tick', async () => {
    const c = await diaryContract(db());
    clock.set(utc('2026-12-02T22:45:00Z'));
    await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'Night shift' });
    clock.set(utc('2026-12-03T00:05:00Z'));
    // The tick at 00:05: yesterday's part is ended at midnight, the timer goes on from 00:00.
    const [first, second] = await Promise.all([
      stopTimersAtDayEnd(db(), clock.now()),
      stopTimersAtDayEnd(db(), clock.now()),
    ]);
    expect(first + second).toBe(1);
    let rows = await entriesOf(db(), c.contractId);
    expect(rows.map((r) => [r.startedAt.toISOString(), r.endedAt?.toISOString() ?? null])).toEqual([
      ['2026-12-02T22:40:00.000Z', '2026-12-03T00:00:00.000Z'],
      ['2026-12-03T00:00:00.000Z', null],
    ]);
    expect(await stopTimersAtDayEnd(db(), clock.now())).toBe(0);

    // Stopped two days later without a tick in between: one entry per UTC day.
    clock.set(utc('2026-12-05T01:01:00Z'));
    await stopTimer(db(), c.writer, { contractId: c.contractId });
    rows = await entriesOf(db(), c.contractId);
    expect(rows.map((r) => [r.startedAt.toISOString(), r.endedAt?.toISOString()])).toEqual([
      ['2026-12-02T22:40:00.000Z', '2026-12-03T00:00:00.000Z'],
      ['2026-12-03T00:00:00.000Z', '2026-12-04T00:00:00.000Z'],
      ['2026-12-04T00:00:00.000Z', '2026-12-05T00:00:00.000Z'],
      ['2026-12-05T00:00:00.000Z', '2026-12-05T01:10:00.000Z'],
    ]);
    expect(rows.every((r) => r.memo === 'Night shift' && r.kind === 'tracked')).toBe(true);
  });

  it('refuses to start before the contract starts', async () => {
    const c = await diaryContract(db(), { startDate: '2026-12-10' });
    const result = await startTimer(db(), c.writer, { contractId: c.contractId, memo: '' });
    expect(result).toMatchObject({ ok: false, reason: 'before-start' });
    expect(await entriesOf(db(), c.contractId)).toHaveLength(0);
  });
});

describe('manual entries', () => {
  it('adds manual time within the rules, with an audit entry', async () => {
    const c = await diaryContract(db());
    const added = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-01T09:00:00Z', '2026-12-01T10:30:00Z'),
    );
    expect(added).toMatchObject({ ok: true, weekStart: '2026-11-30' });
    const [row] = await entriesOf(db(), c.contractId);
    expect(row).toMatchObject({ kind: 'manual', memo: 'Design review' });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.targetId, row.id));
    expect(audit).toMatchObject({ action: 'time_entry.added', actorId: c.freelancerId });
  });

  it('refuses time before the start date, next to the date', async () => {
    const c = await diaryContract(db(), { startDate: '2026-12-01' });
    const result = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-11-30T09:00:00Z', '2026-11-30T10:00:00Z'),
    );
    expect(result).toMatchObject({ ok: false, reason: 'before-start', field: 'date' });
    expect(await entriesOf(db(), c.contractId)).toHaveLength(0);
  });

  it('refuses time in the future, next to the end', async () => {
    const c = await diaryContract(db());
    const result = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-02T09:50:00Z', '2026-12-02T10:10:00Z'),
    );
    expect(result).toMatchObject({ ok: false, reason: 'future', field: 'to' });
    // Up to now is fine.
    const upToNow = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-02T09:50:00Z', '2026-12-02T10:00:00Z'),
    );
    expect(upToNow.ok).toBe(true);
  });

  it('refuses overlapping entries, a running timer included', async () => {
    const c = await diaryContract(db());
    await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z'),
    );
    const inside = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-01T10:50:00Z', '2026-12-01T12:00:00Z'),
    );
    expect(inside).toMatchObject({ ok: false, reason: 'overlap', field: 'from' });
    expect((inside as { message: string }).message).toContain('2026-12-01 09:00–11:00 UTC');
    // Touching is not overlapping.
    const after = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z'),
    );
    expect(after.ok).toBe(true);

    clock.set(utc('2026-12-02T08:00:00Z'));
    await startTimer(db(), c.writer, { contractId: c.contractId, memo: '' });
    clock.set(utc('2026-12-02T10:00:00Z'));
    const overTimer = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-02T09:00:00Z', '2026-12-02T09:30:00Z'),
    );
    expect(overTimer).toMatchObject({ ok: false, reason: 'overlap' });
    expect(await entriesOf(db(), c.contractId)).toHaveLength(3);
  });

  it("refuses time that overlaps the freelancer's entry on another contract", async () => {
    const first = await diaryContract(db());
    const [user] = await db()
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, first.freelancerId));
    const [client] = await db()
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, first.clientUserId));
    const second = await makeContract(db(), {
      kind: 'contract',
      clientEmail: client.email,
      freelancerEmail: user.email,
      title: 'Second project',
      offer: 'hourly',
      accept: true,
    });
    await db()
      .update(contracts)
      .set({ status: 'active', startDate: '2026-11-02', allowManualTime: true })
      .where(eq(contracts.id, second.contractId));
    const mine = await addManualEntry(
      db(),
      first.writer,
      manual(first.contractId, '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
    );
    expect(mine.ok).toBe(true);
    const other = await addManualEntry(
      db(),
      first.writer,
      manual(second.contractId, '2026-12-01T09:30:00Z', '2026-12-01T10:30:00Z'),
    );
    expect(other).toMatchObject({ ok: false, reason: 'overlap', field: 'from' });
    const timer = await startTimer(db(), first.writer, { contractId: first.contractId, memo: '' });
    expect(timer.ok).toBe(true);
    expect(
      await startTimer(db(), first.writer, { contractId: second.contractId, memo: '' }),
    ).toMatchObject({
      ok: false,
      reason: 'timer-running',
    });
    expect(await entriesOf(db(), second.contractId)).toHaveLength(0);
  });

  it('refuses 25 hours in a day: an entry stays within one UTC day', async () => {
    const c = await diaryContract(db());
    const result = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-11-30T00:00:00Z', '2026-12-01T01:00:00Z'),
    );
    expect(result).toMatchObject({ ok: false, reason: 'day', field: 'to' });
    // A whole day is 24 h and allowed; nothing more fits in it.
    const day = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z'),
    );
    expect(day.ok).toBe(true);
    const more = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-11-30T23:00:00Z', '2026-12-01T00:00:00Z'),
    );
    expect(more).toMatchObject({ ok: false, reason: 'overlap' });
  });

  it('refuses manual time on a contract that does not allow it', async () => {
    const c = await diaryContract(db(), { allowManualTime: false });
    const result = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
    );
    expect(result).toMatchObject({ ok: false, reason: 'manual-not-allowed' });
    expect(await entriesOf(db(), c.contractId)).toHaveLength(0);
    // The timer still works there.
    expect((await startTimer(db(), c.writer, { contractId: c.contractId, memo: '' })).ok).toBe(
      true,
    );
  });

  it('refuses times off the 10-minute segments', async () => {
    const c = await diaryContract(db());
    const result = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-01T09:05:00Z', '2026-12-01T10:00:00Z'),
    );
    expect(result).toMatchObject({ ok: false, reason: 'segment', field: 'from' });
  });
});

describe('edits and deletions', () => {
  it('edits last week until Monday 11:59 UTC, and refuses from 12:00', async () => {
    const c = await diaryContract(db());
    clock.set(utc('2026-12-07T09:00:00Z'));
    await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-04T09:00:00Z', '2026-12-04T10:00:00Z'),
    );
    const [row] = await entriesOf(db(), c.contractId);

    clock.set(utc('2026-12-07T11:59:59Z'));
    const inTime = await editEntry(db(), c.writer, {
      entryId: row.id,
      memo: 'Longer review',
      span: { startedAt: utc('2026-12-04T09:00:00Z'), endedAt: utc('2026-12-04T11:00:00Z') },
    });
    expect(inTime).toMatchObject({ ok: true });
    // Adding to last week is open until then too.
    expect(
      (
        await addManualEntry(
          db(),
          c.writer,
          manual(c.contractId, '2026-12-05T09:00:00Z', '2026-12-05T10:00:00Z'),
        )
      ).ok,
    ).toBe(true);

    clock.set(utc('2026-12-07T12:00:00Z'));
    const late = await editEntry(db(), c.writer, { entryId: row.id, memo: 'Too late' });
    expect(late).toMatchObject({ ok: false, reason: 'deadline' });
    expect(await deleteEntry(db(), c.writer, { entryId: row.id })).toMatchObject({
      ok: false,
      reason: 'deadline',
    });
    const addLate = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-06T09:00:00Z', '2026-12-06T10:00:00Z'),
    );
    expect(addLate).toMatchObject({ ok: false, reason: 'deadline', field: 'date' });
    const [after] = await entriesOf(db(), c.contractId);
    expect(after).toMatchObject({ memo: 'Longer review', endedAt: utc('2026-12-04T11:00:00Z') });
  });

  it("refuses another freelancer's entry id exactly like an unknown one", async () => {
    const mine = await diaryContract(db());
    const theirs = await diaryContract(db());
    await addManualEntry(
      db(),
      theirs.writer,
      manual(theirs.contractId, '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
    );
    const [theirEntry] = await entriesOf(db(), theirs.contractId);

    const unknown = await editEntry(db(), mine.writer, {
      entryId: '00000000-0000-4000-8000-000000000000',
      memo: 'x',
    });
    const edit = await editEntry(db(), mine.writer, { entryId: theirEntry.id, memo: 'x' });
    const remove = await deleteEntry(db(), mine.writer, { entryId: theirEntry.id });
    expect(edit).toEqual(unknown);
    expect(remove).toEqual(unknown);
    expect(unknown).toMatchObject({ ok: false, reason: 'not-found' });
    // Their client cannot write either (findContractForViewer gives them the client side).
    const client = { userId: theirs.clientUserId, workspaceId: theirs.workspaceId, isAdmin: false };
    expect(await deleteEntry(db(), client, { entryId: theirEntry.id })).toEqual(unknown);
    expect(
      await startTimer(db(), client, { contractId: theirs.contractId, memo: '' }),
    ).toMatchObject({ ok: false, reason: 'not-found' });
    const [still] = await entriesOf(db(), theirs.contractId);
    expect(still.memo).toBe('Design review');
  });

  it('never changes an invoiced entry', async () => {
    const c = await diaryContract(db());
    await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
    );
    const [row] = await entriesOf(db(), c.contractId);
    const invoiceId = await hourlyInvoice(db(), c, '2026-11-30');
    await db().update(timeEntries).set({ invoiceId }).where(eq(timeEntries.id, row.id));
    expect(await editEntry(db(), c.writer, { entryId: row.id, memo: 'x' })).toMatchObject({
      ok: false,
      reason: 'invoiced',
    });
    expect(await deleteEntry(db(), c.writer, { entryId: row.id })).toMatchObject({
      ok: false,
      reason: 'invoiced',
    });
  });

  it('keeps tracked times as recorded but lets their memo change; deletes with an audit entry', async () => {
    const c = await diaryContract(db());
    clock.set(utc('2026-12-02T08:00:00Z'));
    await startTimer(db(), c.writer, { contractId: c.contractId, memo: '' });
    clock.set(utc('2026-12-02T09:00:00Z'));
    await stopTimer(db(), c.writer, { contractId: c.contractId });
    const [row] = await entriesOf(db(), c.contractId);
    const moved = await editEntry(db(), c.writer, {
      entryId: row.id,
      memo: 'x',
      span: { startedAt: utc('2026-12-02T07:00:00Z'), endedAt: utc('2026-12-02T09:00:00Z') },
    });
    expect(moved).toMatchObject({ ok: false, reason: 'tracked-times' });
    expect(
      await editEntry(db(), c.writer, { entryId: row.id, memo: 'Fixed the build' }),
    ).toMatchObject({ ok: true });
    expect(await deleteEntry(db(), c.writer, { entryId: row.id })).toMatchObject({ ok: true });
    expect(await entriesOf(db(), c.contractId)).toHaveLength(0);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.targetId, row.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['time_entry.edited', 'time_entry.deleted']));
  });
});

describe('paused contracts', () => {
  it('refuses new time while a dispute is open; once resolved it resumes', async () => {
    const c = await diaryContract(db());
    const invoiceId = await hourlyInvoice(db(), c, '2026-11-23');
    const disputeId = await openDispute(db(), c, invoiceId);
    const timer = await startTimer(db(), c.writer, { contractId: c.contractId, memo: '' });
    expect(timer).toMatchObject({ ok: false, reason: 'paused' });
    expect((timer as { message: string }).message).toContain('dispute');
    const added = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
    );
    expect(added).toMatchObject({ ok: false, reason: 'paused' });
    expect(await entriesOf(db(), c.contractId)).toHaveLength(0);
    await db()
      .update(disputes)
      .set({ status: 'resolved', resolution: 'paid', resolvedAt: clock.now() })
      .where(eq(disputes.id, disputeId));
    expect((await startTimer(db(), c.writer, { contractId: c.contractId, memo: '' })).ok).toBe(
      true,
    );
  });

  it('refuses new time 7 days after a failed payment, not before', async () => {
    const c = await diaryContract(db());
    await hourlyInvoice(db(), c, '2026-11-16', {
      paymentStatus: 'payment_failed',
      paymentFailedAt: utc('2026-11-25T10:07:01Z'),
    });
    // 6 days 23:59:59 after the failure: still open.
    expect((await startTimer(db(), c.writer, { contractId: c.contractId, memo: '' })).ok).toBe(
      true,
    );
    await stopTimer(db(), c.writer, { contractId: c.contractId });
    clock.set(utc('2026-12-02T10:07:01Z'));
    const paused = await addManualEntry(
      db(),
      c.writer,
      manual(c.contractId, '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
    );
    expect(paused).toMatchObject({ ok: false, reason: 'paused' });
    expect((paused as { message: string }).message).toMatch(/invoice WB-\d{6}/);
  });
});

describe('concurrency', () => {
  it('lets only one of three overlapping adds at once pass', async () => {
    const c = await diaryContract(db());
    // On a server, the time_entry table is held until all three requests wait on a lock, so
    // without the freelancer's time lock all three would read "no overlap" together.
    const results = await holdLocksWhile(
      database,
      { sql: 'lock table time_entry in access exclusive mode', params: [] },
      3,
      () =>
        Promise.all([
          addManualEntry(
            db(),
            c.writer,
            manual(c.contractId, '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
          ),
          addManualEntry(
            db(),
            c.writer,
            manual(c.contractId, '2026-12-01T09:30:00Z', '2026-12-01T10:30:00Z'),
          ),
          addManualEntry(
            db(),
            c.writer,
            manual(c.contractId, '2026-12-01T09:50:00Z', '2026-12-01T11:00:00Z'),
          ),
        ]),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual([
      'overlap',
      'overlap',
    ]);
    expect(await entriesOf(db(), c.contractId)).toHaveLength(1);
  });

  it('starts one timer of two started at once', async () => {
    const c = await diaryContract(db());
    const results = await Promise.all([
      startTimer(db(), c.writer, { contractId: c.contractId, memo: 'a' }),
      startTimer(db(), c.writer, { contractId: c.contractId, memo: 'b' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await entriesOf(db(), c.contractId)).toHaveLength(1);
  });
});
