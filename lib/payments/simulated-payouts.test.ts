import { useFakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { createSimulatedPayoutProvider, SIMULATED_PAYOUT_FAILURE } from './simulated-payouts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const START = new Date('2026-12-02T10:00:00Z');
const to = (label: string) => ({ kind: 'paypal' as const, label, last4: 'alex' });

describe('the simulated payout provider', () => {
  it('makes one payout per key, settling a minute later; a reused key with another amount is an error', async () => {
    const clock = useFakeClock(START);
    const provider = createSimulatedPayoutProvider(database.db);
    const input = {
      idempotencyKey: 'k-1',
      amountCents: 1_000,
      currency: 'USD',
      destination: to('a@example.com'),
    };
    const first = await provider.createPayout(input);
    expect(first.status).toBe('processing');
    expect(await provider.createPayout(input)).toEqual(first);
    await expect(provider.createPayout({ ...input, amountCents: 999 })).rejects.toThrow(/reused/);
    clock.advance(60_000);
    expect(await provider.readPayout(first.ref)).toEqual({
      ref: first.ref,
      status: 'paid',
      failureReason: null,
    });
    clock.restore();
  });

  it('fails on demand ("fail"), and later ("slow")', async () => {
    const clock = useFakeClock(START);
    const provider = createSimulatedPayoutProvider(database.db);
    const base = { amountCents: 1_000, currency: 'USD' };
    const failing = await provider.createPayout({
      ...base,
      idempotencyKey: 'k-2',
      destination: to('fail@example.com'),
    });
    const late = await provider.createPayout({
      ...base,
      idempotencyKey: 'k-3',
      destination: to('slow-fail@example.com'),
    });
    clock.advance(60_000);
    expect(await provider.readPayout(failing.ref)).toEqual({
      ref: failing.ref,
      status: 'failed',
      failureReason: SIMULATED_PAYOUT_FAILURE,
    });
    expect((await provider.readPayout(late.ref)).status).toBe('processing');
    clock.advance(3 * 24 * 60 * 60_000);
    expect((await provider.readPayout(late.ref)).status).toBe('failed');
    clock.restore();
  });
});
