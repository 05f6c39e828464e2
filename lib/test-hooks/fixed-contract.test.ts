import { eq } from 'drizzle-orm';
import { contracts } from '@/db/schema';
import { fundMilestone } from '@/lib/milestones/funding';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { createTestDatabase } from '@/tests/helpers/db';
import { makeFixedContract } from './factories';
import { factoryRequestSchema } from './schemas';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

it('makes an accepted two-milestone fixed-price contract whose client can fund it', async () => {
  const input = factoryRequestSchema.parse({ kind: 'fixed-contract' });
  if (input.kind !== 'fixed-contract') throw new Error('wrong kind');
  const made = await makeFixedContract(database.db, input);
  expect(made.milestoneIds).toHaveLength(2);
  const [contract] = await database.db
    .select()
    .from(contracts)
    .where(eq(contracts.id, made.contractId));
  expect(contract).toMatchObject({
    kind: 'fixed',
    status: 'active',
    freelancerId: made.freelancer.userId,
  });
  const funded = await fundMilestone(
    database.db,
    createSimulatedProvider(database.db),
    chargeHooks(),
    { userId: made.client.userId, workspaceId: made.client.workspaceId },
    { contractId: made.contractId, milestoneId: made.milestoneIds[0], amountCents: 50_000 },
  );
  expect(funded).toMatchObject({ ok: true, status: 'processing' });
});
