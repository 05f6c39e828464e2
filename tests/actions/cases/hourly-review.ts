import { eq } from 'drizzle-orm';
import { disputes, invoices } from '@/db/schema';
import { now } from '@/lib/clock';
import { answerDispute, openDispute } from '@/lib/hourly/disputes';
import { weekStartDate } from '@/lib/hourly/week';
import { invoicedWeek } from '@/tests/helpers/hourly-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/**
 * A paid week of an hourly contract of the victim client, under review now (the current
 * UTC week: its review ends the Saturday after next Monday's invoice, always ahead).
 */
async function weekUnderReview(world: World) {
  world.setEnv('PAYMENTS_PROVIDER', 'simulated');
  const week = await invoicedWeek(world.db, {
    weekStart: weekStartDate(now()),
    inviter: world.victimClient.inviter,
  });
  return {
    people: { victimFreelancer: { userId: week.freelancerId, email: week.freelancerEmail } },
    contractId: week.contract.id,
    invoiceId: week.invoice.id,
    entryIds: week.entryIds,
    freelancerId: week.freelancerId,
    protect: [week.invoice.id, week.contract.id],
  };
}

/** That week disputed by the victim client, waiting for the freelancer's answer. */
async function openedDispute(world: World) {
  const week = await weekUnderReview(world);
  const opened = await openDispute(world.db, {
    workspaceId: world.victimClient.workspaceId,
    userId: world.victimClient.userId,
    contractId: week.contractId,
    invoiceId: week.invoiceId,
    entryIds: [week.entryIds[1]],
    reason: 'The call was shorter.',
  });
  if (!opened.ok) throw new Error(opened.message);
  return { ...week, disputeId: opened.disputeId, protect: [...week.protect, opened.disputeId] };
}

/** That dispute rejected by the freelancer, waiting for ops. */
async function disputeAwaitingOps(world: World) {
  const opened = await openedDispute(world);
  const rejected = await answerDispute(world.db, {
    freelancerId: opened.freelancerId,
    disputeId: opened.disputeId,
    answer: 'reject',
    reason: 'The call took 50 minutes.',
  });
  if (!rejected.ok) throw new Error(rejected.message);
  return opened;
}

async function disputeRow(world: World, id: string) {
  const [row] = await world.db.select().from(disputes).where(eq(disputes.id, id));
  return row;
}

/** The client's review of an hourly week, the freelancer's answer, ops' decision. */
export const HOURLY_REVIEW_CASES: Record<string, ActionCase> = {
  'app/(app)/contracts/[id]/invoices/[invoiceId]/review/actions.ts#approveInvoiceAction':
    defineActionCase({
      actor: 'client',
      kind: 'owner',
      reason:
        "Only the invoice's own workspace may approve it; the contract and invoice ids are checked together.",
      rightful: 'victimClient',
      arrange: weekUnderReview,
      form: ({ target }) => ({ contractId: target.contractId, invoiceId: target.invoiceId }),
      fuzz: { freshEachRun: 'an approved week cannot be approved again' },
      async succeeded(outcome, { world, target }) {
        expect(redirectedTo(outcome)).toBe(
          `/contracts/${target.contractId}/invoices/${target.invoiceId}/review?notice=approved`,
        );
        const [row] = await world.db
          .select()
          .from(invoices)
          .where(eq(invoices.id, target.invoiceId));
        expect(row.approvedAt).not.toBeNull();
        expect(row.releasedAt).not.toBeNull();
      },
    }),

  'app/(app)/contracts/[id]/invoices/[invoiceId]/review/actions.ts#openDisputeAction':
    defineActionCase({
      actor: 'client',
      kind: 'owner',
      reason:
        "Only the invoice's own workspace may dispute it, and only entries billed on that invoice.",
      rightful: 'victimClient',
      arrange: weekUnderReview,
      form: ({ target }) => ({
        contractId: target.contractId,
        invoiceId: target.invoiceId,
        'entryIds.0': target.entryIds[0],
        reason: 'Not agreed.',
      }),
      fuzz: { freshEachRun: 'a week is disputed once' },
      async succeeded(outcome, { world, target }) {
        const [row] = await world.db
          .select()
          .from(disputes)
          .where(eq(disputes.invoiceId, target.invoiceId));
        expect(redirectedTo(outcome)).toBe(
          `/contracts/${target.contractId}/disputes/${row.id}?notice=opened`,
        );
        expect(row.status).toBe('awaiting_freelancer');
      },
    }),

  'app/(app)/contracts/[id]/disputes/[disputeId]/actions.ts#answerDisputeAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason: "Only the contract's own freelancer may answer its dispute.",
    rightful: 'victimFreelancer',
    arrange: openedDispute,
    form: ({ target }) => ({ disputeId: target.disputeId, answer: 'refund_all' }),
    wrongForms: [
      ({ target }) => ({ disputeId: target.disputeId, answer: 'refund_part', amount: '9999' }),
    ],
    fuzz: { freshEachRun: 'a dispute is answered once' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(
        `/contracts/${target.contractId}/disputes/${target.disputeId}?notice=answered`,
      );
      expect(await disputeRow(world, target.disputeId)).toMatchObject({
        status: 'resolved',
        resolution: 'refunded_all',
      });
    },
  }),

  'app/(app)/admin/disputes/actions.ts#decideDisputeAction': defineActionCase({
    actor: 'reviewer',
    kind: 'admin-only',
    reason: 'Only ops reviewers decide a rejected dispute; neither side may decide its own.',
    rightful: 'admin',
    arrange: disputeAwaitingOps,
    form: ({ target }) => ({
      disputeId: target.disputeId,
      decision: 'pay',
      note: 'The call is in the tracked time.',
    }),
    fuzz: { freshEachRun: 'a dispute is decided once' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/admin/disputes?notice=decided');
      expect(await disputeRow(world, target.disputeId)).toMatchObject({
        status: 'resolved',
        resolution: 'paid',
      });
    },
  }),
};
