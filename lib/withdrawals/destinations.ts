import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { payoutDestinations, type payoutMethods } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/encryption';
import type {
  PayoutDestination,
  PayoutProvider,
  RegisteredDestination,
} from '@/lib/payments/payouts';
import { payeeOf } from './payee';

type PayoutMethodRow = typeof payoutMethods.$inferSelect;

/**
 * What a provider is told about a method. A US bank account's number is decrypted only if a
 * provider asks for it (Stripe, when it registers the account), and only in memory.
 */
export function destinationOf(method: PayoutMethodRow): PayoutDestination {
  const destination: PayoutDestination = {
    kind: method.kind,
    label: method.email ?? method.holderName ?? '',
    last4: method.last4,
  };
  const encrypted = method.accountNumberEncrypted;
  if (method.kind === 'us_bank' && method.routingNumber && method.accountType && encrypted) {
    destination.usBank = {
      routingNumber: method.routingNumber,
      accountType: method.accountType,
      revealAccountNumber: () => decryptSecret(encrypted),
    };
  }
  return destination;
}

/**
 * The method's destination at a provider that registers payees, registered on first use
 * under the withdrawal's key (a resend after a timeout reaches the same payee). The
 * freelancer's payee at that provider, if they have one, gets the new account; otherwise
 * the provider opens one with who they are (`payeeOf`). A destination whose payee is gone
 * (payee_closed_at, markPayeeClosed) is registered again, on the freelancer's other live
 * payee or a new one, and its row replaced (its old status with it).
 */
export async function registeredDestinationOf(
  db: Db,
  provider: PayoutProvider,
  method: PayoutMethodRow,
  destination: PayoutDestination,
  idempotencyKey: string,
): Promise<RegisteredDestination | null> {
  if (!provider.registerDestination) return null;
  const ofMethod = and(
    eq(payoutDestinations.payoutMethodId, method.id),
    eq(payoutDestinations.provider, provider.name),
  );
  const stored = () =>
    db
      .select({
        payeeRef: payoutDestinations.payeeRef,
        ref: payoutDestinations.ref,
        closedAt: payoutDestinations.payeeClosedAt,
      })
      .from(payoutDestinations)
      .where(ofMethod);
  const [known] = await stored();
  if (known && !known.closedAt) return { payeeRef: known.payeeRef, ref: known.ref };
  const [payee] = await db
    .select({ payeeRef: payoutDestinations.payeeRef })
    .from(payoutDestinations)
    .where(
      and(
        eq(payoutDestinations.freelancerId, method.userId),
        eq(payoutDestinations.provider, provider.name),
        isNull(payoutDestinations.payeeClosedAt),
      ),
    )
    .limit(1);
  const registered = await provider.registerDestination({
    idempotencyKey,
    payeeRef: payee?.payeeRef ?? null,
    payee: await payeeOf(db, method.userId),
    destination,
  });
  if (known) {
    await db
      .update(payoutDestinations)
      .set({
        ...registered,
        payoutsEnabled: null,
        requirementsDue: null,
        requirementsEventuallyDue: null,
        requirementsDeadline: null,
        requirementErrors: null,
        disabledReason: null,
        payeeStatusAt: null,
        payeeClosedAt: null,
      })
      .where(and(ofMethod, isNotNull(payoutDestinations.payeeClosedAt)));
  } else {
    await db
      .insert(payoutDestinations)
      .values({
        payoutMethodId: method.id,
        freelancerId: method.userId,
        provider: provider.name,
        ...registered,
      })
      .onConflictDoNothing();
  }
  // Two first withdrawals at once: both pay to the one stored (the other's stays unused).
  const [winner] = await stored();
  return { payeeRef: winner.payeeRef, ref: winner.ref };
}
