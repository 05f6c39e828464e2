import { and, eq } from 'drizzle-orm';
import { auditLog, invoices, ledgerTransactions } from '@/db/schema';
import { settleDueCharges } from '@/lib/billing/charges';
import { removeBillingMethod } from '@/lib/billing/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { createWorkspace } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  clientWithCard,
  DECLINES_ON_CHARGE,
  methodsOf,
  processorChargesFor,
} from '@/tests/helpers/billing-fixtures';
import {
  chargesFor,
  emailsTo,
  eventTypesOf,
  expectLedgerSound,
  fundableContract,
  invoicesOfContract,
  milestoneStateOf,
} from '@/tests/helpers/milestone-fixtures';
import { fundingKeyOf, fundMilestone } from './funding';
import { listMilestoneHistory } from './history';
import { findContractParties, findMilestoneForViewer, fundingWaitOf } from './queries';
import { fundMilestoneSchema } from './schemas';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  clock = useFakeClock(new Date());
});
afterEach(() => clock.restore());

const db = () => database.db;

/** The ledger transactions a source posted (tests may read the ledger's tables). */
const postingsOf = (sourceType: string, sourceId: string) =>
  database.db
    .select()
    .from(ledgerTransactions)
    .where(
      and(eq(ledgerTransactions.sourceType, sourceType), eq(ledgerTransactions.sourceId, sourceId)),
    );

const simulated = () => createSimulatedProvider(database.db);
const actorOf = (inviter: { userId: string; workspaceId: string }) => ({
  userId: inviter.userId,
  workspaceId: inviter.workspaceId,
  ip: '203.0.113.7',
});

/** The settlement job's next run, a couple of minutes later (the charge is due again). */
async function settle() {
  clock.advance(2 * 60_000);
  await settleDueCharges(db(), simulated(), chargeHooks());
}

const fund = (
  made: Awaited<ReturnType<typeof fundableContract>>,
  index = 0,
  amountCents = 50_000,
  who = made.inviter,
) =>
  fundMilestone(db(), simulated(), chargeHooks(), actorOf(who), {
    contractId: made.contractId,
    milestoneId: made.milestoneIds[index],
    amountCents,
  });

describe('funding a milestone', () => {
  it('charges the card, then moves the amount into escrow when the charge settles', async () => {
    const made = await fundableContract(db(), simulated());
    const milestoneId = made.milestoneIds[0];
    expect(await fundingWaitOf(db(), made.contractId)).toMatchObject({
      milestoneId,
      isProcessing: false,
    });

    const asked = await fund(made);
    expect(asked).toMatchObject({ ok: true, status: 'processing' });
    expect(await milestoneStateOf(db(), milestoneId)).toMatchObject({ status: 'funding' });
    const [invoice] = await invoicesOfContract(db(), made.contractId);
    expect(invoice).toMatchObject({
      kind: 'milestone',
      milestoneId,
      grossCents: 50_000,
      paymentStatus: 'awaiting_payment',
    });
    expect(invoice.feeCents + invoice.netCents).toBe(50_000);
    const [charge] = (await chargesFor(db(), 'milestone_funding')).filter(
      (c) => c.sourceId === invoice.id,
    );
    expect(charge).toMatchObject({
      idempotencyKey: fundingKeyOf(milestoneId),
      status: 'processing',
    });
    // Nothing moves before the charge settles; both sides still wait.
    expect(await balanceOf(db(), accounts.escrow(made.contractId))).toBe(0);
    expect(await fundingWaitOf(db(), made.contractId)).toMatchObject({ isProcessing: true });
    await expectLedgerSound(db());

    await settle();
    expect(await milestoneStateOf(db(), milestoneId)).toMatchObject({
      status: 'funded',
      fundedCents: 50_000,
      feeCents: invoice.feeCents,
    });
    expect((await milestoneStateOf(db(), milestoneId))!.fundedAt).not.toBeNull();
    expect(await balanceOf(db(), accounts.escrow(made.contractId))).toBe(50_000);
    expect(await postingsOf('milestone', milestoneId)).toEqual([
      expect.objectContaining({ kind: 'charge', idempotencyKey: fundingKeyOf(milestoneId) }),
    ]);
    const [paid] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(paid).toMatchObject({ paymentStatus: 'paid', chargeId: charge.id });
    expect(await eventTypesOf(db(), milestoneId)).toEqual(['funding_requested', 'funded']);
    expect(await emailsTo(db(), made.freelancerEmail, 'milestone-funded')).toHaveLength(1);
    expect(await fundingWaitOf(db(), made.contractId)).toBeNull();
    const audited = await db().select().from(auditLog).where(eq(auditLog.targetId, milestoneId));
    expect(audited.map((a) => a.action).sort()).toEqual([
      'milestone.funded',
      'milestone.funding_requested',
    ]);
    await expectLedgerSound(db());

    // The history names who took each step, oldest first.
    const history = await listMilestoneHistory(db(), milestoneId);
    expect(history.map((h) => h.type)).toEqual(['funding_requested', 'funded']);
    expect(history[0].actorName).toBeTruthy();
    expect(history[1].actorName).toBeNull();
  });

  it('charges once when the client funds twice, one after the other or at once', async () => {
    const made = await fundableContract(db(), simulated());
    const milestoneId = made.milestoneIds[0];
    const answers = await Promise.all([fund(made), fund(made)]);
    const again = await fund(made);
    for (const answer of [...answers, again]) expect(answer.ok).toBe(true);
    const [invoice] = await invoicesOfContract(db(), made.contractId);
    const charges = (await chargesFor(db(), 'milestone_funding')).filter(
      (c) => c.sourceId === invoice.id,
    );
    expect(charges).toHaveLength(1);
    expect(await processorChargesFor(db(), fundingKeyOf(milestoneId))).toHaveLength(1);
    await settle();
    expect(await fund(made)).toMatchObject({ ok: true, status: 'funded' });
    await settle();
    expect(await invoicesOfContract(db(), made.contractId)).toHaveLength(1);
    expect(await processorChargesFor(db(), fundingKeyOf(milestoneId))).toHaveLength(1);
    expect(await balanceOf(db(), accounts.escrow(made.contractId))).toBe(50_000);
    expect((await eventTypesOf(db(), milestoneId)).filter((t) => t === 'funded')).toHaveLength(1);
    await expectLedgerSound(db());
  });

  it("refuses another client's milestone and changes nothing", async () => {
    const made = await fundableContract(db(), simulated());
    const { inviter: stranger } = await clientWithCard(db(), simulated());
    const refused = await fund(made, 0, 50_000, stranger);
    expect(refused).toMatchObject({ ok: false, reason: 'not-found' });
    // A milestone of one contract named under another of the same client is not found either.
    const other = await fundableContract(db(), simulated());
    const crossed = await fundMilestone(db(), simulated(), chargeHooks(), actorOf(made.inviter), {
      contractId: made.contractId,
      milestoneId: other.milestoneIds[0],
      amountCents: 50_000,
    });
    expect(crossed).toEqual(refused);
    expect(await milestoneStateOf(db(), made.milestoneIds[0])).toBeNull();
    expect(await milestoneStateOf(db(), other.milestoneIds[0])).toBeNull();
    expect(await invoicesOfContract(db(), made.contractId)).toEqual([]);
    expect(await invoicesOfContract(db(), other.contractId)).toEqual([]);
    const charges = await chargesFor(db(), 'milestone_funding');
    expect(charges.filter((c) => c.workspaceId === stranger.workspaceId)).toEqual([]);
    expect(charges.filter((c) => c.workspaceId === made.inviter.workspaceId)).toEqual([]);
    expect(await eventTypesOf(db(), made.milestoneIds[0])).toEqual([]);
    expect(await balanceOf(db(), accounts.escrow(made.contractId))).toBe(0);
  });

  it('leaves a declined card unfunded, with nothing posted and a clear message', async () => {
    const made = await fundableContract(db(), simulated(), DECLINES_ON_CHARGE);
    const milestoneId = made.milestoneIds[0];
    expect(await fund(made)).toMatchObject({ ok: true, status: 'processing' });
    await settle();
    expect(await milestoneStateOf(db(), milestoneId)).toMatchObject({ status: 'unfunded' });
    expect(await postingsOf('milestone', milestoneId)).toEqual([]);
    expect(await balanceOf(db(), accounts.escrow(made.contractId))).toBe(0);
    const [invoice] = await invoicesOfContract(db(), made.contractId);
    expect(invoice.paymentStatus).toBe('payment_failed');
    expect(invoice.paymentFailedAt).not.toBeNull();
    expect(await eventTypesOf(db(), milestoneId)).toEqual(['funding_requested', 'funding_failed']);
    const history = await listMilestoneHistory(db(), milestoneId);
    expect(history[1].message).toMatch(/Your card was declined \(.+\)\. We will try it again on/);
    const parties = await findContractParties(db(), made.contractId);
    expect(await emailsTo(db(), parties.client.email, 'milestone-funding-failed')).toHaveLength(1);
    expect(await fundingWaitOf(db(), made.contractId)).toMatchObject({ isProcessing: false });
    // Funding again while the automatic retry is scheduled: told so, nothing charged again.
    const again = await fund(made);
    expect(again).toMatchObject({ ok: false, reason: 'retry-scheduled' });
    expect(!again.ok && again.message).toMatch(/declined/);
    expect(await processorChargesFor(db(), fundingKeyOf(milestoneId))).toHaveLength(1);
    await expectLedgerSound(db());
  });

  it('funds a later milestone with another amount of at least $5', async () => {
    const made = await fundableContract(db(), simulated());
    const asked = await fund(made, 1, 700);
    expect(asked.ok).toBe(true);
    await settle();
    expect(await milestoneStateOf(db(), made.milestoneIds[1])).toMatchObject({
      status: 'funded',
      fundedCents: 700,
    });
    expect(await balanceOf(db(), accounts.escrow(made.contractId))).toBe(700);
    // Milestone 1 is still what both sides wait for.
    expect(await fundingWaitOf(db(), made.contractId)).toMatchObject({
      milestoneId: made.milestoneIds[0],
    });
    await expectLedgerSound(db());
  });

  it('asks for a billing method first, and writes nothing', async () => {
    const made = await fundableContract(db(), simulated());
    const bare = await createWorkspace(db(), 'company');
    // The same contract seen by a workspace with no card: refused as not found (not theirs).
    expect(await fund(made, 0, 50_000, bare)).toMatchObject({ reason: 'not-found' });
    const [method] = await methodsOf(db(), made.inviter.workspaceId);
    await removeBillingMethod(db(), simulated(), made.inviter, method.id, null);
    expect(await fund(made)).toMatchObject({ ok: false, reason: 'no-billing-method' });
    expect(await milestoneStateOf(db(), made.milestoneIds[0])).toBeNull();
    expect(await invoicesOfContract(db(), made.contractId)).toEqual([]);
  });

  it('shows the milestone to its two sides only', async () => {
    const made = await fundableContract(db(), simulated());
    const asClient = {
      userId: made.inviter.userId,
      workspaceId: made.inviter.workspaceId,
      isAdmin: false,
    };
    const asFreelancer = { userId: made.freelancerId, workspaceId: null, isAdmin: false };
    const stranger = await createWorkspace(db(), 'company');
    const asStranger = {
      userId: stranger.userId,
      workspaceId: stranger.workspaceId,
      isAdmin: false,
    };
    const open = (viewer: typeof asClient | typeof asFreelancer) =>
      findMilestoneForViewer(db(), viewer, made.contractId, made.milestoneIds[0]);
    expect(await open(asClient)).toMatchObject({ side: 'client', status: 'unfunded' });
    expect(await open(asFreelancer)).toMatchObject({ side: 'freelancer' });
    expect(await open(asStranger)).toBeNull();
  });
});

describe('the funding form', () => {
  const form = (amount: string) => ({
    contractId: '00000000-0000-4000-8000-000000000000',
    milestoneId: '00000000-0000-4000-8000-000000000001',
    amount,
  });
  it('takes dollars of at least $5', () => {
    expect(fundMilestoneSchema.parse(form('1,250.50')).amount).toBe(125_050);
    expect(fundMilestoneSchema.parse(form('$5')).amount).toBe(500);
    expect(fundMilestoneSchema.safeParse(form('4.99')).success).toBe(false);
    expect(fundMilestoneSchema.safeParse(form('five')).success).toBe(false);
    expect(fundMilestoneSchema.safeParse({ ...form('10'), milestoneId: 'x' }).success).toBe(false);
  });
});
