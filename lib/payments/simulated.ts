import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { simulatedCharges, simulatedRefunds } from '@/db/schema';
import { now } from '@/lib/clock';
import {
  behaviourOf,
  brandOf,
  CHARGE_OUTCOMES,
  digitsOf,
  passesLuhn,
  type ChargeBehaviour,
} from './cards';
import type { ChargeInput, ChargeState, PaymentProvider } from './provider';

const randomRef = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/**
 * Method refs carry the card's test behaviour (the number itself is never kept), as a real
 * processor would know it from the card on its side.
 */
const METHOD_REF = /^sim_pm_([a-z-]+)_[0-9a-f]+$/;

function methodBehaviourOf(methodRef: string): ChargeBehaviour {
  const match = METHOD_REF.exec(methodRef);
  if (!match || !(match[1] in CHARGE_OUTCOMES)) throw new Error('Not a simulated billing method');
  return match[1] as ChargeBehaviour;
}

/** The same key is the same charge: its ref is derived from the key. */
const chargeRefOf = (input: { idempotencyKey: string }) =>
  `sim_ch_${createHash('sha256').update(input.idempotencyKey).digest('hex').slice(0, 24)}`;

function stateOf(row: typeof simulatedCharges.$inferSelect): ChargeState {
  if (row.settlesAt > now()) return { ref: row.ref, status: 'processing', failureReason: null };
  return { ref: row.ref, status: row.outcome, failureReason: row.failureReason };
}

/**
 * The embedded card processor: test card numbers checked by Luhn, only the last 4 kept.
 * It keeps its own books (the simulated_charge table) on the app's database, outside the
 * caller's transactions, as an outside system would. Charges settle later, read by the
 * settlement job, like a real provider's; it sends no webhooks.
 */
export function createSimulatedProvider(db: Db): PaymentProvider {
  /** Writes the new charges to its books; returns the refs of those it had not seen. */
  const insertCharges = async (inputs: ChargeInput[]): Promise<string[]> => {
    if (inputs.length === 0) return [];
    const rows = await db
      .insert(simulatedCharges)
      .values(
        inputs.map((input) => {
          const outcome = CHARGE_OUTCOMES[methodBehaviourOf(input.methodRef)];
          return {
            ref: chargeRefOf(input),
            idempotencyKey: input.idempotencyKey,
            methodRef: input.methodRef,
            amountCents: input.amountCents,
            currency: input.currency,
            outcome: outcome.failureReason ? ('failed' as const) : ('succeeded' as const),
            failureReason: outcome.failureReason,
            settlesAt: new Date(now().getTime() + outcome.settleAfterMs),
          };
        }),
      )
      .onConflictDoNothing()
      .returning({ ref: simulatedCharges.ref });
    return rows.map((row) => row.ref);
  };
  return {
    name: 'simulated',

    async createCustomer() {
      return { ref: randomRef('sim_cus') };
    },

    async startSetup() {
      return null;
    },

    async saveBillingMethod(_customerRef, token) {
      if (token.kind !== 'simulated-card') {
        return { ok: false, reason: 'invalid', message: 'Enter the card details again.' };
      }
      const digits = digitsOf(token.number);
      if (!passesLuhn(digits)) {
        return { ok: false, reason: 'invalid', message: 'This card number is not valid.' };
      }
      const behaviour = behaviourOf(digits);
      if (behaviour.kind === 'decline-on-save') {
        return { ok: false, reason: 'declined', message: behaviour.message };
      }
      const last4 = digits.slice(-4);
      const salt = randomBytes(6).toString('hex');
      return {
        ok: true,
        card: {
          ref: `sim_pm_${behaviour.kind}_${salt}`,
          brand: brandOf(digits),
          last4,
          expMonth: token.expMonth,
          expYear: token.expYear,
        },
      };
    },

    async removeBillingMethod(methodRef) {
      methodBehaviourOf(methodRef);
    },

    async charge(input) {
      const [inserted] = await insertCharges([input]);
      // A new charge is processing until the settlement job reads it, like a real provider's.
      if (inserted) return { ref: inserted, status: 'processing', failureReason: null };
      const ref = chargeRefOf(input);
      const [row] = await db.select().from(simulatedCharges).where(eq(simulatedCharges.ref, ref));
      // As Stripe does: a key reused for another charge is an error, not the old answer.
      if (row.amountCents !== input.amountCents || row.methodRef !== input.methodRef) {
        throw new Error('Idempotency key reused with different charge parameters');
      }
      return stateOf(row);
    },

    async chargeMany(inputs) {
      const inserted = new Set(await insertCharges(inputs));
      return Promise.all(
        inputs.map((input) =>
          inserted.has(chargeRefOf(input))
            ? { ref: chargeRefOf(input), status: 'processing' as const, failureReason: null }
            : this.charge(input),
        ),
      );
    },

    async readCharge(ref) {
      const [row] = await db.select().from(simulatedCharges).where(eq(simulatedCharges.ref, ref));
      if (!row) throw new Error(`No simulated charge ${ref}`);
      return stateOf(row);
    },

    async refund(input) {
      const [known] = await db
        .select()
        .from(simulatedRefunds)
        .where(eq(simulatedRefunds.idempotencyKey, input.idempotencyKey));
      if (known) return { ref: known.ref };
      return db.transaction(async (tx) => {
        const [charge] = await tx
          .update(simulatedCharges)
          .set({ refundedCents: sql`${simulatedCharges.refundedCents} + ${input.amountCents}` })
          .where(eq(simulatedCharges.ref, input.chargeRef))
          .returning();
        if (!charge || charge.outcome !== 'succeeded') throw new Error('Nothing to refund');
        const ref = randomRef('sim_re');
        await tx.insert(simulatedRefunds).values({
          idempotencyKey: input.idempotencyKey,
          ref,
          chargeRef: input.chargeRef,
          amountCents: input.amountCents,
        });
        return { ref };
      });
    },

    async verifyWebhook() {
      // It sends none: settlement is read by the job, so every claimed event is refused.
      return null;
    },
  };
}
