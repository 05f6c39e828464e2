import { createElement } from 'react';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import ConfirmPayoutChangeEmail, { confirmPayoutChangeSubject } from '@/emails/confirm-payout-change';
import PayoutSecurityNoticeEmail, { payoutSecurityNoticeSubject } from '@/emails/payout-security-notice';
import {
  confirmationUrl,
  consumePendingConfirmation,
  createPendingConfirmation,
  DEAD_LINK_MESSAGES,
  findPendingConfirmation,
  type PendingConfirmation,
} from '@/lib/account/confirmations';
import { isRecentSignIn, type Actor } from '@/lib/account/recent-sign-in';
import { findUserById } from '@/lib/accounts/queries';
import { recordAudit } from '@/lib/audit/log';
import { encryptSecret, lastFour } from '@/lib/crypto/encryption';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { collectFieldErrors, type FieldErrors } from '@/lib/forms';
import { methodTitle, toView, type PayoutMethodView } from './present';
import {
  clearDefaultPayoutMethod,
  findActivePayoutMethod,
  insertPayoutMethod,
  listActivePayoutMethods,
  markDefaultPayoutMethod,
  promoteOldestPayoutMethod,
  softRemovePayoutMethod,
  type PayoutMethodRow,
} from './queries';
import { addPayoutMethodSchema, type AddPayoutMethodInput } from './schemas';

export const SECURITY_HOLD_DAYS = 3;

export type PayoutResult =
  | { ok: true; status: 'applied'; methodId: string }
  | { ok: true; status: 'confirmation-sent'; expiresAt: Date }
  | { ok: false; reason: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { ok: false; reason: 'not-found' | 'conflict' | 'link'; message: string };

const NOT_FOUND = { ok: false, reason: 'not-found', message: 'We could not find that payout method.' } as const;
const CONFLICT = {
  ok: false,
  reason: 'conflict',
  message: 'Another change to your payout methods happened at the same moment. Reload the page and try again.',
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

const settingsUrl = (path: string) => new URL(path, getEnv().APP_URL).toString();

/** The notice to the account email for every add and remove, in the same transaction. */
async function sendSecurityNotice(tx: DbOrTx, userId: string, change: 'added' | 'removed', method: PayoutMethodRow) {
  const user = await findUserById(tx, userId);
  if (!user) return;
  await sendEmail(tx, {
    to: user.email,
    subject: payoutSecurityNoticeSubject(change),
    template: `payout-${change}`,
    element: createElement(PayoutSecurityNoticeEmail, {
      change,
      method: methodTitle(method),
      occurredAt: new Date(),
      usableFrom: change === 'added' ? method.usableAfter : null,
      settingsUrl: settingsUrl('/settings/payout'),
      accountUrl: settingsUrl('/settings/account'),
    }),
  });
}

function columnsFor(input: AddPayoutMethodInput) {
  switch (input.kind) {
    case 'us_bank':
      return {
        holderName: input.holderName,
        routingNumber: input.routingNumber,
        accountType: input.accountType,
        accountNumberEncrypted: encryptSecret(input.accountNumber),
        last4: lastFour(input.accountNumber),
      };
    case 'iban':
      return { holderName: input.holderName, ibanEncrypted: encryptSecret(input.iban), bic: input.bic, last4: lastFour(input.iban) };
    default:
      // The address is shown masked; last4 keeps the end of its local part for the column's sake.
      return { email: input.email, last4: lastFour(input.email.split('@')[0]) };
  }
}

async function applyAdd(tx: DbOrTx, userId: string, input: AddPayoutMethodInput, ip?: string | null) {
  const usableAfter = new Date(Date.now() + SECURITY_HOLD_DAYS * 24 * 60 * 60 * 1000);
  const method = await insertPayoutMethod(tx, { userId, kind: input.kind, usableAfter, ...columnsFor(input) });
  await sendSecurityNotice(tx, userId, 'added', method);
  await recordAudit(tx, { actorId: userId, action: 'payout.added', targetType: 'payout_method', targetId: method.id, ip, detail: methodTitle(method) });
  return { ok: true as const, status: 'applied' as const, methodId: method.id };
}

async function applyRemove(tx: DbOrTx, userId: string, methodId: string, ip?: string | null) {
  const method = await findActivePayoutMethod(tx, userId, methodId);
  const removed = method && (await softRemovePayoutMethod(tx, userId, method.id));
  if (!removed) return NOT_FOUND;
  if (method.isDefault) await promoteOldestPayoutMethod(tx, userId);
  await sendSecurityNotice(tx, userId, 'removed', removed);
  await recordAudit(tx, { actorId: userId, action: 'payout.removed', targetType: 'payout_method', targetId: removed.id, ip, detail: methodTitle(removed) });
  return { ok: true as const, status: 'applied' as const, methodId: removed.id };
}

/** Without a recent sign-in, the change waits for the link emailed to the account address. */
async function askForConfirmation(
  tx: DbOrTx,
  actor: Actor,
  pending: { action: 'payout.add' | 'payout.remove'; payload: unknown; change: string },
): Promise<PayoutResult> {
  const { token, expiresAt } = await createPendingConfirmation(tx, { userId: actor.userId, action: pending.action, payload: pending.payload });
  await sendEmail(tx, {
    to: actor.email,
    subject: confirmPayoutChangeSubject,
    template: 'payout-confirm',
    containsSecret: true,
    element: createElement(ConfirmPayoutChangeEmail, { change: pending.change, url: confirmationUrl(token), expiresAt }),
  });
  return { ok: true, status: 'confirmation-sent', expiresAt };
}

/** "Add US bank account (checking) ending 6789", for the confirmation email and page. */
function describeAdd(input: AddPayoutMethodInput): string {
  const last4 = input.kind === 'us_bank' ? lastFour(input.accountNumber) : input.kind === 'iban' ? lastFour(input.iban) : '';
  return `Add ${methodTitle({
    kind: input.kind,
    accountType: input.kind === 'us_bank' ? input.accountType : null,
    email: input.kind === 'paypal' || input.kind === 'payoneer' ? input.email : null,
    last4,
  })}`;
}

/** Adds a payout method from the submitted form: parsed, then applied now or sent for confirmation. */
export async function requestAddPayoutMethod(db: Db, actor: Actor, raw: unknown): Promise<PayoutResult> {
  const parsed = addPayoutMethodSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: collectFieldErrors(parsed.error) };
  }
  const input = parsed.data;
  return guarded(() =>
    db.transaction((tx) =>
      isRecentSignIn(actor.signedInAt)
        ? applyAdd(tx, actor.userId, input, actor.ip)
        : askForConfirmation(tx, actor, { action: 'payout.add', payload: input, change: describeAdd(input) }),
    ),
  );
}

/** Removes (soft) one of the actor's own methods; any other id is "not found" and nothing changes. */
export async function requestRemovePayoutMethod(db: Db, actor: Actor, methodId: string): Promise<PayoutResult> {
  const method = await findActivePayoutMethod(db, actor.userId, methodId);
  if (!method) return NOT_FOUND;
  return guarded(() =>
    db.transaction((tx) =>
      isRecentSignIn(actor.signedInAt)
        ? applyRemove(tx, actor.userId, method.id, actor.ip)
        : askForConfirmation(tx, actor, { action: 'payout.remove', payload: { methodId: method.id }, change: `Remove ${methodTitle(method)}` }),
    ),
  );
}

/**
 * One default at a time. Concurrent calls are not serialised: the partial unique index
 * refuses the loser, who is told to reload (see guarded()).
 */
export async function setDefaultPayoutMethod(db: Db, actor: Pick<Actor, 'userId' | 'ip'>, methodId: string): Promise<PayoutResult> {
  return guarded(() =>
    db.transaction(async (tx) => {
      const method = await findActivePayoutMethod(tx, actor.userId, methodId);
      if (!method) return NOT_FOUND;
      if (method.isDefault) return { ok: true as const, status: 'applied' as const, methodId: method.id };
      await clearDefaultPayoutMethod(tx, actor.userId);
      await markDefaultPayoutMethod(tx, actor.userId, method.id);
      await recordAudit(tx, { actorId: actor.userId, action: 'payout.default_changed', targetType: 'payout_method', targetId: method.id, ip: actor.ip, detail: methodTitle(method) });
      return { ok: true as const, status: 'applied' as const, methodId: method.id };
    }),
  );
}

export async function listPayoutMethods(db: DbOrTx, userId: string, now = new Date()): Promise<PayoutMethodView[]> {
  return (await listActivePayoutMethods(db, userId)).map((row) => toView(row, now));
}

const removePayload = z.object({ methodId: z.uuid() });

async function describePending(db: DbOrTx, pending: PendingConfirmation): Promise<string> {
  if (pending.action === 'payout.add') return describeAdd(addPayoutMethodSchema.parse(pending.payload));
  const { methodId } = removePayload.parse(pending.payload);
  const method = await findActivePayoutMethod(db, pending.userId, methodId);
  return method ? `Remove ${methodTitle(method)}` : 'Remove a payout method that is already gone';
}

export type ConfirmationPreview = { ok: true; change: string } | { ok: false; message: string };

/** What the GET page of a confirmation link shows; it changes nothing. */
export async function previewPayoutConfirmation(db: DbOrTx, token: string, signedInUserId: string | null): Promise<ConfirmationPreview> {
  const found = await findPendingConfirmation(db, token, signedInUserId);
  if (!found.ok) return { ok: false, message: DEAD_LINK_MESSAGES[found.reason] };
  return { ok: true, change: await describePending(db, found.pending) };
}

/** The confirmation button: uses the link once and applies the change in the same transaction. */
export async function confirmPayoutChange(db: Db, token: string, signedInUserId: string | null): Promise<PayoutResult> {
  return guarded(() =>
    db.transaction(async (tx): Promise<PayoutResult> => {
      const found = await consumePendingConfirmation(tx, token, signedInUserId);
      if (!found.ok) return { ok: false, reason: 'link', message: DEAD_LINK_MESSAGES[found.reason] };
      const { userId, action, payload } = found.pending;
      if (action === 'payout.add') return applyAdd(tx, userId, addPayoutMethodSchema.parse(payload));
      return applyRemove(tx, userId, removePayload.parse(payload).methodId);
    }),
  );
}
