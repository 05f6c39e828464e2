import { eq } from 'drizzle-orm';
import { auditLog, contracts, disputes } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  diaryContract,
  entriesOf,
  hourlyInvoice,
  openDispute,
  utc,
} from '@/tests/helpers/diary-fixtures';
import { notRecordedMessage } from './display';
import { startTimer, stopTimer, stopTimersAtDayEnd } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  clock = useFakeClock(utc('2026-11-16T09:03:00Z'));
});
afterEach(() => clock.restore());

const db = () => database.db;
const spans = async (contractId: string) =>
  (await entriesOf(db(), contractId)).map((e) => [
    e.startedAt.toISOString(),
    e.endedAt?.toISOString() ?? null,
  ]);

it('never records a timer left running for weeks into weeks already closed or invoiced, and says so', async () => {
  const c = await diaryContract(db());
  expect(await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'API' })).toMatchObject(
    { ok: true },
  );
  // The tick never split it; the week of Nov 23 is invoiced (and closed), Nov 30 is open.
  await hourlyInvoice(db(), c, '2026-11-23');
  clock.set(utc('2026-12-01T10:07:00Z'));
  const stopped = await stopTimer(db(), c.writer, { contractId: c.contractId });

  expect(stopped).toMatchObject({
    ok: true,
    weekStart: '2026-11-30',
    minutes: 24 * 60 + 10 * 60 + 10,
  });
  expect(await spans(c.contractId)).toEqual([
    ['2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T00:00:00.000Z', '2026-12-01T10:10:00.000Z'],
  ]);
  if (!stopped.ok) throw new Error(stopped.message);
  const ranFor =
    (utc('2026-12-01T10:10:00Z').getTime() - utc('2026-11-16T09:00:00Z').getTime()) / 60_000;
  expect(stopped.notRecorded).toEqual({
    minutes: ranFor - stopped.minutes,
    closedWeeks: ['2026-11-16', '2026-11-23'],
    cutBy: null,
  });
  expect(notRecordedMessage(stopped.notRecorded)).toBe(
    'Timer stopped. 327 h were not recorded: the weeks of 2026-11-16, 2026-11-23 were already closed (a week closes Monday 12:00 UTC after it) or invoiced.',
  );
  const [audit] = await db()
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'time_entry.timer_stopped'));
  expect(audit.detail).toContain('19620 min not recorded');
});

it('records only up to the moment a dispute paused the contract', async () => {
  const c = await diaryContract(db());
  clock.set(utc('2026-12-02T08:00:00Z'));
  await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'Booking form' });
  const invoiceId = await hourlyInvoice(db(), c, '2026-11-23');
  const disputeId = await openDispute(db(), c, invoiceId);
  await db()
    .update(disputes)
    .set({ createdAt: utc('2026-12-02T09:05:00Z') })
    .where(eq(disputes.id, disputeId));
  clock.set(utc('2026-12-02T11:07:00Z'));

  const stopped = await stopTimer(db(), c.writer, { contractId: c.contractId });

  // The pause began inside the 09:00–09:10 segment, which counts whole (as a stop then would).
  expect(await spans(c.contractId)).toEqual([
    ['2026-12-02T08:00:00.000Z', '2026-12-02T09:10:00.000Z'],
  ]);
  expect(stopped).toMatchObject({
    ok: true,
    minutes: 70,
    notRecorded: { minutes: 120, closedWeeks: [], cutBy: 'paused' },
  });
});

it('records only up to 7 days after a failed payment, and nothing once the invoice was paid before it', async () => {
  const c = await diaryContract(db());
  clock.set(utc('2026-12-02T08:00:00Z'));
  await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'Booking form' });
  await hourlyInvoice(db(), c, '2026-11-16', {
    paymentStatus: 'payment_failed',
    paymentFailedAt: utc('2026-11-25T09:30:00Z'),
  });
  // Paid before its grace ended: no pause from it.
  await hourlyInvoice(db(), c, '2026-11-09', {
    paymentStatus: 'paid',
    paymentFailedAt: utc('2026-11-25T08:10:00Z'),
    paidAt: utc('2026-12-01T00:00:00Z'),
  });
  clock.set(utc('2026-12-02T10:00:00Z'));
  const stopped = await stopTimer(db(), c.writer, { contractId: c.contractId });
  expect(await spans(c.contractId)).toEqual([
    ['2026-12-02T08:00:00.000Z', '2026-12-02T09:30:00.000Z'],
  ]);
  expect(stopped).toMatchObject({ ok: true, notRecorded: { minutes: 30, cutBy: 'paused' } });
});

it('records only up to the ending of a contract it still ran on', async () => {
  const c = await diaryContract(db());
  clock.set(utc('2026-12-02T08:00:00Z'));
  await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'Last bits' });
  await db()
    .update(contracts)
    .set({ status: 'ended', endedAt: utc('2026-12-02T08:42:00Z'), endMessage: 'Done.' })
    .where(eq(contracts.id, c.contractId));
  clock.set(utc('2026-12-02T10:00:00Z'));
  const stopped = await stopTimer(db(), c.writer, { contractId: c.contractId });
  expect(await spans(c.contractId)).toEqual([
    ['2026-12-02T08:00:00.000Z', '2026-12-02T08:50:00.000Z'],
  ]);
  expect(stopped).toMatchObject({ ok: true, notRecorded: { minutes: 70, cutBy: 'ended' } });
});

it("the tick's midnight split stops a timer whose contract was paused instead of going on", async () => {
  const c = await diaryContract(db());
  clock.set(utc('2026-12-01T20:00:00Z'));
  await startTimer(db(), c.writer, { contractId: c.contractId, memo: 'Evening' });
  const invoiceId = await hourlyInvoice(db(), c, '2026-11-23');
  const disputeId = await openDispute(db(), c, invoiceId);
  await db()
    .update(disputes)
    .set({ createdAt: utc('2026-12-01T21:00:00Z') })
    .where(eq(disputes.id, disputeId));
  const at = utc('2026-12-02T00:05:00Z');
  clock.set(at);
  expect(await stopTimersAtDayEnd(db(), at)).toBe(1);
  expect(await spans(c.contractId)).toEqual([
    ['2026-12-01T20:00:00.000Z', '2026-12-01T21:00:00.000Z'],
  ]);
  // A second run finds nothing left running.
  expect(await stopTimersAtDayEnd(db(), at)).toBe(0);
});
