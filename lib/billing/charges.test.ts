import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { paymentCharges } from '@/db/schema';
import type { PaymentProvider } from '@/lib/payments/provider';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { createWorkspace } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import type { Inviter } from '@/lib/accounts/inviter';
import { removeBillingMethod, setDefaultBillingMethod } from './service';
import {
  addSimulatedCard,
  APPROVED_CARD,
  chargesOf,
  clientWithCard,
  methodsOf,
  DECLINES_ON_CHARGE,
  processorChargesFor,
  SETTLES_LATE,
} from '@/tests/helpers/billing-fixtures';
import { RETRY_DELAYS_MS, requestCharge, settleDueCharges, type ChargeHookTable } from './charges';
import { findCharge } from './queries';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const simulated = () => createSimulatedProvider(database.db);

/** Hooks that record what they were called with, as the ledger posting would. */
function recordingHooks() {
  const settled: string[] = [];
  const failed: { id: string; reason: string | null; willRetry: boolean }[] = [];
  const hooks: ChargeHookTable = {
    test: {
      onSettled: async (_tx, charge) => void settled.push(charge.id),
      onFailed: async (_tx, charge, { willRetry }) =>
        void failed.push({ id: charge.id, reason: charge.failureReason, willRetry }),
    },
  };
  return { hooks, settled, failed };
}

const request = (workspaceId: string, key = `invoice:${randomUUID()}`) => ({
  workspaceId,
  amountCents: 12_345,
  currency: 'USD',
  idempotencyKey: key,
  sourceType: 'test',
  sourceId: key,
});

/** Every due charge becomes due now, as if the clock had moved past its next attempt. */
async function makeDue(chargeId: string) {
  await database.db
    .update(paymentCharges)
    .set({ nextAttemptAt: new Date(Date.now() - 1000) })
    .where(eq(paymentCharges.id, chargeId));
}

it('settles a charge through the settlement tick and runs its hook once', async () => {
  const { inviter } = await clientWithCard(database.db, simulated());
  const { hooks, settled } = recordingHooks();
  const asked = await requestCharge(database.db, simulated(), hooks, request(inviter.workspaceId));
  if (!asked.ok) throw new Error(asked.message);
  expect(asked.charge.status).toBe('processing');
  await makeDue(asked.charge.id);
  await settleDueCharges(database.db, simulated(), hooks);
  const charge = (await findCharge(database.db, asked.charge.id))!;
  expect(charge).toMatchObject({ status: 'succeeded', nextAttemptAt: null });
  expect(charge.settledAt).not.toBeNull();
  await makeDue(asked.charge.id);
  await settleDueCharges(database.db, simulated(), hooks);
  expect(settled).toEqual([asked.charge.id]);
});

it('charges once for a request replayed with the same key', async () => {
  const { inviter } = await clientWithCard(database.db, simulated());
  const { hooks } = recordingHooks();
  const input = request(inviter.workspaceId);
  const first = await requestCharge(database.db, simulated(), hooks, input);
  const again = await requestCharge(database.db, simulated(), hooks, input);
  const both = await Promise.all([
    requestCharge(database.db, simulated(), hooks, input),
    requestCharge(database.db, simulated(), hooks, input),
  ]);
  expect(first.ok && again.ok && again.charge.id === first.charge.id).toBe(true);
  expect(both.every((r) => r.ok && first.ok && r.charge.id === first.charge.id)).toBe(true);
  expect(await chargesOf(database.db, inviter.workspaceId)).toHaveLength(1);
  expect(await processorChargesFor(database.db, input.idempotencyKey)).toHaveLength(1);
  // The same key for another amount is refused, not answered with the first charge.
  const other = await requestCharge(database.db, simulated(), hooks, { ...input, amountCents: 1 });
  expect(other).toMatchObject({ ok: false, reason: 'key-reused' });
});

it('does not charge twice when the provider times out after charging', async () => {
  const { inviter } = await clientWithCard(database.db, simulated());
  const { hooks, settled } = recordingHooks();
  const real = simulated();
  let calls = 0;
  const timingOut: PaymentProvider = {
    ...real,
    async charge(input) {
      calls += 1;
      await real.charge(input);
      throw new Error('ETIMEDOUT: no answer from the processor');
    },
  };
  const input = request(inviter.workspaceId);
  const asked = await requestCharge(database.db, timingOut, hooks, input);
  if (!asked.ok) throw new Error(asked.message);
  // Unanswered: still requested, for the job to send again with the same key.
  expect(asked.charge.status).toBe('requested');
  expect(asked.charge.providerRef).toBeNull();
  await makeDue(asked.charge.id);
  await settleDueCharges(database.db, real, hooks);
  await makeDue(asked.charge.id);
  await settleDueCharges(database.db, real, hooks);
  expect(calls).toBe(1);
  expect((await findCharge(database.db, asked.charge.id))!.status).toBe('succeeded');
  expect(await processorChargesFor(database.db, input.idempotencyKey)).toHaveLength(1);
  expect(settled).toEqual([asked.charge.id]);
});

it('records a declined charge with its message, posts nothing, and retries on the schedule', async () => {
  const { inviter } = await clientWithCard(database.db, simulated(), DECLINES_ON_CHARGE);
  const { hooks, settled, failed } = recordingHooks();
  const input = request(inviter.workspaceId);
  const asked = await requestCharge(database.db, simulated(), hooks, input);
  if (!asked.ok) throw new Error(asked.message);
  await makeDue(asked.charge.id);
  await settleDueCharges(database.db, simulated(), hooks);
  const declined = (await findCharge(database.db, asked.charge.id))!;
  expect(declined).toMatchObject({
    status: 'failed',
    failureReason: 'Your card was declined. Try another card.',
    attempt: 1,
  });
  const wait = declined.nextAttemptAt!.getTime() - declined.updatedAt.getTime();
  expect(Math.abs(wait - RETRY_DELAYS_MS[0])).toBeLessThan(5_000);
  expect(settled).toEqual([]);
  expect(failed).toEqual([
    { id: asked.charge.id, reason: 'Your card was declined. Try another card.', willRetry: true },
  ]);
  // Each retry is a new attempt at the processor; after the last one it stays failed.
  for (let round = 0; round < RETRY_DELAYS_MS.length; round++) {
    await makeDue(asked.charge.id); // the retry is due: a new attempt is sent
    await settleDueCharges(database.db, simulated(), hooks);
    await makeDue(asked.charge.id); // its settlement is read
    await settleDueCharges(database.db, simulated(), hooks);
  }
  const final = (await findCharge(database.db, asked.charge.id))!;
  expect(final).toMatchObject({ status: 'failed', attempt: 4, nextAttemptAt: null });
  expect(await processorChargesFor(database.db, input.idempotencyKey)).toHaveLength(4);
  expect(failed.map((f) => f.willRetry)).toEqual([true, true, true, false]);
  expect(settled).toEqual([]);
});

it('keeps a slow charge processing until the processor settles it', async () => {
  const { inviter } = await clientWithCard(database.db, simulated(), SETTLES_LATE);
  const { hooks, settled } = recordingHooks();
  const asked = await requestCharge(database.db, simulated(), hooks, request(inviter.workspaceId));
  if (!asked.ok) throw new Error(asked.message);
  await makeDue(asked.charge.id);
  await settleDueCharges(database.db, simulated(), hooks);
  const charge = (await findCharge(database.db, asked.charge.id))!;
  expect(charge.status).toBe('processing');
  expect(charge.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
  expect(settled).toEqual([]);
});

it('refuses to charge a workspace without a billing method', async () => {
  const inviter = await createWorkspace(database.db, 'company');
  const { hooks } = recordingHooks();
  const result = await requestCharge(database.db, simulated(), hooks, request(inviter.workspaceId));
  expect(result).toEqual({
    ok: false,
    reason: 'no-billing-method',
    message: 'Add a billing method before your first payment is due.',
  });
  expect(await chargesOf(database.db, inviter.workspaceId)).toEqual([]);
});

describe('the card a charge goes to', () => {
  const neverAnswers = (real: PaymentProvider): PaymentProvider => ({
    ...real,
    async charge() {
      throw new Error('ETIMEDOUT before sending');
    },
  });

  async function secondCardAsDefault(inviter: Inviter) {
    const added = await addSimulatedCard(database.db, simulated(), inviter, APPROVED_CARD);
    if (!added.ok) throw new Error(added.message);
    const made = await setDefaultBillingMethod(database.db, inviter, added.methodId, null);
    if (!made.ok) throw new Error(made.message);
    return added.methodId;
  }

  it('sends a charge whose card was removed meanwhile to the current default card', async () => {
    const { inviter, methodId: first } = await clientWithCard(database.db, simulated());
    const { hooks } = recordingHooks();
    const input = request(inviter.workspaceId);
    const asked = await requestCharge(database.db, neverAnswers(simulated()), hooks, input);
    if (!asked.ok) throw new Error(asked.message);
    expect(asked.charge.status).toBe('requested');
    const second = await secondCardAsDefault(inviter);
    const removed = await removeBillingMethod(database.db, simulated(), inviter, first, null);
    expect(removed.ok).toBe(true);
    await makeDue(asked.charge.id);
    await settleDueCharges(database.db, simulated(), hooks);
    const charge = (await findCharge(database.db, asked.charge.id))!;
    expect(charge).toMatchObject({ billingMethodId: second, status: 'processing' });
    const [booked] = await processorChargesFor(database.db, input.idempotencyKey);
    const [secondRow] = (await methodsOf(database.db, inviter.workspaceId)).filter(
      (m) => m.id === second,
    );
    expect(booked.methodRef).toBe(secondRow.providerRef);
  });

  it('waits, charging nothing, while the workspace has no card left', async () => {
    const { inviter, methodId } = await clientWithCard(database.db, simulated());
    const { hooks } = recordingHooks();
    const input = request(inviter.workspaceId);
    const asked = await requestCharge(database.db, neverAnswers(simulated()), hooks, input);
    if (!asked.ok) throw new Error(asked.message);
    await removeBillingMethod(database.db, simulated(), inviter, methodId, null);
    await makeDue(asked.charge.id);
    await settleDueCharges(database.db, simulated(), hooks);
    const charge = (await findCharge(database.db, asked.charge.id))!;
    expect(charge.status).toBe('requested');
    expect(charge.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await processorChargesFor(database.db, input.idempotencyKey)).toHaveLength(0);
  });

  it('retries a declined charge on the card that is the default when the retry is due', async () => {
    const { inviter } = await clientWithCard(database.db, simulated(), DECLINES_ON_CHARGE);
    const { hooks, settled } = recordingHooks();
    const asked = await requestCharge(
      database.db,
      simulated(),
      hooks,
      request(inviter.workspaceId),
    );
    if (!asked.ok) throw new Error(asked.message);
    await makeDue(asked.charge.id);
    await settleDueCharges(database.db, simulated(), hooks);
    expect((await findCharge(database.db, asked.charge.id))!.status).toBe('failed');
    const second = await secondCardAsDefault(inviter);
    await makeDue(asked.charge.id);
    await settleDueCharges(database.db, simulated(), hooks);
    await makeDue(asked.charge.id);
    await settleDueCharges(database.db, simulated(), hooks);
    const charge = (await findCharge(database.db, asked.charge.id))!;
    expect(charge).toMatchObject({ status: 'succeeded', attempt: 2, billingMethodId: second });
    expect(settled).toEqual([asked.charge.id]);
  });
});
