import { listChecks } from '@/lib/compliance/queries';
import { submitCheck } from '@/lib/compliance/service';
import { listActivePayoutMethods } from '@/lib/payouts/queries';
import { requestAddPayoutMethod } from '@/lib/payouts/service';
import {
  acceptedContract,
  createWorkspace,
  pdfBytes,
  sampleAnswers,
  TEST_IP,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  actorSignedIn,
  installTestEncryptionKey,
  PAYPAL,
  US_BANK,
} from '@/tests/helpers/settings-fixtures';
import { loadOnboardingRecords } from './records';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { asSubmitted } from '@/tests/helpers/submitted';
import { useFakeClock } from '@/lib/clock';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
installTestEncryptionKey();
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

// The one-statement loader must read exactly what the separate queries read, types included
// (timestamps as Dates), and nothing of anyone else.
it('reads the same contracts, checks and payout methods as the separate queries', async () => {
  const enterprise = await createWorkspace(database.db, 'enterprise');
  const company = await createWorkspace(database.db, 'company');
  const email = uniqueEmail('records');
  const first = await acceptedContract(database.db, enterprise, email);
  await acceptedContract(database.db, company, email, { kind: 'fixed' });
  const userId = first.freelancerId;
  const submitted = await submitCheck(database.db, {
    userId,
    answers: sampleAnswers(),
    documents: [{ fileName: 'registration.pdf', bytes: pdfBytes() }],
    ip: TEST_IP,
  });
  expect(submitted.ok).toBe(true);
  const who = { userId, email };
  for (const method of [US_BANK, PAYPAL]) {
    const added = await asSubmitted(addPayoutMethodSchema, method, async (input) =>
      requestAddPayoutMethod(database.db, await actorSignedIn(database.db, who, 1), input),
    );
    expect(added.ok).toBe(true);
  }
  // Someone else's rows must not appear.
  const other = await acceptedContract(database.db, company, uniqueEmail('other'));
  await asSubmitted(addPayoutMethodSchema, PAYPAL, async (input) =>
    requestAddPayoutMethod(
      database.db,
      await actorSignedIn(
        database.db,
        { userId: other.freelancerId, email: 'other@example.com' },
        1,
      ),
      input,
    ),
  );

  const records = await loadOnboardingRecords(database.db, userId);
  expect(records.contracts).toEqual([
    {
      id: first.contractId,
      inviteId: first.inviteId,
      title: expect.any(String),
      status: first.status,
      kind: 'hourly',
      weeklyLimitHours: 40,
      workspaceId: enterprise.workspaceId,
      workspaceName: enterprise.workspaceName,
      workspaceType: 'enterprise',
      inviterName: enterprise.name,
    },
    expect.objectContaining({
      kind: 'fixed',
      weeklyLimitHours: null,
      workspaceId: company.workspaceId,
      workspaceType: 'company',
    }),
  ]);
  expect(records.checks).toHaveLength(1);
  expect(records.checks).toEqual(await listChecks(database.db, userId));
  expect(records.checks[0].submittedAt).toBeInstanceOf(Date);
  expect(records.payoutMethods).toHaveLength(2);
  expect(records.payoutMethods).toEqual(await listActivePayoutMethods(database.db, userId));
  expect(records.payoutMethods[0].usableAfter).toBeInstanceOf(Date);
  expect(records).toMatchObject({
    hasTaxInfo: false,
    pendingPayoutConfirmations: 0,
    profile: null,
  });

  expect(await loadOnboardingRecords(database.db, 'no-such-user')).toMatchObject({
    contracts: [],
    checks: [],
    payoutMethods: [],
  });
});

it('counts a payout change waiting for its link until the link expires on the clock', async () => {
  const company = await createWorkspace(database.db, 'company');
  const email = uniqueEmail('waiting');
  const { freelancerId: userId } = await acceptedContract(database.db, company, email);
  const clock = useFakeClock(new Date());
  try {
    // Signed in 45 minutes ago: the change waits for the emailed confirmation.
    const asked = await asSubmitted(addPayoutMethodSchema, PAYPAL, async (input) =>
      requestAddPayoutMethod(
        database.db,
        await actorSignedIn(database.db, { userId, email }, 45),
        input,
      ),
    );
    expect(asked).toMatchObject({ ok: true });
    expect((await loadOnboardingRecords(database.db, userId)).pendingPayoutConfirmations).toBe(1);
    clock.advance(31 * 60_000);
    expect((await loadOnboardingRecords(database.db, userId)).pendingPayoutConfirmations).toBe(0);
  } finally {
    clock.restore();
  }
});
