import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { answerRefundRequest, requestMilestoneRefund } from '@/lib/milestones/refunds';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { createTestDatabase } from '@/tests/helpers/db';
import { creditNotesOf, fundedMilestone } from '@/tests/helpers/milestone-work-fixtures';
import { spendingBy } from './spending';
import { parsePeriod } from './period';

/*
 * The spending report through a real refund: a milestone funded by a (simulated) charge,
 * then refunded with the freelancer's agreement. The refund's credit note is what the
 * report subtracts, and it equals what the ledger returned to client funding.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2027-03-01T10:00:00Z'); // a Monday of 2027-W09

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());

it('subtracts a milestone refund’s credit note, as much as the ledger gave back', async () => {
  const db = database.db;
  const provider = createSimulatedProvider(db);
  const m = await fundedMilestone(db, provider);
  const period = parsePeriod({ from: '2027-03', to: '2027-03' }, START).period;
  const before = await spendingBy(db, m.client.workspaceId, period, 'contract');
  expect(before.map((r) => [r.key, r.chargedCents, r.refundedCents, r.spentCents])).toEqual([
    [m.contractId, m.grossCents, 0, m.grossCents],
  ]);

  clock.set(new Date('2027-03-09T10:00:00Z')); // the next ISO week
  const ref = { contractId: m.contractId, milestoneId: m.milestoneId };
  const asked = await requestMilestoneRefund(db, {
    ...ref,
    viewer: m.clientViewer,
    message: 'We cancelled the project.',
  });
  expect(asked).toMatchObject({ ok: true });
  const funding = await balanceOf(db, accounts.clientFunding());
  const agreed = await answerRefundRequest(db, provider, {
    ...ref,
    viewer: m.freelancerViewer,
    answer: 'agree',
    message: '',
  });
  expect(agreed).toMatchObject({ ok: true, status: 'refunded' });
  const returned = (await balanceOf(db, accounts.clientFunding())) - funding;
  expect(returned).toBe(m.grossCents);
  const [note] = await creditNotesOf(db, m.invoiceId);
  expect(note.grossCents).toBe(returned);

  const byContract = await spendingBy(db, m.client.workspaceId, period, 'contract');
  expect(byContract.map((r) => [r.chargedCents, r.refundedCents, r.spentCents])).toEqual([
    [m.grossCents, returned, m.grossCents - returned],
  ]);
  const byWeek = await spendingBy(db, m.client.workspaceId, period, 'week');
  expect(byWeek.map((r) => [r.label, r.chargedCents, r.refundedCents])).toEqual([
    ['2027-W09', m.grossCents, 0],
    ['2027-W10', 0, returned],
  ]);
});
