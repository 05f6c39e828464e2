import { createElement } from 'react';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import ConfirmPayoutChangeEmail, {
  confirmPayoutChangeSubject,
} from '@/emails/confirm-payout-change';
import {
  confirmationUrl,
  consumePendingConfirmation,
  createPendingConfirmation,
  DEAD_LINK_MESSAGES,
  findPendingConfirmation,
  type PendingConfirmation,
} from '@/lib/accounts/confirmations';
import { isRecentSignIn, type Actor } from '@/lib/accounts/recent-sign-in';
import { recordAudit } from '@/lib/audit/log';
import { sendEmail } from '@/lib/email/outbox';
import type { FieldErrors } from '@/lib/forms';
import { methodTitle, toView, type PayoutMethodView } from './present';
import {
  clearDefaultPayoutMethod,
  findActivePayoutMethod,
  listActivePayoutMethods,
  markDefaultPayoutMethod,
} from './queries';
import { addPayoutMethodSchema, type AddPayoutMethodInput } from './schemas';
import {
  applyAddPayoutMethod,
  applyRemovePayoutMethod,
  describeAdd,
  PAYOUT_NOT_FOUND,
} from './apply';

export { SECURITY_HOLD_DAYS } from './apply';

export type PayoutResult =
  | { ok: true; status: 'applied'; methodId: string }
  | { ok: true; status: 'confirmation-sent'; expiresAt: Date }
  | { ok: false; reason: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { ok: false; reason: 'not-found' | 'conflict' | 'link'; message: string };

const CONFLICT = {
  ok: false,
  reason: 'conflict',
  message:
    'Another change to your payout methods happened at the same moment. Reload the page and try again.',
} as const;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Runs a payout write; a race lost on the one-default index becomes a clear answer, not a 500. */
async function guarded<T>(run: () => Promise<T>): Promise<T | typeof CONFLICT> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) return CONFLICT;
    throw error;
  }
}

/** Without a recent sign-in, the change waits for the link emailed to the account address. */
async function askForConfirmation(
  tx: DbOrTx,
  actor: Actor,
  pending: { action: 'payout.add' | 'payout.remove'; payload: unknown; change: string },
): Promise<PayoutResult> {
  const { token, expiresAt } = await createPendingConfirmation(tx, {
    userId: actor.userId,
    action: pending.action,
    payload: pending.payload,
  });
  await sendEmail(tx, {
    to: actor.email,
    subject: confirmPayoutChangeSubject,
    template: 'payout-confirm',
    containsSecret: true,
    element: createElement(ConfirmPayoutChangeEmail, {
      change: pending.change,
      url: confirmationUrl(token),
      expiresAt,
    }),
  });
  return { ok: true, status: 'confirmation-sent', expiresAt };
}

/** Adds a payout method (parsed by the action): applied now, or sent for confirmation. */
export async function requestAddPayoutMethod(
  db: Db,
  actor: Actor,
  input: AddPayoutMethodInput,
): Promise<PayoutResult> {
  return guarded(() =>
    db.transaction((tx) =>
      isRecentSignIn(actor.signedInAt)
        ? applyAddPayoutMethod(tx, actor.userId, input, actor.ip)
        : askForConfirmation(tx, actor, {
            action: 'payout.add',
            payload: input,
            change: describeAdd(input),
          }),
    ),
  );
}

/** Removes (soft) one of the actor's own methods; any other id is "not found" and nothing changes. */
export async function requestRemovePayoutMethod(
  db: Db,
  actor: Actor,
  methodId: string,
): Promise<PayoutResult> {
  const method = await findActivePayoutMethod(db, actor.userId, methodId);
  if (!method) return PAYOUT_NOT_FOUND;
  return guarded(() =>
    db.transaction((tx) =>
      isRecentSignIn(actor.signedInAt)
        ? applyRemovePayoutMethod(tx, actor.userId, method.id, actor.ip)
        : askForConfirmation(tx, actor, {
            action: 'payout.remove',
            payload: { methodId: method.id },
            change: `Remove ${methodTitle(method)}`,
          }),
    ),
  );
}

/**
 * One default at a time. Concurrent calls are not serialised: the partial unique index
 * refuses the loser, who is told to reload (see guarded()).
 */
export async function setDefaultPayoutMethod(
  db: Db,
  actor: Pick<Actor, 'userId' | 'ip'>,
  methodId: string,
): Promise<PayoutResult> {
  return guarded(() =>
    db.transaction(async (tx) => {
      const method = await findActivePayoutMethod(tx, actor.userId, methodId);
      if (!method) return PAYOUT_NOT_FOUND;
      if (method.isDefault)
        return { ok: true as const, status: 'applied' as const, methodId: method.id };
      await clearDefaultPayoutMethod(tx, actor.userId);
      await markDefaultPayoutMethod(tx, actor.userId, method.id);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'payout.default_changed',
        targetType: 'payout_method',
        targetId: method.id,
        ip: actor.ip,
        detail: methodTitle(method),
      });
      return { ok: true as const, status: 'applied' as const, methodId: method.id };
    }),
  );
}

export async function listPayoutMethods(
  db: DbOrTx,
  userId: string,
  now = new Date(),
): Promise<PayoutMethodView[]> {
  return (await listActivePayoutMethods(db, userId)).map((row) => toView(row, now));
}

const removePayload = z.object({ methodId: z.uuid() });

async function describePending(db: DbOrTx, pending: PendingConfirmation): Promise<string> {
  if (pending.action === 'payout.add')
    return describeAdd(addPayoutMethodSchema.parse(pending.payload));
  const { methodId } = removePayload.parse(pending.payload);
  const method = await findActivePayoutMethod(db, pending.userId, methodId);
  return method ? `Remove ${methodTitle(method)}` : 'Remove a payout method that is already gone';
}

export type ConfirmationPreview = { ok: true; change: string } | { ok: false; message: string };

/** What the GET page of a confirmation link shows; it changes nothing. */
export async function previewPayoutConfirmation(
  db: DbOrTx,
  token: string,
  signedInUserId: string | null,
): Promise<ConfirmationPreview> {
  const found = await findPendingConfirmation(db, token, signedInUserId);
  if (!found.ok) return { ok: false, message: DEAD_LINK_MESSAGES[found.reason] };
  return { ok: true, change: await describePending(db, found.pending) };
}

/** The confirmation button: uses the link once and applies the change in the same transaction. */
export async function confirmPayoutChange(
  db: Db,
  token: string,
  signedInUserId: string | null,
  ip: string | null = null,
): Promise<PayoutResult> {
  return guarded(() =>
    db.transaction(async (tx): Promise<PayoutResult> => {
      const found = await consumePendingConfirmation(tx, token, signedInUserId);
      if (!found.ok)
        return { ok: false, reason: 'link', message: DEAD_LINK_MESSAGES[found.reason] };
      const { userId, action, payload } = found.pending;
      if (action === 'payout.add')
        return applyAddPayoutMethod(tx, userId, addPayoutMethodSchema.parse(payload), ip);
      return applyRemovePayoutMethod(tx, userId, removePayload.parse(payload).methodId, ip);
    }),
  );
}
