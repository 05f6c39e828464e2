import { eq } from 'drizzle-orm';
import { payoutMethods, taxProfiles } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { findActivePayoutMethod } from '@/lib/payouts/queries';
import { createTestDatabase } from '@/tests/helpers/db';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { fundAvailable, makeWithdrawer } from '@/tests/helpers/withdrawal-fixtures';
import { withdrawalBlockers } from './blockers';
import { refusalOf } from './service';

/*
 * "Why can't I withdraw?" must name exactly the reasons the withdraw action refuses for:
 * each case sets one reason up, sees the blocker with its fix link, sees refusalOf (the
 * action's check) refuse for the same reason, and sees both clear once it is fixed.
 */
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

const refusal = async (userId: string, methodId: string | null, amountCents = 1_000) => {
  const method = methodId ? await findActivePayoutMethod(database.db, userId, methodId) : undefined;
  return refusalOf(database.db, userId, { amountCents }, method, START);
};
const keysOf = async (userId: string) =>
  (await withdrawalBlockers(database.db, userId, { at: START })).map((b) => b.key);

describe('withdrawalBlockers', () => {
  it('is empty for a freelancer the action lets withdraw', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    expect(await withdrawalBlockers(database.db, w.actor.userId, { at: START })).toEqual([]);
    expect(await refusal(w.actor.userId, w.methods.usBank)).toBeNull();
  });

  it('names an empty available balance, links to the balance, and the action refuses', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 0 });
    const blockers = await withdrawalBlockers(database.db, w.actor.userId, { at: START });
    expect(blockers).toEqual([
      expect.objectContaining({ key: 'withdraw-balance', href: '/earnings' }),
    ]);
    expect(await refusal(w.actor.userId, w.methods.usBank)).toMatchObject({
      reason: 'insufficient',
    });
    await fundAvailable(database.db, w.actor.userId, 5_000);
    expect(await keysOf(w.actor.userId)).toEqual([]);
    expect(await refusal(w.actor.userId, w.methods.usBank)).toBeNull();
  });

  it('names a missing payout method, links to payout settings, and the action refuses', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await database.db
      .update(payoutMethods)
      .set({ removedAt: START, isDefault: false })
      .where(eq(payoutMethods.userId, w.actor.userId));
    const blockers = await withdrawalBlockers(database.db, w.actor.userId, { at: START });
    expect(blockers).toEqual([
      expect.objectContaining({ key: 'withdraw-method', href: '/settings/payout' }),
    ]);
    expect(await refusal(w.actor.userId, w.methods.usBank)).toMatchObject({ reason: 'not-found' });
  });

  it('names each method still in its hold with the date it ends, as the action does', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const holdEnds = new Date(START.getTime() + 2 * 24 * 3600 * 1000);
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: holdEnds })
      .where(eq(payoutMethods.userId, w.actor.userId));
    const blockers = await withdrawalBlockers(database.db, w.actor.userId, {
      at: START,
      timeZone: 'UTC',
    });
    expect(blockers.map((b) => b.key).sort()).toEqual(
      [`withdraw-hold-${w.methods.paypal}`, `withdraw-hold-${w.methods.usBank}`].sort(),
    );
    const refused = await refusal(w.actor.userId, w.methods.usBank);
    expect(refused).toMatchObject({ reason: 'on-hold' });
    const usBank = blockers.find((b) => b.key === `withdraw-hold-${w.methods.usBank}`)!;
    // The same words as the action's refusal, date of the hold's end included.
    expect(usBank).toMatchObject({ text: refused!.message, href: '/settings/payout' });
    expect(usBank.text).toContain('December 4, 2026');

    // One method past its hold is enough to withdraw: no blocker, and the action agrees.
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: START })
      .where(eq(payoutMethods.id, w.methods.usBank));
    expect(await keysOf(w.actor.userId)).toEqual([]);
    expect(await refusal(w.actor.userId, w.methods.usBank)).toBeNull();
  });

  it('names missing tax information, links to the tax form, and the action refuses', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000, taxInfo: false });
    const blockers = await withdrawalBlockers(database.db, w.actor.userId, { at: START });
    expect(blockers).toEqual([
      expect.objectContaining({ key: 'withdraw-tax-info', href: '/settings/tax' }),
    ]);
    const refused = await refusal(w.actor.userId, w.methods.usBank);
    expect(refused).toMatchObject({ reason: 'tax-info', message: blockers[0].text });
    expect(await database.db.$count(taxProfiles, eq(taxProfiles.userId, w.actor.userId))).toBe(0);
  });

  it('names every reason at once for a freelancer with nothing set up', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 0, taxInfo: false });
    await database.db
      .update(payoutMethods)
      .set({ removedAt: START, isDefault: false })
      .where(eq(payoutMethods.userId, w.actor.userId));
    expect(await keysOf(w.actor.userId)).toEqual([
      'withdraw-balance',
      'withdraw-method',
      'withdraw-tax-info',
    ]);
  });
});
