import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { simulatedCharges, simulatedRefunds } from '@/db/schema';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { clientWithCard, SETTLES_LATE } from '@/tests/helpers/billing-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { applyChargeState, requestCharge } from './charges';
import { refundCharge } from './refunds';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const simulated = () => createSimulatedProvider(database.db);

async function charge(number?: string, settle = true) {
  const { inviter } = await clientWithCard(database.db, simulated(), number);
  const key = `test:${randomUUID()}`;
  const asked = await requestCharge(
    database.db,
    simulated(),
    {},
    {
      workspaceId: inviter.workspaceId,
      amountCents: 10_000,
      currency: 'USD',
      idempotencyKey: key,
      sourceType: 'test',
      sourceId: key,
    },
  );
  if (!asked.ok) throw new Error(asked.message);
  if (!settle) return asked.charge;
  const state = await simulated().readCharge(asked.charge.providerRef!);
  return (await applyChargeState(database.db, {}, asked.charge.id, asked.charge.attempt, state))
    .charge;
}

async function refundedAtProcessor(ref: string) {
  const [row] = await database.db
    .select()
    .from(simulatedCharges)
    .where(eq(simulatedCharges.ref, ref));
  return row.refundedCents;
}

it('refunds part of a settled charge once per key, however often it is asked', async () => {
  const settled = await charge();
  expect(settled.status).toBe('succeeded');
  const request = { chargeId: settled.id, amountCents: 2_500, idempotencyKey: `r:${settled.id}` };
  const first = await refundCharge(database.db, simulated(), request);
  const again = await refundCharge(database.db, simulated(), request);
  expect(first.ok && again.ok && first.ref === again.ref).toBe(true);
  expect(await refundedAtProcessor(settled.providerRef!)).toBe(2_500);
  const rows = await database.db
    .select()
    .from(simulatedRefunds)
    .where(eq(simulatedRefunds.chargeRef, settled.providerRef!));
  expect(rows).toHaveLength(1);
});

it('refuses more than the charge, nothing, and a charge not settled', async () => {
  const settled = await charge();
  const tooMuch = await refundCharge(database.db, simulated(), {
    chargeId: settled.id,
    amountCents: 10_001,
    idempotencyKey: randomUUID(),
  });
  expect(tooMuch).toMatchObject({ ok: false, reason: 'over-refund' });
  const zero = await refundCharge(database.db, simulated(), {
    chargeId: settled.id,
    amountCents: 0,
    idempotencyKey: randomUUID(),
  });
  expect(zero.ok).toBe(false);
  const processing = await charge(SETTLES_LATE, false);
  const early = await refundCharge(database.db, simulated(), {
    chargeId: processing.id,
    amountCents: 100,
    idempotencyKey: randomUUID(),
  });
  expect(early.ok).toBe(false);
  expect(await refundedAtProcessor(settled.providerRef!)).toBe(0);
});

it('refuses a refund beyond what earlier refunds left, and takes the rest', async () => {
  const settled = await charge();
  const part = (amountCents: number, key: string = randomUUID()) =>
    refundCharge(database.db, simulated(), {
      chargeId: settled.id,
      amountCents,
      idempotencyKey: key,
    });
  expect((await part(6_000, `first:${settled.id}`)).ok).toBe(true);
  // The first one asked again (a retry) is still the same refund, not a second one.
  expect((await part(6_000, `first:${settled.id}`)).ok).toBe(true);
  expect(await part(4_001)).toEqual({
    ok: false,
    reason: 'over-refund',
    message: 'This charge has $40.00 left to refund (of $100.00; the rest was refunded before).',
  });
  expect(await refundedAtProcessor(settled.providerRef!)).toBe(6_000);
  expect((await part(4_000)).ok).toBe(true);
  expect(await part(1)).toMatchObject({ ok: false, reason: 'over-refund' });
  expect(await refundedAtProcessor(settled.providerRef!)).toBe(10_000);
  // A key used before names that refund: another amount under it is refused.
  expect(await part(1_000, `first:${settled.id}`)).toMatchObject({
    ok: false,
    reason: 'key-reused',
  });
});

it('two refunds asked at once never add up to more than the charge', async () => {
  const settled = await charge();
  const results = await Promise.all(
    [7_000, 7_000].map((amountCents) =>
      refundCharge(database.db, simulated(), {
        chargeId: settled.id,
        amountCents,
        idempotencyKey: randomUUID(),
      }),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(await refundedAtProcessor(settled.providerRef!)).toBe(7_000);
});
