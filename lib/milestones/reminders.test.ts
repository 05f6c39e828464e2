import { settleDueCharges } from '@/lib/billing/charges';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { createTestDatabase } from '@/tests/helpers/db';
import { useFakeClock } from '@/lib/clock';
import { emailsTo, eventTypesOf, fundableContract } from '@/tests/helpers/milestone-fixtures';
import { fundMilestone } from './funding';
import { findContractParties } from './queries';
import { FUNDING_REMINDER_AFTER_MS, remindUnfundedMilestones } from './reminders';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const db = () => database.db;
const simulated = () => createSimulatedProvider(database.db);
const MINUTE = 60_000;

it('reminds the client once, 2 days after acceptance, while milestone 1 is unfunded', async () => {
  const waiting = await fundableContract(db(), simulated());
  const funded = await fundableContract(db(), simulated());
  const clock = useFakeClock(new Date());
  try {
    await fundMilestone(db(), simulated(), chargeHooks(), funded.inviter, {
      contractId: funded.contractId,
      milestoneId: funded.milestoneIds[0],
      amountCents: 50_000,
    });
    clock.advance(2 * MINUTE);
    await settleDueCharges(db(), simulated(), chargeHooks());
    const client = (await findContractParties(db(), waiting.contractId)).client.email;
    const fundedClient = (await findContractParties(db(), funded.contractId)).client.email;

    // Not yet 2 days: nothing.
    const early = new Date(Date.now() + FUNDING_REMINDER_AFTER_MS - 10 * MINUTE);
    await remindUnfundedMilestones(db(), early);
    expect(await emailsTo(db(), client, 'milestone-funding-reminder')).toEqual([]);

    const due = new Date(Date.now() + FUNDING_REMINDER_AFTER_MS + 10 * MINUTE);
    const [a, b] = await Promise.all([
      remindUnfundedMilestones(db(), due),
      remindUnfundedMilestones(db(), due),
    ]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    await remindUnfundedMilestones(db(), new Date(due.getTime() + 3 * FUNDING_REMINDER_AFTER_MS));
    expect(await emailsTo(db(), client, 'milestone-funding-reminder')).toHaveLength(1);
    expect(await eventTypesOf(db(), waiting.milestoneIds[0])).toEqual(['reminder_sent']);
    // Milestone 1 funded: no reminder; milestone 2 is never reminded about.
    expect(await emailsTo(db(), fundedClient, 'milestone-funding-reminder')).toEqual([]);
    expect(await eventTypesOf(db(), waiting.milestoneIds[1])).toEqual([]);
  } finally {
    clock.restore();
  }
});
