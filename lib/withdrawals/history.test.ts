import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { withdrawals } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';
import { createTestDatabase } from '@/tests/helpers/db';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import {
  makeWithdrawer,
  withdrawalRows,
  type Withdrawer,
} from '@/tests/helpers/withdrawal-fixtures';
import { findRetryDraft, listWithdrawalsOf } from './history';
import { requestWithdrawal } from './service';

installTestEncryptionKey();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2026-12-02T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

async function withdraw(w: Withdrawer, amountCents: number) {
  const result = await requestWithdrawal(
    database.db,
    createSimulatedPayoutProvider(database.db),
    w.actor,
    { payoutMethodId: w.methods.usBank, amountCents, idempotencyKey: randomUUID() },
  );
  if (!result.ok) throw new Error(result.message);
  return result.withdrawal;
}

/** As settle.ts leaves one whose payout came back (its money is not the point here). */
async function markReturned(id: string) {
  await database.db
    .update(withdrawals)
    .set({ status: 'returned', failureReason: 'The receiving account was closed.' })
    .where(eq(withdrawals.id, id));
}

describe('the list of withdrawals', () => {
  it("shows only the freelancer's own, newest first, with the method's last four", async () => {
    const mine = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const theirs = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await withdraw(mine, 1_000);
    clock.advance(60_000);
    await withdraw(mine, 2_000);
    await withdraw(theirs, 3_000);
    const { items, nextAfter } = await listWithdrawalsOf(database.db, mine.actor.userId);
    expect(items.map((i) => i.amountCents)).toEqual([2_000, 1_000]);
    expect(items[0].method).toMatch(/ending \d{4}$/);
    expect(items[0].method).not.toMatch(/\d{5}/);
    expect(nextAfter).toBeNull();
  });

  it('says what to fix on a returned one', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const row = await withdraw(w, 1_000);
    await markReturned(row.id);
    const { items } = await listWithdrawalsOf(database.db, w.actor.userId);
    expect(items[0]).toMatchObject({ status: 'returned' });
    expect(items[0].fix).toContain('refused it');
  });
});

describe('retrying a returned withdrawal', () => {
  it('drafts the same amount and method, and is nothing for anyone else', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const other = await makeWithdrawer(database.db, START);
    const row = await withdraw(w, 1_500);
    expect(await findRetryDraft(database.db, w.actor.userId, row.id)).toBeNull();
    await markReturned(row.id);
    const draft = await findRetryDraft(database.db, w.actor.userId, row.id);
    expect(draft).toMatchObject({
      payoutMethodId: w.methods.usBank,
      withdrawal: { amountCents: 1_500 },
    });
    expect(await findRetryDraft(database.db, other.actor.userId, row.id)).toBeNull();
    expect(await findRetryDraft(database.db, w.actor.userId, 'not-a-uuid')).toBeNull();
  });

  it('files one new withdrawal and leaves the returned one as it was', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const row = await withdraw(w, 1_500);
    await markReturned(row.id);
    const draft = await findRetryDraft(database.db, w.actor.userId, row.id);
    await withdraw(w, draft!.withdrawal.amountCents);
    const rows = await withdrawalRows(database.db, w.actor.userId);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === row.id)).toMatchObject({ status: 'returned' });
  });
});
