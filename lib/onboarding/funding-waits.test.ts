import { settleDueCharges } from '@/lib/billing/charges';
import { useFakeClock } from '@/lib/clock';
import { fundMilestone } from '@/lib/milestones/funding';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { createTestDatabase } from '@/tests/helpers/db';
import { fundableContract } from '@/tests/helpers/milestone-fixtures';
import { loadOnboardingContext, paymentBlockers } from './steps';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

it('lists "waiting for the client to fund milestone 1" until it is funded', async () => {
  const db = database.db;
  const provider = createSimulatedProvider(db);
  const made = await fundableContract(db, provider);
  const blockersNow = async () =>
    paymentBlockers(
      await loadOnboardingContext(db, { userId: made.freelancerId, profile: undefined }),
    ).filter((b) => b.key === `funding-${made.contractId}`);

  const [waiting] = await blockersNow();
  expect(waiting.text).toMatch(/^Waiting for .+ to fund milestone 1 of “.+”\.$/);
  expect('status' in waiting && waiting.status).toMatch(/We have asked them/);

  const clock = useFakeClock(new Date());
  try {
    await fundMilestone(db, provider, chargeHooks(), made.inviter, {
      contractId: made.contractId,
      milestoneId: made.milestoneIds[0],
      amountCents: 50_000,
    });
    const [processing] = await blockersNow();
    expect('status' in processing && processing.status).toMatch(/processing/);
    clock.advance(2 * 60_000);
    await settleDueCharges(db, provider, chargeHooks());
    expect(await blockersNow()).toEqual([]);
  } finally {
    clock.restore();
  }
});
