import type { Db } from '@/db/client';
import {
  consumePendingConfirmation,
  DEAD_LINK_MESSAGES,
  findPendingConfirmation,
  type PendingConfirmation,
} from '@/lib/accounts/confirmations';
import { now } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { isLedgerError } from '@/lib/ledger/errors';
import { balanceOf } from '@/lib/ledger/queries';
import { formatMoney } from '@/lib/money/money';
import type { PayoutProviders } from '@/lib/payments/payouts';
import { methodTitle } from '@/lib/payouts/present';
import { findActivePayoutMethod } from '@/lib/payouts/queries';
import { withdrawalPayloadSchema, type WithdrawalPayload } from './confirmation-link';
import {
  insertWithdrawal,
  refusalOf,
  sendRecorded,
  WITHDRAWAL_CURRENCY,
  type WithdrawalResult,
} from './service';

/** Only a withdrawal's links are read here: a payout change's token is "not valid". */
function payloadOf(pending: PendingConfirmation): WithdrawalPayload | null {
  if (pending.action !== 'withdrawal.request') return null;
  const parsed = withdrawalPayloadSchema.safeParse(pending.payload);
  return parsed.success ? parsed.data : null;
}

const LINK_REFUSED = (message: string) => ({
  ok: false as const,
  reason: 'link' as const,
  message,
});

export type WithdrawalConfirmationPreview =
  { ok: true; withdrawal: string; fee: string; taken: string } | { ok: false; message: string };

/** What the GET page of the link shows; it changes nothing (mail scanners fetch links). */
export async function previewWithdrawalConfirmation(
  db: Db,
  token: string,
  signedInUserId: string | null,
): Promise<WithdrawalConfirmationPreview> {
  const found = await findPendingConfirmation(db, token, signedInUserId);
  if (!found.ok) return { ok: false, message: DEAD_LINK_MESSAGES[found.reason] };
  const payload = payloadOf(found.pending);
  if (!payload) return { ok: false, message: DEAD_LINK_MESSAGES.unknown };
  const method = await findActivePayoutMethod(db, found.pending.userId, payload.payoutMethodId);
  const title = method ? methodTitle(method) : 'a payout method that has since been removed';
  return {
    ok: true,
    withdrawal: `${formatMoney(payload.amountCents)} to ${title}`,
    fee: formatMoney(payload.feeCents),
    taken: formatMoney(payload.amountCents + payload.feeCents),
  };
}

export type ConfirmWithdrawalResult =
  WithdrawalResult | { ok: false; reason: 'link'; message: string };

/**
 * The link's button: in ONE transaction the link is used and the withdrawal it names is
 * recorded, after the method, its hold, the tax information and the balance are checked
 * again at this moment. A refusal rolls the link back too (it stays usable until it expires);
 * a second post finds the link used (the guarded UPDATE), and the payload's key would make
 * it the same withdrawal anyway. After commit the payout is sent once.
 */
export async function confirmWithdrawal(
  db: Db,
  providers: PayoutProviders,
  token: string,
  signedInUserId: string | null,
): Promise<ConfirmWithdrawalResult> {
  const at = now();
  let result: ConfirmWithdrawalResult;
  try {
    result = await db.transaction(async (tx) => {
      const found = await consumePendingConfirmation(tx, token, signedInUserId);
      if (!found.ok) return LINK_REFUSED(DEAD_LINK_MESSAGES[found.reason]);
      const payload = payloadOf(found.pending);
      if (!payload) return LINK_REFUSED(DEAD_LINK_MESSAGES.unknown);
      const { userId } = found.pending;
      const method = await findActivePayoutMethod(tx, userId, payload.payoutMethodId);
      const refusal = await refusalOf(tx, userId, payload, method, at);
      // Thrown, not returned, so the transaction rolls back and the link is not spent.
      if (refusal) throw new RefusedConfirmation(refusal);
      return insertWithdrawal(tx, userId, method!, payload, at);
    });
  } catch (error) {
    if (error instanceof RefusedConfirmation) return error.refusal;
    if (!isLedgerError(error, 'overdraft')) throw error;
    return overdraftRefusal(db, token, signedInUserId);
  }
  if (!result.ok || result.replayed) return result;
  return sendRecorded(db, providers, result.withdrawal.id, at);
}

class RefusedConfirmation extends Error {
  constructor(readonly refusal: Extract<WithdrawalResult, { ok: false }>) {
    super(refusal.message);
  }
}

/** The balance was spent between the check and the ledger's lock: say how much is left. */
async function overdraftRefusal(
  db: Db,
  token: string,
  signedInUserId: string | null,
): Promise<ConfirmWithdrawalResult> {
  const found = await findPendingConfirmation(db, token, signedInUserId);
  const payload = found.ok ? payloadOf(found.pending) : null;
  if (!found.ok || !payload) return LINK_REFUSED(DEAD_LINK_MESSAGES.unknown);
  const available = await balanceOf(
    db,
    accounts.available(found.pending.userId),
    WITHDRAWAL_CURRENCY,
  );
  return {
    ok: false,
    reason: 'insufficient',
    message: `This withdrawal takes ${formatMoney(payload.amountCents + payload.feeCents)} with its fee; your available balance is ${formatMoney(available)}.`,
  };
}
