import { createElement } from 'react';
import type { DbOrTx } from '@/db/client';
import PayoutSecurityNoticeEmail, {
  payoutSecurityNoticeSubject,
} from '@/emails/payout-security-notice';
import { findUserById } from '@/lib/accounts/queries';
import { recordAudit } from '@/lib/audit/log';
import { encryptSecret, lastFour } from '@/lib/crypto/encryption';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { methodTitle } from './present';
import {
  findActivePayoutMethod,
  insertPayoutMethod,
  promoteOldestPayoutMethod,
  softRemovePayoutMethod,
  type PayoutMethodRow,
} from './queries';
import type { AddPayoutMethodInput } from './schemas';

/*
 * The changes themselves, applied inside the caller's transaction: straight away after a
 * recent sign-in, or when a confirmation link is used. Each sends its security notice and
 * writes its audit entry in that same transaction.
 */

/** A new method receives withdrawals only after this many days. */
export const SECURITY_HOLD_DAYS = 3;

export const PAYOUT_NOT_FOUND = {
  ok: false,
  reason: 'not-found',
  message: 'We could not find that payout method.',
} as const;

const settingsUrl = (path: string) => new URL(path, getEnv().APP_URL).toString();

/** The notice to the account email for every add and remove, in the same transaction. */
async function sendSecurityNotice(
  tx: DbOrTx,
  userId: string,
  change: 'added' | 'removed',
  method: PayoutMethodRow,
) {
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
      return {
        holderName: input.holderName,
        ibanEncrypted: encryptSecret(input.iban),
        bic: input.bic,
        last4: lastFour(input.iban),
      };
    default:
      // The address is shown masked; last4 keeps the end of its local part for the column's sake.
      return { email: input.email, last4: lastFour(input.email.split('@')[0]) };
  }
}

export async function applyAddPayoutMethod(
  tx: DbOrTx,
  userId: string,
  input: AddPayoutMethodInput,
  ip?: string | null,
) {
  const usableAfter = new Date(Date.now() + SECURITY_HOLD_DAYS * 24 * 60 * 60 * 1000);
  const method = await insertPayoutMethod(tx, {
    userId,
    kind: input.kind,
    usableAfter,
    ...columnsFor(input),
  });
  await sendSecurityNotice(tx, userId, 'added', method);
  await recordAudit(tx, {
    actorId: userId,
    action: 'payout.added',
    targetType: 'payout_method',
    targetId: method.id,
    ip,
    detail: methodTitle(method),
  });
  return { ok: true as const, status: 'applied' as const, methodId: method.id };
}

export async function applyRemovePayoutMethod(
  tx: DbOrTx,
  userId: string,
  methodId: string,
  ip?: string | null,
) {
  const method = await findActivePayoutMethod(tx, userId, methodId);
  const removed = method && (await softRemovePayoutMethod(tx, userId, method.id));
  if (!removed) return PAYOUT_NOT_FOUND;
  if (method.isDefault) await promoteOldestPayoutMethod(tx, userId);
  await sendSecurityNotice(tx, userId, 'removed', removed);
  await recordAudit(tx, {
    actorId: userId,
    action: 'payout.removed',
    targetType: 'payout_method',
    targetId: removed.id,
    ip,
    detail: methodTitle(removed),
  });
  return { ok: true as const, status: 'applied' as const, methodId: removed.id };
}

/** "Add US bank account (checking) ending 6789", for the confirmation email and page. */
export function describeAdd(input: AddPayoutMethodInput): string {
  const last4 =
    input.kind === 'us_bank'
      ? lastFour(input.accountNumber)
      : input.kind === 'iban'
        ? lastFour(input.iban)
        : '';
  return `Add ${methodTitle({
    kind: input.kind,
    accountType: input.kind === 'us_bank' ? input.accountType : null,
    email: input.kind === 'paypal' || input.kind === 'payoneer' ? input.email : null,
    last4,
  })}`;
}
