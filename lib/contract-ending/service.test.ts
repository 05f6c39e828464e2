import { and, eq } from 'drizzle-orm';
import { auditLog, contracts, milestoneEvents } from '@/db/schema';
import { jest } from '@jest/globals';
import { settleDueCharges } from '@/lib/billing/charges';
import { setDefaultBillingMethod } from '@/lib/billing/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { findLedgerProblems } from '@/lib/ledger/check';
import { balanceOf } from '@/lib/ledger/queries';
import { fundingKeyOf } from '@/lib/milestones/funding';
import { listMilestoneHistory } from '@/lib/milestones/history';
import { listChargesOf, MILESTONE_FUNDING_SOURCE } from '@/lib/milestones/queries';
import type { PaymentProvider } from '@/lib/payments/provider';
import {
  addSimulatedCard,
  APPROVED_CARD,
  DECLINES_ON_CHARGE,
  processorChargesFor,
} from '@/tests/helpers/billing-fixtures';
import {
  fundableContract,
  invoicesOfContract,
  milestoneStateOf,
} from '@/tests/helpers/milestone-fixtures';
import { startTimer, addManualEntry } from '@/lib/hourly/service';
import { fundMilestone } from '@/lib/milestones/funding';
import { loadOnboardingContext } from '@/lib/onboarding/steps';
import { approveMilestone } from '@/lib/milestones/review';
import { submitMilestone } from '@/lib/milestones/submission';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { runBillingTick } from '@/lib/tick';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  emailsTo,
  fundedMilestone,
  stateOf,
  type FundedMilestone,
} from '@/tests/helpers/milestone-work-fixtures';
import { addTime, invoicesOf, quiet, tickContract } from '@/tests/helpers/tick-fixtures';
import { endContractSchema } from './schemas';
import { endContract } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  clock = useFakeClock(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => clock.restore());

const provider = () => createSimulatedProvider(database.db);
const DAY = 24 * 60 * 60 * 1000;

/** The settlement job's next run, a couple of minutes on. */
async function settleNow() {
  clock.advance(2 * 60_000);
  await settleDueCharges(database.db, provider(), chargeHooks());
}

async function fundingChargesOf(contractId: string) {
  const [invoice] = await invoicesOfContract(database.db, contractId);
  return listChargesOf(database.db, MILESTONE_FUNDING_SOURCE, invoice.id);
}
const MESSAGE = 'The project is finished on our side.';

const end = (m: Pick<FundedMilestone, 'contractId' | 'clientViewer'>, message = MESSAGE) =>
  endContract(database.db, { contractId: m.contractId, viewer: m.clientViewer, message });

async function contractOf(id: string) {
  const [row] = await database.db.select().from(contracts).where(eq(contracts.id, id));
  return row;
}

async function endingAudits(contractId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'contract.ended'), eq(auditLog.targetId, contractId)));
}

const submit = (m: FundedMilestone) =>
  submitMilestone(database.db, {
    contractId: m.contractId,
    milestoneId: m.milestoneId,
    viewer: m.freelancerViewer,
    message: 'Done.',
    links: [],
    files: [],
  });

describe('ending a fixed-price contract', () => {
  it('ends it in one go: status, who/when/why, a refund request, one audit entry, one email', async () => {
    const m = await fundedMilestone(database.db, provider());
    expect(await end(m)).toEqual({ ok: true, refundRequests: 1, inReview: 0, timerMinutes: 0 });
    expect(await contractOf(m.contractId)).toMatchObject({
      status: 'ended',
      endedAt: new Date('2026-12-02T10:00:00Z'),
      endedBy: m.clientViewer.userId,
      endMessage: MESSAGE,
    });
    const state = await stateOf(database.db, m.milestoneId);
    expect(state.status).toBe('refund_requested');
    expect(state.refundAnswerDueAt).toEqual(new Date('2026-12-09T10:00:00Z'));
    expect(await endingAudits(m.contractId)).toHaveLength(1);
    expect(await emailsTo(database.db, m.freelancerId, 'contract-ended')).toHaveLength(1);
    expect(await emailsTo(database.db, m.freelancerId, 'milestone-refund-requested')).toHaveLength(
      1,
    );
    // The freelancer's dashboard lists it as ended; it asks them for nothing (no compliance
    // step, no funding wait).
    const ctx = await loadOnboardingContext(database.db, {
      userId: m.freelancerId,
      profile: undefined,
    });
    expect(ctx.contracts.find((c) => c.id === m.contractId)?.status).toBe('ended');
    expect(ctx.fundingWaits).toEqual([]);
  });

  it('refuses funding afterwards, and a second ending clearly', async () => {
    const m = await fundedMilestone(database.db, provider());
    expect((await end(m)).ok).toBe(true);
    const again = await end(m, 'Again');
    expect(again).toMatchObject({ ok: false, reason: 'already-ended' });
    expect(again.ok === false && again.message).toBe(
      'This contract already ended on December 2, 2026.',
    );
    expect(await endingAudits(m.contractId)).toHaveLength(1);
    expect(await emailsTo(database.db, m.freelancerId, 'contract-ended')).toHaveLength(1);
    const funded = await fundMilestone(
      database.db,
      provider(),
      chargeHooks(),
      { userId: m.client.userId, workspaceId: m.client.workspaceId },
      { contractId: m.contractId, milestoneId: m.milestoneId, amountCents: 50_000 },
    );
    expect(funded).toMatchObject({ ok: false });
    expect((await contractOf(m.contractId)).endMessage).toBe(MESSAGE);
  });

  it('two endings at once: one ends it, the other is told it already ended', async () => {
    const m = await fundedMilestone(database.db, provider());
    const results = await Promise.all([end(m, 'First'), end(m, 'Second')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ ok: false, reason: 'already-ended' }),
    ]);
    expect(await endingAudits(m.contractId)).toHaveLength(1);
    expect(await emailsTo(database.db, m.freelancerId, 'contract-ended')).toHaveLength(1);
    const events = await database.db
      .select()
      .from(milestoneEvents)
      .where(
        and(
          eq(milestoneEvents.milestoneId, m.milestoneId),
          eq(milestoneEvents.type, 'refund_requested'),
        ),
      );
    expect(events).toHaveLength(1);
  });

  it('leaves a submitted milestone in review, where the client can still approve it', async () => {
    const m = await fundedMilestone(database.db, provider());
    expect((await submit(m)).ok).toBe(true);
    expect(await end(m)).toMatchObject({ ok: true, refundRequests: 0, inReview: 1 });
    expect((await stateOf(database.db, m.milestoneId)).status).toBe('submitted');
    const approved = await approveMilestone(database.db, {
      contractId: m.contractId,
      milestoneId: m.milestoneId,
      viewer: m.clientViewer,
    });
    expect(approved).toMatchObject({ ok: true });
    expect((await stateOf(database.db, m.milestoneId)).status).toBe('released');
  });

  it('racing a submission: either submitted and in review, or a refund request; never both', async () => {
    for (let run = 0; run < 3; run += 1) {
      const m = await fundedMilestone(database.db, provider());
      const [ended, submitted] = await Promise.all([end(m), submit(m)]);
      expect(ended.ok).toBe(true);
      const status = (await stateOf(database.db, m.milestoneId)).status;
      const requests = await database.db
        .select()
        .from(milestoneEvents)
        .where(
          and(
            eq(milestoneEvents.milestoneId, m.milestoneId),
            eq(milestoneEvents.type, 'refund_requested'),
          ),
        );
      if (submitted.ok) {
        expect(status).toBe('submitted');
        expect(requests).toHaveLength(0);
        expect(ended).toMatchObject({ refundRequests: 0, inReview: 1 });
      } else {
        expect(status).toBe('refund_requested');
        expect(requests).toHaveLength(1);
        expect(ended).toMatchObject({ refundRequests: 1, inReview: 0 });
      }
    }
  });

  it('cancels a declined funding retry: the retry never charges, nothing lands in escrow', async () => {
    const made = await fundableContract(database.db, provider(), DECLINES_ON_CHARGE);
    const milestoneId = made.milestoneIds[0];
    const client = { userId: made.inviter.userId, workspaceId: made.inviter.workspaceId };
    await fundMilestone(database.db, provider(), chargeHooks(), client, {
      contractId: made.contractId,
      milestoneId,
      amountCents: 50_000,
    });
    await settleNow();
    const [declined] = await fundingChargesOf(made.contractId);
    expect(declined).toMatchObject({ status: 'failed', attempt: 1 });
    expect(declined.nextAttemptAt).not.toBeNull();
    // The client fixes the card: without the ending, the retry would now succeed.
    const good = await addSimulatedCard(database.db, provider(), made.inviter, APPROVED_CARD);
    if (!good.ok) throw new Error(good.message);
    await setDefaultBillingMethod(database.db, made.inviter, good.methodId, null);

    const viewer = { ...client, isAdmin: false };
    expect(await end({ contractId: made.contractId, clientViewer: viewer })).toMatchObject({
      ok: true,
      refundRequests: 0,
    });
    expect((await fundingChargesOf(made.contractId))[0]).toMatchObject({
      status: 'failed',
      attempt: 1,
      nextAttemptAt: null,
    });
    const history = await listMilestoneHistory(database.db, milestoneId);
    expect(history.at(-1)).toMatchObject({ type: 'funding_failed' });
    expect(history.at(-1)!.message).toMatch(
      /^The contract ended: the card retry due .+ was cancelled/,
    );

    // A week on, every retry day has passed: still one charge at the processor, escrow empty.
    clock.advance(8 * DAY);
    await settleNow();
    expect(await processorChargesFor(database.db, fundingKeyOf(milestoneId))).toHaveLength(1);
    expect((await fundingChargesOf(made.contractId))[0]).toMatchObject({ attempt: 1 });
    expect((await milestoneStateOf(database.db, milestoneId))!.status).toBe('unfunded');
    expect(await balanceOf(database.db, accounts.escrow(made.contractId))).toBe(0);
    expect(await findLedgerProblems(database.db)).toEqual([]);
  });

  it('waits for a funding retry already on its way to the card', async () => {
    const made = await fundableContract(database.db, provider(), DECLINES_ON_CHARGE);
    const client = { userId: made.inviter.userId, workspaceId: made.inviter.workspaceId };
    await fundMilestone(database.db, provider(), chargeHooks(), client, {
      contractId: made.contractId,
      milestoneId: made.milestoneIds[0],
      amountCents: 50_000,
    });
    await settleNow();
    // The retry is sent, and its answer is lost (a timeout): the charge is on its way.
    const silent: PaymentProvider = {
      ...provider(),
      async charge() {
        throw new Error('timeout');
      },
    };
    clock.advance(1 * DAY + 60_000);
    jest.spyOn(console, 'error').mockImplementation(() => {});
    await settleDueCharges(database.db, silent, chargeHooks());
    jest.restoreAllMocks();
    expect((await fundingChargesOf(made.contractId))[0]).toMatchObject({
      status: 'requested',
      attempt: 2,
    });
    const viewer = { ...client, isAdmin: false };
    expect(await end({ contractId: made.contractId, clientViewer: viewer })).toMatchObject({
      ok: false,
      reason: 'funding-processing',
      message: expect.stringContaining('The payment for milestone 1 is still processing'),
    });
    expect((await contractOf(made.contractId)).status).toBe('active');
  });

  it("refuses someone else's contract, the freelancer, and offers that were never accepted", async () => {
    const m = await fundedMilestone(database.db, provider());
    const other = await fundedMilestone(database.db, provider());
    expect(
      await endContract(database.db, {
        contractId: m.contractId,
        viewer: other.clientViewer,
        message: MESSAGE,
      }),
    ).toMatchObject({ ok: false, reason: 'unknown' });
    expect(
      await endContract(database.db, {
        contractId: m.contractId,
        viewer: m.freelancerViewer,
        message: MESSAGE,
      }),
    ).toMatchObject({ ok: false, reason: 'not-client' });
    expect(
      await endContract(database.db, {
        contractId: 'not-a-uuid',
        viewer: m.clientViewer,
        message: MESSAGE,
      }),
    ).toMatchObject({ ok: false, reason: 'unknown' });
    for (const status of ['offered', 'declined'] as const) {
      await database.db.update(contracts).set({ status }).where(eq(contracts.id, other.contractId));
      expect(await end(other)).toMatchObject({ ok: false, reason: 'not-accepted' });
    }
    expect((await contractOf(m.contractId)).status).toBe('active');
    expect((await stateOf(database.db, m.milestoneId)).status).toBe('funded');
    expect(await endingAudits(m.contractId)).toHaveLength(0);
    expect(await endingAudits(other.contractId)).toHaveLength(0);
  });

  it('checks the message: required, at most 2,000 characters', () => {
    const contractId = '00000000-0000-4000-8000-000000000000';
    const empty = endContractSchema.safeParse({ contractId, message: '   ' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]).toMatchObject({
      path: ['message'],
      message: 'Tell the freelancer why the contract ends.',
    });
    const long = endContractSchema.safeParse({ contractId, message: 'x'.repeat(2001) });
    expect(long.error?.issues[0]).toMatchObject({
      path: ['message'],
      message: 'Keep the message under 2,000 characters.',
    });
    expect(endContractSchema.safeParse({ contractId, message: 'x'.repeat(2000) }).success).toBe(
      true,
    );
  });
});

describe('ending an hourly contract', () => {
  it('stops the timer, takes no new time, and the tick invoices the last week only', async () => {
    const contract = await tickContract(database.db, provider());
    const viewer = { userId: contract.clientUserId, workspaceId: contract.workspaceId };
    await addTime(database.db, contract, [['2026-11-30T09:00:00Z', '2026-11-30T11:00:00Z']]);
    clock.set(new Date('2026-12-02T14:00:00Z'));
    expect(
      (
        await startTimer(database.db, contract.writer, {
          contractId: contract.contractId,
          memo: 'Wrap-up',
        })
      ).ok,
    ).toBe(true);
    clock.set(new Date('2026-12-02T14:25:00Z'));
    const ended = await endContract(database.db, {
      contractId: contract.contractId,
      viewer: { ...viewer, isAdmin: false },
      message: 'Thanks, all done.',
    });
    expect(ended).toEqual({ ok: true, refundRequests: 0, inReview: 0, timerMinutes: 30 });
    expect(await emailsTo(database.db, contract.freelancerId, 'contract-ended')).toHaveLength(1);

    const refusedTimer = await startTimer(database.db, contract.writer, {
      contractId: contract.contractId,
      memo: 'More',
    });
    expect(refusedTimer).toMatchObject({
      ok: false,
      reason: 'not-open',
      message:
        'This contract ended on December 2, 2026: no new time can be recorded. Time already in the diary is invoiced at the next Monday tick.',
    });
    const refusedManual = await addManualEntry(database.db, contract.writer, {
      contractId: contract.contractId,
      memo: 'Late entry',
      startedAt: new Date('2026-12-01T09:00:00Z'),
      endedAt: new Date('2026-12-01T10:00:00Z'),
    });
    expect(refusedManual).toMatchObject({ ok: false, reason: 'not-open' });

    clock.set(new Date('2026-12-07T12:00:00Z'));
    await runBillingTick(database.db, new Date('2026-12-07T12:00:00Z'), { log: quiet });
    const [invoice, ...more] = await invoicesOf(database.db, contract.contractId);
    expect(more).toHaveLength(0);
    expect(invoice).toMatchObject({ weekStart: '2026-11-30', minutes: 150 });

    clock.set(new Date('2026-12-14T12:00:00Z'));
    await runBillingTick(database.db, new Date('2026-12-14T12:00:00Z'), { log: quiet });
    expect(await invoicesOf(database.db, contract.contractId)).toHaveLength(1);
  });
});

describe('what the End contract page says', () => {
  it('names each milestone by what happens to it, and the hourly rules', async () => {
    const { endingConsequences } = await import('./consequences');
    const lines = endingConsequences('fixed', [
      { position: 1, description: 'Design', status: 'funded' },
      { position: 2, description: 'Build', status: 'submitted' },
      { position: 3, description: 'Launch', status: 'unfunded' },
    ]);
    expect(lines[0]).toMatch(/^Milestone 1 \(“Design”\) is funded .* gets a refund request/);
    expect(lines[1]).toMatch(/^Milestone 2 \(“Build”\) is submitted: it stays in review/);
    expect(lines.join(' ')).not.toContain('Launch');
    expect(lines[lines.length - 1]).toContain('No milestone can be funded');
    expect(endingConsequences('hourly', []).join(' ')).toContain('No new time can be logged');
  });
});
