import { randomUUID } from 'node:crypto';
import { DEAD_LINK_MESSAGES } from '@/lib/accounts/confirmations';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';
import { createTestDatabase } from '@/tests/helpers/db';
import { emailsTo } from '@/tests/helpers/milestone-fixtures';
import { installTestEncryptionKey, tokenFromEmail } from '@/tests/helpers/settings-fixtures';
import {
  balancesOfFreelancer,
  makeWithdrawer,
  withdrawalRows,
  type Withdrawer,
} from '@/tests/helpers/withdrawal-fixtures';
import { confirmWithdrawal, previewWithdrawalConfirmation } from './confirm';
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

/** A withdrawal asked for 31 minutes after signing in: the link it emails. */
async function emailedLink(w: Withdrawer, amountCents: number, payoutMethodId = w.methods.usBank) {
  clock.advance(31 * 60_000);
  const asked = await requestWithdrawal(database.db, provider(), w.actor, {
    payoutMethodId,
    amountCents,
    idempotencyKey: randomUUID(),
  });
  expect(asked).toMatchObject({ ok: false, reason: 'confirmation-sent' });
  return tokenFromEmail(database.db, w.actor.email, 'withdrawal-confirm');
}

describe('the emailed withdrawal confirmation', () => {
  it('emails a link naming the withdrawal, and moves nothing until it is posted', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const token = await emailedLink(w, 4_000, w.methods.paypal);
    const [email] = await emailsTo(database.db, w.actor.email, 'withdrawal-confirm');
    expect(email.html).toContain('$40.00');
    expect(email.html).toContain('/earnings/withdraw/confirm?token=');
    // The GET page (what a mail scanner fetches) changes nothing.
    const preview = await previewWithdrawalConfirmation(database.db, token, null);
    expect(preview).toMatchObject({ ok: true, fee: '$2.00', taken: '$42.00' });
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(0);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });
  });

  it('records exactly one withdrawal when the link is posted twice', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const token = await emailedLink(w, 3_000);
    const first = await confirmWithdrawal(database.db, provider(), token, w.actor.userId);
    expect(first).toMatchObject({ ok: true, withdrawal: { amountCents: 3_000, feeCents: 0 } });
    const second = await confirmWithdrawal(database.db, provider(), token, w.actor.userId);
    expect(second).toEqual({ ok: false, reason: 'link', message: DEAD_LINK_MESSAGES.used });
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(1);
    expect((await balancesOfFreelancer(database.db, w.actor.userId)).available).toBe(7_000);
  });

  it('records one withdrawal when the link is posted twice at once', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const token = await emailedLink(w, 3_000);
    const both = await Promise.all([
      confirmWithdrawal(database.db, provider(), token, null),
      confirmWithdrawal(database.db, provider(), token, null),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(1);
    expect((await balancesOfFreelancer(database.db, w.actor.userId)).available).toBe(7_000);
  });

  it('refuses an expired link clearly and moves nothing', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const token = await emailedLink(w, 3_000);
    // Links last 30 minutes on the clock every rule reads.
    clock.advance(30 * 60_000 + 1_000);
    const result = await confirmWithdrawal(database.db, provider(), token, w.actor.userId);
    expect(result).toEqual({ ok: false, reason: 'link', message: DEAD_LINK_MESSAGES.expired });
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(0);
  });

  it("refuses another freelancer's link, and it still works for its owner", async () => {
    const owner = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const other = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const token = await emailedLink(owner, 3_000);
    const refused = await confirmWithdrawal(database.db, provider(), token, other.actor.userId);
    expect(refused).toEqual({
      ok: false,
      reason: 'link',
      message: DEAD_LINK_MESSAGES['wrong-account'],
    });
    expect(await withdrawalRows(database.db, owner.actor.userId)).toHaveLength(0);
    expect(await withdrawalRows(database.db, other.actor.userId)).toHaveLength(0);
    const mine = await confirmWithdrawal(database.db, provider(), token, owner.actor.userId);
    expect(mine).toMatchObject({ ok: true, withdrawal: { freelancerId: owner.actor.userId } });
  });

  it('refuses with the reason when the balance was spent meanwhile, and the link stays usable', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const token = await emailedLink(w, 6_000);
    // Signed in again, the freelancer withdraws most of it directly.
    const fresh = { ...w.actor, signedInAt: clock.now() };
    const spent = await requestWithdrawal(database.db, provider(), fresh, {
      payoutMethodId: w.methods.usBank,
      amountCents: 8_000,
      idempotencyKey: randomUUID(),
    });
    expect(spent.ok).toBe(true);
    const refused = await confirmWithdrawal(database.db, provider(), token, w.actor.userId);
    expect(refused).toMatchObject({ ok: false, reason: 'insufficient' });
    expect(!refused.ok && refused.message).toContain('your available balance is $20.00');
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(1);
    // Refused, the link is not spent: the preview still shows it.
    expect(await previewWithdrawalConfirmation(database.db, token, null)).toMatchObject({
      ok: true,
    });
  });
});
