import { eq } from 'drizzle-orm';
import { paymentCharges, simulatedCharges, simulatedRefunds } from '@/db/schema';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { clientWithCard } from '@/tests/helpers/billing-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { requestCharge } from './charges';
import { refundCharge } from './refunds';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function charged(settled: boolean) {
  const provider = createSimulatedProvider(database.db);
  const { inviter } = await clientWithCard(database.db, provider);
  const result = await requestCharge(
    database.db,
    provider,
    {},
    {
      workspaceId: inviter.workspaceId,
      amountCents: 12_000,
      currency: 'USD',
      idempotencyKey: `test:${crypto.randomUUID()}`,
      sourceType: 'test',
      sourceId: crypto.randomUUID(),
    },
  );
  if (!result.ok) throw new Error(result.message);
  if (settled) {
    await database.db
      .update(simulatedCharges)
      .set({ settlesAt: new Date(0) })
      .where(eq(simulatedCharges.ref, result.charge.providerRef!));
    await database.db
      .update(paymentCharges)
      .set({ status: 'succeeded' })
      .where(eq(paymentCharges.id, result.charge.id));
  }
  return { provider, charge: result.charge };
}

describe('refundCharge', () => {
  it('refunds a settled charge once per key, however often it is called', async () => {
    const { provider, charge } = await charged(true);
    const input = { chargeId: charge.id, amountCents: 12_000, idempotencyKey: `r:${charge.id}` };
    const first = await refundCharge(database.db, provider, input);
    const second = await refundCharge(database.db, provider, input);
    expect(first.ok && second.ok && first.ref === second.ref).toBe(true);
    const [booked] = await database.db
      .select()
      .from(simulatedCharges)
      .where(eq(simulatedCharges.ref, charge.providerRef!));
    expect(booked.refundedCents).toBe(12_000);
    const refunds = await database.db
      .select()
      .from(simulatedRefunds)
      .where(eq(simulatedRefunds.chargeRef, charge.providerRef!));
    expect(refunds).toHaveLength(1);
  });

  it('refuses a charge that has not gone through, an unknown one, and more than was charged', async () => {
    const { provider, charge } = await charged(false);
    const key = `r:${charge.id}`;
    expect(
      await refundCharge(database.db, provider, {
        chargeId: charge.id,
        amountCents: 100,
        idempotencyKey: key,
      }),
    ).toMatchObject({ ok: false, reason: 'not-settled' });
    expect(
      await refundCharge(database.db, provider, {
        chargeId: crypto.randomUUID(),
        amountCents: 100,
        idempotencyKey: key,
      }),
    ).toMatchObject({ ok: false, reason: 'unknown-charge' });
    const settled = await charged(true);
    expect(
      await refundCharge(database.db, settled.provider, {
        chargeId: settled.charge.id,
        amountCents: 12_001,
        idempotencyKey: `r:${settled.charge.id}`,
      }),
    ).toMatchObject({ ok: false, reason: 'too-much' });
  });
});
