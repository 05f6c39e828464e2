import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { contracts, ledgerTransactions, pendingReleases } from '@/db/schema';
import { settleDueCharges } from '@/lib/billing/charges';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { clientWithCard, processorChargesFor } from '@/tests/helpers/billing-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  chargesFor,
  emailsTo,
  expectLedgerSound,
  fundableContract,
  invoicesOfContract,
} from '@/tests/helpers/milestone-fixtures';
import { endContract } from '@/lib/contract-ending/service';
import { BONUS_AVAILABLE_AFTER_MS, bonusChargeKeyOf, payBonus } from './bonus';

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

const bonus = (
  who: { userId: string; workspaceId: string },
  contractId: string,
  requestId: string = randomUUID(),
  amountCents = 10_000,
) =>
  payBonus(db(), simulated(), chargeHooks(), who, {
    contractId,
    requestId,
    amountCents,
    message: 'Thanks for the fast turnaround!',
  });

it('pays a bonus straight to pending once its charge settles, available 5 days later', async () => {
  const made = await fundableContract(db(), simulated());
  const requestId = randomUUID();
  const paid = await bonus(made.inviter, made.contractId, requestId);
  expect(paid).toMatchObject({ ok: true, status: 'processing', invoiceId: requestId });
  // A second post of the same confirmation pays nothing more, even two at once.
  expect(await bonus(made.inviter, made.contractId, requestId)).toMatchObject({ ok: true });
  const twin = randomUUID();
  const both = await Promise.all([
    bonus(made.inviter, made.contractId, twin, 1_000),
    bonus(made.inviter, made.contractId, twin, 1_000),
  ]);
  expect(both.map((b) => b.ok)).toEqual([true, true]);
  expect(await processorChargesFor(db(), bonusChargeKeyOf(twin))).toHaveLength(1);
  const invoices = (await invoicesOfContract(db(), made.contractId)).filter(
    (i) => i.id === requestId,
  );
  expect(await invoicesOfContract(db(), made.contractId)).toHaveLength(2);
  expect(invoices[0]).toMatchObject({ kind: 'bonus', grossCents: 10_000 });
  expect(await processorChargesFor(db(), bonusChargeKeyOf(requestId))).toHaveLength(1);
  expect(await balanceOf(db(), accounts.pending(made.freelancerId))).toBe(0);
  await expectLedgerSound(db());

  clock.advance(2 * 60_000);
  await settleDueCharges(db(), simulated(), chargeHooks());
  const { feeCents, netCents } = invoices[0];
  const [twinInvoice] = (await invoicesOfContract(db(), made.contractId)).filter(
    (i) => i.id === twin,
  );
  expect(await balanceOf(db(), accounts.pending(made.freelancerId))).toBe(
    netCents + twinInvoice.netCents,
  );
  expect(await balanceOf(db(), accounts.serviceFees())).toBeGreaterThanOrEqual(feeCents);
  expect(await postingsOf('bonus', requestId)).toEqual([
    expect.objectContaining({ kind: 'bonus', idempotencyKey: `bonus:${requestId}` }),
  ]);
  const [release] = await db()
    .select()
    .from(pendingReleases)
    .where(eq(pendingReleases.sourceId, requestId));
  expect(release.amountCents).toBe(netCents);
  expect(release.availableAt.getTime()).toBe(clock.now().getTime() + BONUS_AVAILABLE_AFTER_MS);
  const [email] = await emailsTo(db(), made.freelancerEmail, 'bonus-paid');
  expect(email.text).toContain('Thanks for the fast turnaround!');
  const settled = await invoicesOfContract(db(), made.contractId);
  expect(settled.map((i) => i.paymentStatus)).toEqual(['paid', 'paid']);
  await expectLedgerSound(db());
});

it("refuses another client's contract, and contracts that are not active", async () => {
  const made = await fundableContract(db(), simulated());
  const { inviter: stranger } = await clientWithCard(db(), simulated());
  expect(await bonus(stranger, made.contractId)).toMatchObject({ ok: false, reason: 'not-found' });
  // A request id that is another contract's invoice is not theirs either.
  const other = await fundableContract(db(), simulated());
  const first = await bonus(other.inviter, other.contractId);
  if (!first.ok) throw new Error(first.message);
  expect(await bonus(made.inviter, made.contractId, first.invoiceId)).toMatchObject({
    ok: false,
    reason: 'not-found',
  });
  await db()
    .update(contracts)
    .set({ status: 'awaiting_compliance' })
    .where(eq(contracts.id, made.contractId));
  expect(await bonus(made.inviter, made.contractId)).toMatchObject({ ok: false, reason: 'closed' });
  expect(await invoicesOfContract(db(), made.contractId)).toEqual([]);
  expect(
    (await chargesFor(db(), 'bonus')).filter((c) =>
      [made.inviter.workspaceId, stranger.workspaceId].includes(c.workspaceId),
    ),
  ).toEqual([]);
});

it('pays a bonus on an ended contract (the usual thank-you at the end)', async () => {
  const made = await fundableContract(db(), simulated());
  const ended = await endContract(db(), {
    contractId: made.contractId,
    viewer: { userId: made.inviter.userId, workspaceId: made.inviter.workspaceId, isAdmin: false },
    message: 'All done, thank you.',
  });
  expect(ended).toMatchObject({ ok: true, refundRequests: 0 });
  const paid = await bonus(made.inviter, made.contractId);
  expect(paid).toMatchObject({ ok: true });
  expect((await invoicesOfContract(db(), made.contractId)).map((i) => i.kind)).toEqual(['bonus']);
});
