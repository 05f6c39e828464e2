import { eq } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { withdrawals } from '@/db/schema';
import { isRecentSignIn, type Actor } from '@/lib/accounts/recent-sign-in';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { isLedgerError } from '@/lib/ledger/errors';
import { postTransaction } from '@/lib/ledger/post';
import { balanceOf } from '@/lib/ledger/queries';
import { formatMoney } from '@/lib/money/money';
import type { PayoutProviders } from '@/lib/payments/payouts';
import { methodTitle } from '@/lib/payouts/present';
import {
  findActivePayoutMethod,
  listActivePayoutMethods,
  type PayoutMethodRow,
} from '@/lib/payouts/queries';
import { findTaxProfile } from '@/lib/tax/queries';
import { termsOf, totalTakenCents } from './fees';
import { askToConfirmWithdrawal } from './confirmation-link';
import { sendWithdrawalNotice } from './notices';
import { findWithdrawalByKey, type WithdrawalRow } from './queries';
import { findPayeeStatus, payeeStatusesOf, type PayeeStatusRow } from './payee-status';
import {
  hasTaxInfo,
  isPastHold,
  isPayeeStopped,
  onHoldMessage,
  payeeStatusMessage,
  TAX_INFO_MISSING,
} from './rules';
import { submitWithdrawal } from './settle';

export const WITHDRAWAL_CURRENCY = 'USD';

export type WithdrawalInput = {
  payoutMethodId: string;
  /** What the method receives, in cents; the fee is taken from available beside it. */
  amountCents: number;
  /** The form's key (made when the form was drawn): a double submit is one withdrawal. */
  idempotencyKey: string;
  /** The fee fixed when an emailed confirmation was asked for; else the method's fee now. */
  feeCents?: number;
};

export type WithdrawalRefusal =
  | 'invalid-amount'
  | 'not-found'
  | 'on-hold'
  | 'tax-info'
  | 'payouts-disabled'
  | 'below-minimum'
  | 'insufficient'
  | 'key-reused';

export type WithdrawalResult =
  | { ok: true; withdrawal: WithdrawalRow; replayed: boolean }
  | { ok: false; reason: WithdrawalRefusal; message: string }
  /** Nothing moved yet: the sign-in is stale, so a link to confirm it was emailed (confirm.ts). */
  | { ok: false; reason: 'confirmation-sent'; message: string; expiresAt: Date };

const refuse = (reason: WithdrawalRefusal, message: string) =>
  ({ ok: false, reason, message }) as const;

export const METHOD_NOT_FOUND = 'That payout method was not found among yours.';

function insufficient(availableCents: number, takenCents: number) {
  return refuse(
    'insufficient',
    `This withdrawal takes ${formatMoney(takenCents)} with its fee; your available balance is ${formatMoney(availableCents)}.`,
  );
}

/**
 * Everything that must hold before money moves, in the order a freelancer can act on it;
 * the first that fails is the answer. The balance is checked again under the ledger's lock.
 * The sign-in's age is not a refusal: a stale one gets an emailed link (requestWithdrawal).
 */
export async function refusalOf(
  db: DbOrTx,
  freelancerId: string,
  input: Pick<WithdrawalInput, 'amountCents'>,
  method: PayoutMethodRow | undefined,
  at: Date,
): Promise<Extract<WithdrawalResult, { ok: false }> | null> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    return refuse('invalid-amount', 'Enter an amount above $0.00, in dollars and cents.');
  }
  if (!method) return refuse('not-found', METHOD_NOT_FOUND);
  if (!isPastHold(method, at)) return refuse('on-hold', onHoldMessage(method));
  if (!hasTaxInfo(await findTaxProfile(db, freelancerId))) {
    return refuse('tax-info', TAX_INFO_MISSING);
  }
  const payee = await findPayeeStatus(db, method.id);
  if (isPayeeStopped(payee)) {
    return refuse('payouts-disabled', payeeStatusMessage(method, payee)!.text);
  }
  const terms = termsOf(method.kind);
  if (input.amountCents < terms.minimumCents) {
    return refuse(
      'below-minimum',
      `The smallest withdrawal to ${methodTitle(method)} is ${formatMoney(terms.minimumCents)}.`,
    );
  }
  const available = await balanceOf(db, accounts.available(freelancerId), WITHDRAWAL_CURRENCY);
  const taken = totalTakenCents(method.kind, input.amountCents);
  if (taken > available) return insufficient(available, taken);
  return null;
}

/**
 * Records a withdrawal in one transaction: the withdrawal row and its ledger posting (kind
 * `withdrawal`: the amount from available to withdrawing, the fee from available to
 * platform:withdrawal_fees). The ledger locks the available account and refuses an
 * overdraft, so two full-balance withdrawals at once make exactly one. Nothing is sent to
 * the provider here: a worker killed after this commit leaves a `requested` withdrawal that
 * the settlement job sends.
 */
export async function recordWithdrawal(
  db: Db,
  freelancerId: string,
  method: PayoutMethodRow,
  input: WithdrawalInput,
  at: Date,
): Promise<WithdrawalResult> {
  const feeCents = input.feeCents ?? termsOf(method.kind).feeCents;
  try {
    return await db.transaction((tx) => insertWithdrawal(tx, freelancerId, method, input, at));
  } catch (error) {
    if (!isLedgerError(error, 'overdraft')) throw error;
    const available = await balanceOf(db, accounts.available(freelancerId), WITHDRAWAL_CURRENCY);
    return insufficient(available, input.amountCents + feeCents);
  }
}

/**
 * The writes of recordWithdrawal inside the caller's transaction (the emailed confirmation
 * uses its link in the same one). An overdraft throws the ledger's error, rolling it all back.
 */
export async function insertWithdrawal(
  tx: Tx,
  freelancerId: string,
  method: PayoutMethodRow,
  input: WithdrawalInput,
  at: Date,
): Promise<WithdrawalResult> {
  const feeCents = input.feeCents ?? termsOf(method.kind).feeCents;
  const [row] = await tx
    .insert(withdrawals)
    .values({
      freelancerId,
      payoutMethodId: method.id,
      methodKind: method.kind,
      amountCents: input.amountCents,
      feeCents,
      currency: WITHDRAWAL_CURRENCY,
      idempotencyKey: input.idempotencyKey,
      nextAttemptAt: at,
      requestedAt: at,
    })
    .onConflictDoNothing({ target: [withdrawals.freelancerId, withdrawals.idempotencyKey] })
    .returning();
  if (!row) return replayOf(tx, freelancerId, method, input);
  await postWithdrawal(tx, row);
  await recordAudit(tx, {
    actorId: freelancerId,
    action: 'withdrawal.requested',
    targetType: 'withdrawal',
    targetId: row.id,
    detail: `${formatMoney(row.amountCents)} to ${methodTitle(method)}, fee ${formatMoney(feeCents)}`,
  });
  await sendWithdrawalNotice(tx, row, 'requested');
  return { ok: true as const, withdrawal: row, replayed: false };
}

async function replayOf(
  tx: Tx,
  freelancerId: string,
  method: PayoutMethodRow,
  input: WithdrawalInput,
): Promise<WithdrawalResult> {
  const first = await findWithdrawalByKey(tx, freelancerId, input.idempotencyKey);
  if (first && first.payoutMethodId === method.id && first.amountCents === input.amountCents) {
    return { ok: true, withdrawal: first, replayed: true };
  }
  return refuse(
    'key-reused',
    'This form was already used for another withdrawal. Reload the page and try again.',
  );
}

function postWithdrawal(tx: Tx, row: WithdrawalRow) {
  const entries = [
    {
      account: accounts.available(row.freelancerId),
      cents: -(row.amountCents + row.feeCents),
      currency: row.currency,
    },
    {
      account: accounts.withdrawing(row.freelancerId),
      cents: row.amountCents,
      currency: row.currency,
    },
  ];
  if (row.feeCents > 0) {
    entries.push({
      account: accounts.withdrawalFees(),
      cents: row.feeCents,
      currency: row.currency,
    });
  }
  return postTransaction(tx, {
    key: `withdrawal:${row.id}:request`,
    source: { type: 'withdrawal', id: row.id },
    kind: 'withdrawal',
    effectiveAt: row.requestedAt,
    entries,
  });
}

/**
 * A freelancer withdraws to one of their own active payout methods. Refused with a clear
 * reason (see refusalOf); with a sign-in older than 30 minutes a link to confirm exactly this
 * withdrawal is emailed instead (confirm.ts); otherwise recorded (recordWithdrawal) and then, after commit, sent
 * to the provider once. A provider error here is not the freelancer's: the withdrawal stays
 * `requested` and the settlement job resends it under the same key.
 */
export async function requestWithdrawal(
  db: Db,
  providers: PayoutProviders,
  actor: Actor,
  input: WithdrawalInput,
): Promise<WithdrawalResult> {
  const at = now();
  const method = await findActivePayoutMethod(db, actor.userId, input.payoutMethodId);
  const refusal = await refusalOf(db, actor.userId, input, method, at);
  if (refusal) return refusal;
  if (!isRecentSignIn(actor.signedInAt, at)) {
    return askToConfirmWithdrawal(db, actor, method!, {
      payoutMethodId: method!.id,
      amountCents: input.amountCents,
      feeCents: termsOf(method!.kind).feeCents,
      idempotencyKey: input.idempotencyKey,
    });
  }
  const recorded = await recordWithdrawal(db, actor.userId, method!, input, at);
  if (!recorded.ok || recorded.replayed) return recorded;
  return sendRecorded(db, providers, recorded.withdrawal.id, at);
}

/** After commit: the payout is sent once, and the row is read back in its new state. */
export async function sendRecorded(
  db: Db,
  providers: PayoutProviders,
  withdrawalId: string,
  at: Date,
): Promise<WithdrawalResult> {
  await submitWithdrawal(db, providers, withdrawalId, at);
  const [fresh] = await db.select().from(withdrawals).where(eq(withdrawals.id, withdrawalId));
  return { ok: true, withdrawal: fresh, replayed: false };
}

export type WithdrawalOverview = {
  availableCents: number;
  hasTaxInfo: boolean;
  methods: (PayoutMethodRow & {
    title: string;
    isUsable: boolean;
    feeCents: number;
    minimumCents: number;
    /** What the provider last said about the method's payee (Stripe's account), if anything. */
    payeeStatus: PayeeStatusRow | null;
  })[];
};

/** What the withdraw page shows: the available balance and each active method's terms. */
export async function withdrawalOverview(
  db: Db,
  freelancerId: string,
): Promise<WithdrawalOverview> {
  const at = now();
  const methods = await listActivePayoutMethods(db, freelancerId);
  const statuses = await payeeStatusesOf(
    db,
    methods.map((m) => m.id),
  );
  return {
    availableCents: await balanceOf(db, accounts.available(freelancerId), WITHDRAWAL_CURRENCY),
    hasTaxInfo: hasTaxInfo(await findTaxProfile(db, freelancerId)),
    methods: methods.map((method) => {
      const payeeStatus = statuses.get(method.id) ?? null;
      return {
        ...method,
        ...termsOf(method.kind),
        title: methodTitle(method),
        payeeStatus,
        isUsable: isPastHold(method, at) && !isPayeeStopped(payeeStatus),
      };
    }),
  };
}
