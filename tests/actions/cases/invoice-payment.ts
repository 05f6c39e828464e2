import { eq } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { requestCharge } from '@/lib/billing/charges';
import { now } from '@/lib/clock';
import { hourlyChargeKeyOf } from '@/lib/hourly/invoice-charges';
import { weekStartDate } from '@/lib/hourly/week';
import type { PaymentProvider } from '@/lib/payments/provider';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { hourlyChargeHooks, invoicedWeek } from '@/tests/helpers/hourly-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/** The simulated processor, declining every first attempt (the card was fixed since). */
function declinesFirstAttempt(world: World): PaymentProvider {
  const simulated = createSimulatedProvider(world.db);
  return {
    ...simulated,
    chargeMany: undefined,
    async charge(input) {
      if (!input.idempotencyKey.endsWith(':1')) return simulated.charge(input);
      return {
        ref: `declined-${input.idempotencyKey}`,
        status: 'failed',
        failureReason: 'Declined',
      };
    },
  };
}

/** An hourly week of the victim client whose charge was declined: payment_failed. */
async function failedWeek(world: World) {
  world.setEnv('PAYMENTS_PROVIDER', 'simulated');
  const week = await invoicedWeek(world.db, {
    weekStart: weekStartDate(now()),
    inviter: world.victimClient.inviter,
    pay: false,
  });
  const provider = declinesFirstAttempt(world);
  const asked = await requestCharge(world.db, provider, hourlyChargeHooks, {
    workspaceId: week.contract.workspaceId,
    amountCents: week.invoice.grossCents,
    currency: week.invoice.currency,
    idempotencyKey: hourlyChargeKeyOf(week.invoice),
    sourceType: 'hourly_invoice',
    sourceId: week.invoice.id,
  });
  if (!asked.ok || asked.charge.status !== 'failed') throw new Error('the charge did not fail');
  return {
    people: { victimFreelancer: { userId: week.freelancerId, email: week.freelancerEmail } },
    invoiceId: week.invoice.id,
    protect: [week.invoice.id, week.contract.id],
  };
}

/** A client paying a failed invoice again. */
export const INVOICE_PAYMENT_CASES: Record<string, ActionCase> = {
  'app/(app)/invoices/[id]/actions.ts#payInvoiceNowAction': defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason:
      "Only the invoice's own client workspace may pay it; another workspace's invoice id is not found and nothing is charged.",
    rightful: 'victimClient',
    arrange: failedWeek,
    form: ({ target }) => ({ invoiceId: target.invoiceId, attempt: '1' }),
    fuzz: { freshEachRun: 'a paid invoice cannot be paid again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/invoices/${target.invoiceId}?payment=paid`);
      const [row] = await world.db.select().from(invoices).where(eq(invoices.id, target.invoiceId));
      expect(row.paymentStatus).toBe('paid');
    },
  }),
};
