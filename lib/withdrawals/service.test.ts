import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ledgerTransactions, payoutMethods } from '@/db/schema';
import { now, useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';
import { createTestDatabase } from '@/tests/helpers/db';
import { emailsTo } from '@/tests/helpers/milestone-fixtures';
import {
  addPayoutMethodNow,
  IBAN_ACCOUNT,
  installTestEncryptionKey,
} from '@/tests/helpers/settings-fixtures';
import {
  balancesOfFreelancer,
  makeWithdrawer,
  simulatedPayoutsOf,
  withdrawalRows,
} from '@/tests/helpers/withdrawal-fixtures';
import { largestAmountCents, WITHDRAWAL_TERMS } from './fees';
import { withdrawalSchema } from './schemas';
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

const provider = () => createSimulatedPayoutProvider(database.db);
const form = (payoutMethodId: string, amountCents: number) => ({
  payoutMethodId,
  amountCents,
  idempotencyKey: randomUUID(),
});

describe('the fee configuration', () => {
  it('is the one SPEC 4.E names', () => {
    expect(WITHDRAWAL_TERMS).toEqual({
      us_bank: { feeCents: 0, minimumCents: 1 },
      iban: { feeCents: 99, minimumCents: 500 },
      paypal: { feeCents: 200, minimumCents: 1 },
      payoneer: { feeCents: 200, minimumCents: 1 },
    });
    expect(largestAmountCents('paypal', 10_000)).toBe(9_800);
    expect(largestAmountCents('paypal', 150)).toBe(0);
  });
});

describe('withdrawalSchema', () => {
  const parse = (amount: string) =>
    withdrawalSchema.safeParse({
      payoutMethodId: randomUUID(),
      amount,
      idempotencyKey: randomUUID(),
    });

  it('reads dollars and cents', () => {
    expect(parse('120.50')).toMatchObject({ success: true, data: { amount: 12_050 } });
  });

  it.each(['-5', '-0.01', '1.005', '0', '0.00', 'ten', ''])('refuses %p', (amount) => {
    expect(parse(amount).success).toBe(false);
  });
});

describe('requestWithdrawal', () => {
  it('takes amount and fee from available in one posting and sends the payout', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const result = await requestWithdrawal(
      database.db,
      provider(),
      w.actor,
      form(w.methods.paypal, 9_800),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.withdrawal).toMatchObject({
      status: 'processing',
      amountCents: 9_800,
      feeCents: 200,
      methodKind: 'paypal',
    });
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 0,
      withdrawing: 9_800,
    });
    expect(await simulatedPayoutsOf(database.db, result.withdrawal.id)).toHaveLength(1);
    const [posting] = await database.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.sourceId, result.withdrawal.id));
    expect(posting.kind).toBe('withdrawal');
  });

  it('refuses more than available (with the fee), and moves nothing', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const fees = await balanceOf(database.db, accounts.withdrawalFees());
    const result = await requestWithdrawal(
      database.db,
      provider(),
      w.actor,
      form(w.methods.paypal, 9_801),
    );
    expect(result).toMatchObject({ ok: false, reason: 'insufficient' });
    expect(!result.ok && result.message).toContain('$100.00');
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(0);
    expect(await balanceOf(database.db, accounts.withdrawalFees())).toBe(fees);
  });

  it.each([-100, 0, 0.5, 100.25])('refuses the amount %p cents', async (cents) => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const result = await requestWithdrawal(
      database.db,
      provider(),
      w.actor,
      form(w.methods.usBank, cents),
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid-amount' });
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(0);
  });

  it("refuses another freelancer's payout method as not found", async () => {
    const mine = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const theirs = await makeWithdrawer(database.db, START);
    const result = await requestWithdrawal(
      database.db,
      provider(),
      mine.actor,
      form(theirs.methods.usBank, 1_000),
    );
    expect(result).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await withdrawalRows(database.db, mine.actor.userId)).toHaveLength(0);
  });

  it('refuses a removed method as not found', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await database.db
      .update(payoutMethods)
      .set({ removedAt: START, isDefault: false })
      .where(eq(payoutMethods.id, w.methods.usBank));
    const result = await requestWithdrawal(
      database.db,
      provider(),
      w.actor,
      form(w.methods.usBank, 1_000),
    );
    expect(result).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('refuses a method still in its hold, naming when it ends', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: new Date('2026-12-04T09:00:00Z') })
      .where(eq(payoutMethods.id, w.methods.usBank));
    const result = await requestWithdrawal(
      database.db,
      provider(),
      w.actor,
      form(w.methods.usBank, 1_000),
    );
    expect(result).toMatchObject({ ok: false, reason: 'on-hold' });
    expect(!result.ok && result.message).toMatch(/security hold until .*Dec/);
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(0);
  });

  it('refuses without tax information', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000, taxInfo: false });
    const result = await requestWithdrawal(
      database.db,
      provider(),
      w.actor,
      form(w.methods.usBank, 1_000),
    );
    expect(result).toMatchObject({ ok: false, reason: 'tax-info' });
    expect(!result.ok && result.message).toContain('tax information');
  });

  it('emails a confirmation link instead of withdrawing with a sign-in older than 30 minutes', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    clock.advance(31 * 60_000);
    const result = await requestWithdrawal(
      database.db,
      provider(),
      w.actor,
      form(w.methods.usBank, 1_000),
    );
    expect(result).toMatchObject({ ok: false, reason: 'confirmation-sent' });
    expect(!result.ok && result.message).toContain('We emailed you a link');
    expect(await emailsTo(database.db, w.actor.email, 'withdrawal-confirm')).toHaveLength(1);
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(0);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });
  });

  it('refuses an international bank withdrawal under its $5 minimum, and takes its $0.99 fee', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const iban = await addPayoutMethodNow(
      database.db,
      { ...w.actor, signedInAt: now() },
      IBAN_ACCOUNT,
    );
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: START })
      .where(eq(payoutMethods.id, iban));
    const small = await requestWithdrawal(database.db, provider(), w.actor, form(iban, 499));
    expect(small).toMatchObject({ ok: false, reason: 'below-minimum' });
    expect(!small.ok && small.message).toContain('$5.00');
    const enough = await requestWithdrawal(database.db, provider(), w.actor, form(iban, 500));
    expect(enough).toMatchObject({ ok: true, withdrawal: { amountCents: 500, feeCents: 99 } });
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000 - 599,
      withdrawing: 500,
    });
  });

  it('makes one withdrawal of a form submitted twice', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const input = form(w.methods.usBank, 4_000);
    const first = await requestWithdrawal(database.db, provider(), w.actor, input);
    const second = await requestWithdrawal(database.db, provider(), w.actor, input);
    expect(first.ok && second.ok).toBe(true);
    expect(second).toMatchObject({ ok: true, replayed: true });
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(1);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 6_000,
      withdrawing: 4_000,
    });
    const reused = await requestWithdrawal(database.db, provider(), w.actor, {
      ...input,
      amountCents: 1_000,
    });
    expect(reused).toMatchObject({ ok: false, reason: 'key-reused' });
  });
});
