import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ledgerTransactions, paymentCharges } from '@/db/schema';
import { jest } from '@jest/globals';
import { settleDueCharges, type ChargeHookTable } from '@/lib/billing/charges';
import { findCharge } from '@/lib/billing/queries';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import type { PaymentProvider } from '@/lib/payments/provider';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { runBillingTick } from '@/lib/tick';
import { quiet } from '@/tests/helpers/tick-fixtures';
import { processorChargesFor } from '@/tests/helpers/billing-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
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
import { resumeStuckFundings } from './funding-resume';
import { MILESTONE_FUNDING_SOURCE } from './queries';

/**
 * The worker dies between the card being charged and the escrow posting. The charge
 * settles through the settlement job and ChargeHooks, so whatever was not written is
 * written by the next settlement run, and the card is never charged a second time.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  clock = useFakeClock(new Date());
  // The settlement job logs each crash it survives; the assertions below are what matters.
  jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  clock.restore();
  jest.restoreAllMocks();
});

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

/** The hooks of the app, but the worker is killed inside the settled charge's transaction. */
function killedWhilePosting(): ChargeHookTable {
  const real = chargeHooks();
  return {
    ...real,
    [MILESTONE_FUNDING_SOURCE]: {
      ...real[MILESTONE_FUNDING_SOURCE],
      async onSettled(tx, charge) {
        await real[MILESTONE_FUNDING_SOURCE].onSettled!(tx, charge);
        throw new Error('SIGKILL: the worker died before the posting committed');
      },
    },
  };
}

async function nextSettlementRun(hooks: ChargeHookTable, provider: PaymentProvider = simulated()) {
  clock.advance(2 * 60_000);
  await settleDueCharges(db(), provider, hooks);
}

async function expectFundedOnce(made: Awaited<ReturnType<typeof fundableContract>>) {
  const milestoneId = made.milestoneIds[0];
  expect(await milestoneStateOf(db(), milestoneId)).toMatchObject({ status: 'funded' });
  expect(await balanceOf(db(), accounts.escrow(made.contractId))).toBe(50_000);
  expect(await postingsOf('milestone', milestoneId)).toHaveLength(1);
  expect(await processorChargesFor(db(), fundingKeyOf(milestoneId))).toHaveLength(1);
  expect((await eventTypesOf(db(), milestoneId)).filter((t) => t === 'funded')).toHaveLength(1);
  expect(await emailsTo(db(), made.freelancerEmail, 'milestone-funded')).toHaveLength(1);
  await expectLedgerSound(db());
}

it('completes the escrow posting on the next settlement run after a crash inside it', async () => {
  const made = await fundableContract(db(), simulated());
  const milestoneId = made.milestoneIds[0];
  const asked = await fundMilestone(db(), simulated(), chargeHooks(), made.inviter, {
    contractId: made.contractId,
    milestoneId,
    amountCents: 50_000,
  });
  expect(asked.ok).toBe(true);
  const [invoice] = await invoicesOfContract(db(), made.contractId);
  const [charge] = (await chargesFor(db(), MILESTONE_FUNDING_SOURCE)).filter(
    (c) => c.sourceId === invoice.id,
  );

  // The provider has charged the card; the run that learns it dies before committing.
  await nextSettlementRun(killedWhilePosting());
  expect((await findCharge(db(), charge.id))!.status).toBe('processing');
  expect(await milestoneStateOf(db(), milestoneId)).toMatchObject({ status: 'funding' });
  expect(await postingsOf('milestone', milestoneId)).toEqual([]);
  expect(await emailsTo(db(), made.freelancerEmail, 'milestone-funded')).toEqual([]);
  await expectLedgerSound(db());

  // The next run (a restarted worker) does all of it, once.
  await nextSettlementRun(chargeHooks());
  expect((await findCharge(db(), charge.id))!.status).toBe('succeeded');
  await expectFundedOnce(made);
  await nextSettlementRun(chargeHooks());
  await expectFundedOnce(made);
});

it('charges once when the worker dies after the provider charged, before recording it', async () => {
  const made = await fundableContract(db(), simulated());
  const real = simulated();
  let charged = 0;
  const dying: PaymentProvider = {
    ...real,
    async charge(input) {
      charged += 1;
      await real.charge(input);
      // The answer never reaches our books: the process stops here.
      throw new Error('SIGKILL: the worker died after the provider charged');
    },
  };
  const asked = await fundMilestone(db(), dying, chargeHooks(), made.inviter, {
    contractId: made.contractId,
    milestoneId: made.milestoneIds[0],
    amountCents: 50_000,
  });
  // The client is told it is processing: the charge waits for the job, not a new charge.
  expect(asked).toMatchObject({ ok: true, status: 'processing' });
  const [charge] = await chargesFor(db(), MILESTONE_FUNDING_SOURCE).then((all) =>
    all.filter((c) => c.workspaceId === made.inviter.workspaceId),
  );
  expect(charge.status).toBe('requested');
  // The client tries again meanwhile: the same charge, nothing sent.
  await fundMilestone(db(), dying, chargeHooks(), made.inviter, {
    contractId: made.contractId,
    milestoneId: made.milestoneIds[0],
    amountCents: 50_000,
  });
  expect(charged).toBe(1);
  // The settlement job resends under the same key (the provider answers its first charge),
  // then reads it settled and posts to escrow.
  await nextSettlementRun(chargeHooks(), real);
  await nextSettlementRun(chargeHooks(), real);
  expect((await findCharge(db(), charge.id))!.status).toBe('succeeded');
  await expectFundedOnce(made);
});

/**
 * The database as the funding sees it, but the process dies the moment it goes to record
 * the charge: the funding's transaction has committed (milestone `funding`, its invoice, the
 * step), and no charge exists, here or at the provider.
 */
function diesBeforeTheCharge(real: Db): Db {
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'insert') {
        return (table: unknown) => {
          if (table === paymentCharges) throw new Error('SIGKILL: died before the charge');
          return target.insert(table as typeof paymentCharges);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const MINUTE = 60_000;
const tick = () => runBillingTick(db(), clock.now(), { log: quiet });
const resumedBy = (result: Awaited<ReturnType<typeof tick>>) =>
  result.steps.find((s) => s.name === 'resumeStuckFundings')!.handled;

describe('the billing tick resumes a funding whose process stopped', () => {
  it('charges once and funds escrow once when the process died before the charge', async () => {
    const made = await fundableContract(db(), simulated());
    const milestoneId = made.milestoneIds[0];
    await expect(
      fundMilestone(diesBeforeTheCharge(db()), simulated(), chargeHooks(), made.inviter, {
        contractId: made.contractId,
        milestoneId,
        amountCents: 50_000,
      }),
    ).rejects.toThrow('SIGKILL');
    expect(await milestoneStateOf(db(), milestoneId)).toMatchObject({ status: 'funding' });
    const ours = async () =>
      (await chargesFor(db(), MILESTONE_FUNDING_SOURCE)).filter(
        (c) => c.workspaceId === made.inviter.workspaceId,
      );
    expect(await ours()).toEqual([]);
    expect(await processorChargesFor(db(), fundingKeyOf(milestoneId))).toEqual([]);

    // A minute on it may still be under way: the tick leaves it alone.
    clock.advance(1 * MINUTE);
    expect(resumedBy(await tick())).toBe(0);
    expect(await milestoneStateOf(db(), milestoneId)).toMatchObject({ status: 'funding' });

    // Six minutes on it is stuck: charged under the first attempt's key, and funded.
    clock.advance(5 * MINUTE);
    expect(resumedBy(await tick())).toBe(1);
    const charges = await ours();
    expect(charges.map((c) => [c.idempotencyKey, c.status])).toEqual([
      [fundingKeyOf(milestoneId), 'succeeded'],
    ]);
    const [invoice] = await invoicesOfContract(db(), made.contractId);
    expect(invoice).toMatchObject({ chargeId: charges[0].id, paymentStatus: 'paid' });
    await expectFundedOnce(made);
    // One request step (the resume is not a second request), one funded step.
    expect(
      (await eventTypesOf(db(), milestoneId)).filter((t) => t === 'funding_requested'),
    ).toHaveLength(1);

    // Later ticks and settlement runs change nothing.
    clock.advance(10 * MINUTE);
    expect(resumedBy(await tick())).toBe(0);
    await nextSettlementRun(chargeHooks());
    await expectFundedOnce(made);
  });

  it('charges once when the provider charged and the process died before the escrow posting', async () => {
    const made = await fundableContract(db(), simulated());
    const milestoneId = made.milestoneIds[0];
    const real = simulated();
    let sent = 0;
    const dying: PaymentProvider = {
      ...real,
      async charge(input) {
        sent += 1;
        await real.charge(input);
        throw new Error('SIGKILL: the worker died after the provider charged');
      },
    };
    await fundMilestone(db(), dying, chargeHooks(), made.inviter, {
      contractId: made.contractId,
      milestoneId,
      amountCents: 50_000,
    });
    expect(sent).toBe(1);
    expect(await processorChargesFor(db(), fundingKeyOf(milestoneId))).toHaveLength(1);
    expect(await milestoneStateOf(db(), milestoneId)).toMatchObject({ status: 'funding' });

    // The tick takes it up: the provider answers its first charge (settled), and the run
    // dies again inside the escrow posting's transaction: nothing of it is written.
    // The step survives the crash (logged; nothing counted as taken up).
    clock.advance(6 * MINUTE);
    expect(await resumeStuckFundings(db(), clock.now(), { hooks: killedWhilePosting() })).toBe(0);
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining(`resuming the funding of milestone ${milestoneId} failed`),
      expect.stringContaining('SIGKILL'),
    );
    expect(await milestoneStateOf(db(), milestoneId)).toMatchObject({ status: 'funding' });
    expect(await postingsOf('milestone', milestoneId)).toEqual([]);
    await expectLedgerSound(db());

    // The next tick finishes it, once; the provider still has one charge.
    clock.advance(5 * MINUTE);
    expect(resumedBy(await tick())).toBe(1);
    await expectFundedOnce(made);
    clock.advance(5 * MINUTE);
    expect(resumedBy(await tick())).toBe(0);
    await nextSettlementRun(chargeHooks());
    await expectFundedOnce(made);
  });
});
