import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { payoutMethods, taxProfiles } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { findActivePayoutMethod } from '@/lib/payouts/queries';
import { createTestDatabase } from '@/tests/helpers/db';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import {
  fundAvailable,
  makeWithdrawer,
  registerAtStripe,
  withdrawalRows,
} from '@/tests/helpers/withdrawal-fixtures';
import { withdrawalBlockers } from './blockers';
import { refusalOf, requestWithdrawal } from './service';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';

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

describe("what Stripe says about the method's connected account", () => {
  it('names in words what Stripe needs before it pays out, and the action refuses with the same sentence', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await registerAtStripe(database.db, w, {
      payoutsEnabled: false,
      requirementsDue: [
        'individual.dob.day',
        'individual.dob.month',
        'individual.dob.year',
        'individual.ssn_last_4',
        'external_account',
        'tos_acceptance.date',
        'individual.some_new_field',
      ],
      disabledReason: 'requirements.past_due',
    });
    const blockers = await withdrawalBlockers(database.db, w.actor.userId, { at: START });
    expect(blockers).toEqual([
      {
        key: `withdraw-payee-${w.methods.usBank}`,
        text:
          'Stripe needs more information before it can pay out to your US bank account (checking) ending 0417: ' +
          'your date of birth, the last 4 digits of your Social Security number, your bank account details, ' +
          "your acceptance of Stripe's terms, and other details about you (our support team can tell you which).",
        // The date of birth and the SSN are given on the W-9 form: the identity comes first.
        href: '/settings/tax',
      },
    ]);
    expect(blockers[0].text).not.toMatch(/individual\.|tos_acceptance|external_account/);
    const refused = await refusal(w.actor.userId, w.methods.usBank);
    expect(refused).toEqual({
      ok: false,
      reason: 'payouts-disabled',
      message: blockers[0].text,
    });
    // PayPal is not paid through Stripe: still open.
    expect(await refusal(w.actor.userId, w.methods.paypal)).toBeNull();
  });

  it('refuses a withdrawal to a stopped account up front: nothing written, nothing sent', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await registerAtStripe(database.db, w, {
      payoutsEnabled: false,
      requirementsDue: ['individual.id_number'],
    });
    const provider = createSimulatedPayoutProvider(database.db);
    const result = await requestWithdrawal(database.db, provider, w.actor, {
      payoutMethodId: w.methods.usBank,
      amountCents: 5_000,
      idempotencyKey: randomUUID(),
    });
    expect(result).toEqual({
      ok: false,
      reason: 'payouts-disabled',
      message:
        'Stripe needs more information before it can pay out to your US bank account (checking) ending 0417: your full Social Security number.',
    });
    expect(await withdrawalRows(database.db, w.actor.userId)).toEqual([]);
    expect(await balanceOf(database.db, accounts.available(w.actor.userId))).toBe(10_000);
  });

  it('says what Stripe could not verify after what it needs, and sends the freelancer to fix it', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await registerAtStripe(database.db, w, {
      payoutsEnabled: false,
      requirementsDue: ['individual.id_number'],
      errors: [{ requirement: 'individual.id_number', code: 'verification_failed_keyed_identity' }],
    });
    const blockers = await withdrawalBlockers(database.db, w.actor.userId, { at: START });
    expect(blockers).toEqual([
      {
        key: `withdraw-payee-${w.methods.usBank}`,
        text:
          'Stripe needs more information before it can pay out to your US bank account (checking) ending 0417: your full Social Security number. ' +
          'Stripe could not match your full Social Security number with official records; check it for mistakes.',
        href: '/settings/tax',
      },
    ]);
    expect(blockers[0].text).not.toContain('verification_failed');
    expect(await refusal(w.actor.userId, w.methods.usBank)).toEqual({
      ok: false,
      reason: 'payouts-disabled',
      message: blockers[0].text,
    });
  });

  it('warns, without refusing, when Stripe still pays out but has requirements due', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await registerAtStripe(database.db, w, {
      payoutsEnabled: true,
      requirementsDue: ['individual.address.line1', 'individual.address.city'],
    });
    expect(await withdrawalBlockers(database.db, w.actor.userId, { at: START })).toEqual([
      expect.objectContaining({
        key: `withdraw-payee-${w.methods.usBank}`,
        text: expect.stringMatching(
          /^Stripe needs more information to keep paying out to your US bank account \(checking\) ending 0417: your home address\. /,
        ),
      }),
    ]);
    expect(await refusal(w.actor.userId, w.methods.usBank)).toBeNull();
  });

  it("names Stripe's deadline as a day in the freelancer's zone", async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await registerAtStripe(database.db, w, {
      payoutsEnabled: true,
      requirementsDue: ['individual.dob.day', 'individual.dob.year'],
      // Still the 19th in Chicago, already the 20th in UTC.
      deadline: new Date('2026-12-20T03:00:00Z'),
    });
    const [inChicago] = await withdrawalBlockers(database.db, w.actor.userId, {
      at: START,
      timeZone: 'America/Chicago',
    });
    expect(inChicago).toEqual({
      key: `withdraw-payee-${w.methods.usBank}`,
      text: 'Stripe needs more information by December 19, 2026 to keep paying out to your US bank account (checking) ending 0417: your date of birth. Withdrawals to it still go out until then.',
      href: '/settings/tax',
    });
    const [inUtc] = await withdrawalBlockers(database.db, w.actor.userId, { at: START });
    expect(inUtc.text).toContain('by December 20, 2026 to keep paying out');
  });

  it.each([
    [['individual.dob.day', 'individual.dob.month', 'individual.dob.year'], '/settings/tax'],
    [['individual.address.line1', 'individual.address.postal_code'], '/settings/tax'],
    [['individual.ssn_last_4'], '/settings/tax'],
    [['individual.id_number'], '/settings/tax'],
    [['external_account'], '/settings/payout'],
    [['business_profile.url'], '/settings/profile'],
    [['tos_acceptance.date', 'tos_acceptance.ip'], '/onboarding/basic-info'],
    [['external_account', 'tos_acceptance.date'], '/onboarding/basic-info'],
    [['individual.verification.document'], '/settings/payout'],
  ])('links "Fix this" for %j to %s', async (requirementsDue, href) => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await registerAtStripe(database.db, w, { payoutsEnabled: false, requirementsDue });
    const [blocker] = await withdrawalBlockers(database.db, w.actor.userId, { at: START });
    expect(blocker).toMatchObject({ key: `withdraw-payee-${w.methods.usBank}`, href });
  });

  it('says Stripe is checking, with nothing to fix, while verification is pending', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await registerAtStripe(database.db, w, {
      payoutsEnabled: false,
      disabledReason: 'requirements.pending_verification',
    });
    const [blocker] = await withdrawalBlockers(database.db, w.actor.userId, { at: START });
    expect(blocker).toMatchObject({
      key: `withdraw-payee-${w.methods.usBank}`,
      text: expect.stringContaining('Stripe is checking your details'),
      status: expect.any(String),
    });
    expect(blocker).not.toHaveProperty('href');
    expect(await refusal(w.actor.userId, w.methods.usBank)).toMatchObject({
      reason: 'payouts-disabled',
      message: blocker.text,
    });
  });

  it('has nothing to say once Stripe pays out and needs nothing', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await registerAtStripe(database.db, w, { payoutsEnabled: true });
    expect(await keysOf(w.actor.userId)).toEqual([]);
  });

  it('names the hold of the other method when the only one past its hold is stopped', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await registerAtStripe(database.db, w, {
      payoutsEnabled: false,
      disabledReason: 'rejected.other',
    });
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: new Date(START.getTime() + 86_400_000) })
      .where(eq(payoutMethods.id, w.methods.paypal));
    expect((await keysOf(w.actor.userId)).sort()).toEqual(
      [`withdraw-hold-${w.methods.paypal}`, `withdraw-payee-${w.methods.usBank}`].sort(),
    );
  });
});
