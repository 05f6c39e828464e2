import { and, eq } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { RETRY_DELAYS_MS, settleDueCharges } from '@/lib/billing/charges';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import type { PaymentProvider } from '@/lib/payments/provider';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { DECLINES_ON_CHARGE } from '@/tests/helpers/billing-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  addTime,
  chargesOfInvoice,
  emailsTo,
  invoicesOf,
  ledgerTransactionsOf,
  quiet,
  tickContract,
} from '@/tests/helpers/tick-fixtures';
import { issueDueInvoices } from './invoicing';
import { pauseReasonOf } from './pause';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
  clock = useFakeClock(new Date('2026-12-07T12:00:00Z'));
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const INVOICE_TIME = new Date('2026-12-07T12:00:00Z');

/**
 * The simulated processor, except that the first attempt of every charge is declined at
 * once (a card that fails today and is fine tomorrow).
 */
function declinesFirstAttempt(db: typeof database.db): PaymentProvider {
  const simulated = createSimulatedProvider(db);
  return {
    ...simulated,
    // Without the batch call, every attempt goes through the `charge` below.
    chargeMany: undefined,
    async charge(input) {
      if (input.idempotencyKey.endsWith(':1')) {
        return {
          ref: `declined-${input.idempotencyKey}`,
          status: 'failed',
          failureReason: 'Insufficient funds.',
        };
      }
      return simulated.charge(input);
    },
  };
}

async function settle(provider: PaymentProvider, afterMs: number) {
  clock.advance(afterMs);
  await settleDueCharges(database.db, provider, chargeHooks());
}

it('marks a declined invoice payment_failed, emails the client, retries, and keeps the first failure until paid', async () => {
  const provider = declinesFirstAttempt(database.db);
  const contract = await tickContract(database.db, provider);
  await addTime(database.db, contract, [['2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z']]);
  clock.set(INVOICE_TIME);
  await issueDueInvoices(database.db, INVOICE_TIME, { provider, log: quiet });

  const [failed] = await invoicesOf(database.db, contract.contractId);
  expect(failed.paymentStatus).toBe('payment_failed');
  expect(failed.paymentFailedAt).toEqual(INVOICE_TIME);
  const [email] = await emailsTo(database.db, contract.clientEmail, 'payment-failed');
  expect(email.subject).toBe(`Payment of invoice ${failed.number} failed`);
  expect(email.text).toContain('Insufficient funds.');
  expect(email.text).toContain('December 8, 2026, 12:00 UTC'); // the retry, a day later
  expect(email.text).toContain('/client/billing');
  const audits = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, failed.id), eq(auditLog.action, 'invoice.payment_failed')));
  expect(audits).toHaveLength(1);
  expect(await balanceOf(database.db, accounts.inReview(contract.contractId))).toBe(0);

  // The day-1 retry is a new attempt at the provider, which goes through this time.
  await settle(provider, RETRY_DELAYS_MS[0]);
  await settle(provider, 2 * MINUTE);
  const [paid] = await invoicesOf(database.db, contract.contractId);
  expect(paid.paymentStatus).toBe('paid');
  expect(paid.paymentFailedAt).toEqual(INVOICE_TIME);
  const [charge, ...more] = await chargesOfInvoice(database.db, failed.id);
  expect(more).toHaveLength(0);
  expect(charge).toMatchObject({ status: 'succeeded', attempt: 2 });
  expect(await ledgerTransactionsOf(database.db, failed.id)).toHaveLength(1);
  expect(await balanceOf(database.db, accounts.inReview(contract.contractId))).toBe(15_000);
  // Paid: new time does not pause, a week after the failure or later.
  expect(
    await pauseReasonOf(
      database.db,
      contract.contractId,
      new Date(INVOICE_TIME.getTime() + 8 * DAY),
    ),
  ).toBeNull();
});

it('retries a card that keeps failing on days 1, 3 and 7, emails each time, and pauses new time after 7 days', async () => {
  const provider = createSimulatedProvider(database.db);
  const contract = await tickContract(database.db, provider, { card: DECLINES_ON_CHARGE });
  await addTime(database.db, contract, [['2026-12-02T09:00:00Z', '2026-12-02T10:00:00Z']]);
  clock.set(INVOICE_TIME);
  await issueDueInvoices(database.db, INVOICE_TIME, { provider, log: quiet });
  await settle(provider, 2 * MINUTE);
  const [first] = await invoicesOf(database.db, contract.contractId);
  expect(first.paymentStatus).toBe('payment_failed');
  const failedAt = first.paymentFailedAt!;
  expect(failedAt).toEqual(new Date(INVOICE_TIME.getTime() + 2 * MINUTE));

  for (const delay of RETRY_DELAYS_MS) {
    await settle(provider, delay);
    await settle(provider, 2 * MINUTE);
  }
  const [charge] = await chargesOfInvoice(database.db, first.id);
  expect(charge).toMatchObject({ status: 'failed', attempt: 4, nextAttemptAt: null });
  const [last] = await invoicesOf(database.db, contract.contractId);
  expect(last).toMatchObject({ paymentStatus: 'payment_failed', paymentFailedAt: failedAt });
  const emails = await emailsTo(database.db, contract.clientEmail, 'payment-failed');
  expect(emails).toHaveLength(4);
  expect(
    emails.filter((e) => e.text?.includes('We will not try again automatically')),
  ).toHaveLength(1);
  expect(await balanceOf(database.db, accounts.inReview(contract.contractId))).toBe(0);

  // The diary's pause check reads payment_failed_at: paused from 7 days after the first failure.
  const justBefore = new Date(failedAt.getTime() + 7 * DAY - 1);
  expect(await pauseReasonOf(database.db, contract.contractId, justBefore)).toBeNull();
  expect(
    await pauseReasonOf(database.db, contract.contractId, new Date(failedAt.getTime() + 7 * DAY)),
  ).toContain(first.number);
});
