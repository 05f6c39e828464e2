import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { payoutMethods, withdrawals } from '@/db/schema';
import { formatDateAndTime } from '@/lib/dates/format';
import { methodTitle } from '@/lib/payouts/present';
import { visibleColumns, type PayoutMethodRow } from '@/lib/payouts/queries';
import { SIMULATED_PAYOUT_FAILURE } from '@/lib/payments/simulated-payouts';
import { isUuid } from '@/lib/text/uuid';
import { findWithdrawalOf, type WithdrawalRow } from './queries';

/** A page of the list: enough for a year of weekly withdrawals; older ones are one link away. */
export const WITHDRAWALS_PAGE_SIZE = 25;

export type WithdrawalListItem = Pick<
  WithdrawalRow,
  'id' | 'status' | 'amountCents' | 'feeCents' | 'currency' | 'requestedAt' | 'failureReason'
> & {
  /** "PayPal (a•••@example.com)", "US bank account (checking) ending 6789": last four only. */
  method: string;
  /** The date in the freelancer's time zone. */
  when: string;
  /** For a returned one: what to fix before trying again. */
  fix: string | null;
};

/**
 * The freelancer's own withdrawals, newest first, keyset paged on (requested_at, id): `after`
 * is the id of the last row of the previous page, looked up among their own (anyone else's id
 * finds nothing and starts from the top). One statement per page, plus one for the cursor.
 */
export async function listWithdrawalsOf(
  db: DbOrTx,
  freelancerId: string,
  options: { after?: string; timeZone?: string } = {},
): Promise<{ items: WithdrawalListItem[]; nextAfter: string | null }> {
  const cursor =
    options.after && isUuid(options.after)
      ? await findWithdrawalOf(db, freelancerId, options.after)
      : undefined;
  const rows = await db
    .select({ withdrawal: withdrawals, method: visibleColumns })
    .from(withdrawals)
    .innerJoin(payoutMethods, eq(payoutMethods.id, withdrawals.payoutMethodId))
    .where(
      and(
        eq(withdrawals.freelancerId, freelancerId),
        cursor
          ? or(
              lt(withdrawals.requestedAt, cursor.requestedAt),
              and(eq(withdrawals.requestedAt, cursor.requestedAt), lt(withdrawals.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(withdrawals.requestedAt), desc(withdrawals.id))
    .limit(WITHDRAWALS_PAGE_SIZE + 1);
  const page = rows.slice(0, WITHDRAWALS_PAGE_SIZE);
  return {
    items: page.map((row) => withdrawalItemOf(row.withdrawal, row.method, options.timeZone)),
    nextAfter: rows.length > WITHDRAWALS_PAGE_SIZE ? page[page.length - 1].withdrawal.id : null,
  };
}

/** A withdrawal as the list (and its page) shows it. */
export function withdrawalItemOf(
  w: WithdrawalRow,
  method: PayoutMethodRow,
  timeZone = 'UTC',
): WithdrawalListItem {
  const title = methodTitle(method);
  return {
    id: w.id,
    status: w.status,
    amountCents: w.amountCents,
    feeCents: w.feeCents,
    currency: w.currency,
    requestedAt: w.requestedAt,
    failureReason: w.failureReason,
    method: title,
    when: formatDateAndTime(w.requestedAt, timeZone),
    fix: w.status === 'returned' ? fixFor(w.failureReason, title) : null,
  };
}

/**
 * What to fix after a payout came back, from what the provider said. Providers word their
 * reasons freely, so only what we recognise gets a specific answer; anything else points at
 * the method's details, which is what most refusals come down to.
 */
export function fixFor(reason: string | null, method: string): string {
  const said = (reason ?? '').toLowerCase();
  if (reason === SIMULATED_PAYOUT_FAILURE || said.includes('refused') || said.includes('closed')) {
    return `The receiving account refused it: check the details of ${method} with your bank or provider, or add another payout method, then try again.`;
  }
  if (said.includes('name')) {
    return `The name on ${method} did not match: correct it (remove the method and add it again with the right name), then try again.`;
  }
  return `Check the details of ${method} in Settings → Payout methods, or choose another method, then try again.`;
}

export type RetryDraft = {
  withdrawal: WithdrawalListItem;
  /** The same method if it is still active, otherwise none (the freelancer picks). */
  payoutMethodId: string | null;
};

/**
 * One of the freelancer's own withdrawals with its method (visible columns only) and whether
 * that method was removed, in one statement whose WHERE names the freelancer: anyone else's
 * id, an unknown one and a malformed one (no statement) are all null.
 */
export async function findOwnWithdrawal(db: DbOrTx, freelancerId: string, withdrawalId: string) {
  if (!isUuid(withdrawalId)) return null;
  const [row] = await db
    .select({ withdrawal: withdrawals, method: visibleColumns, removedAt: payoutMethods.removedAt })
    .from(withdrawals)
    .innerJoin(payoutMethods, eq(payoutMethods.id, withdrawals.payoutMethodId))
    .where(and(eq(withdrawals.freelancerId, freelancerId), eq(withdrawals.id, withdrawalId)));
  return row ?? null;
}

/**
 * A returned withdrawal of the freelancer's, for "Try again": the amount and method to put in
 * the withdrawal form. Null for anyone else's id or one that did not come back.
 */
export async function findRetryDraft(
  db: DbOrTx,
  freelancerId: string,
  withdrawalId: string,
  timeZone = 'UTC',
): Promise<RetryDraft | null> {
  const row = await findOwnWithdrawal(db, freelancerId, withdrawalId);
  if (!row || row.withdrawal.status !== 'returned') return null;
  return {
    withdrawal: withdrawalItemOf(row.withdrawal, row.method, timeZone),
    payoutMethodId: row.removedAt ? null : row.method.id,
  };
}
