import type { Inviter } from '@/lib/accounts/inviter';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { invites } from '@/db/schema';
import { emailSchema } from '@/lib/accounts/schemas';
import { getEnv } from '@/lib/env';
import { formatMoney } from '@/lib/money/money';
import { parseCsv } from './csv';
import { bulkRowSchema, type OfferData } from './schemas';
import { prepareInvites, writePreparedInvites } from './prepare';
import { checkWorkspaceSends, lockWorkspaceForInvites } from './send-limits';
import { inviteExpiry, termsFromOffer } from './service';

export const BULK_MAX_ROWS = 500;
export const BULK_MAX_BYTES = 1_000_000;

export type BulkReportRow = {
  line: number;
  email: string;
  name: string;
  rateCents: number | null;
  outcome: 'send' | 'skip';
  reason?: string;
};

export type BulkReport =
  | { ok: true; rows: BulkReportRow[]; toSend: number; skipped: number }
  | { ok: false; message: string };

const HEADER = /^\s*e-?mail\s*$/i;

/**
 * Checks every row against the rules (a valid address, both names, a valid rate, not a
 * repeat in the file, no pending invite already, within the daily limit) and says per row
 * whether it will be sent or why it is skipped. Writes nothing.
 */
export async function checkBulkInvites(
  db: Db,
  { inviter, csv, offer }: { inviter: Inviter; csv: string; offer: OfferData },
): Promise<BulkReport> {
  if (csv.trim() === '')
    return { ok: false, message: 'Paste or upload a CSV with one freelancer per line.' };
  if (Buffer.byteLength(csv) > BULK_MAX_BYTES) {
    return {
      ok: false,
      message: 'That file is larger than 1 MB. Split it into lists of at most 500 people.',
    };
  }
  const parsed = parseCsv(csv, BULK_MAX_ROWS + 1);
  if (!parsed.ok) return parsed;
  const hasHeader = parsed.rows.length > 0 && HEADER.test(parsed.rows[0][0] ?? '');
  const dataRows = hasHeader ? parsed.rows.slice(1) : parsed.rows;
  if (dataRows.length > BULK_MAX_ROWS || parsed.truncated) {
    const total = csv.split(/\r?\n/).filter((l) => l.trim() !== '').length - (hasHeader ? 1 : 0);
    return {
      ok: false,
      message: `A bulk invite takes at most ${BULK_MAX_ROWS} people; this list has ${total.toLocaleString('en-US')}. Split it and send it in parts.`,
    };
  }
  // Only well-formed addresses are looked up: a cell may hold anything, even a NUL, which
  // Postgres refuses in a query parameter. The others are skipped below anyway.
  const emails = dataRows
    .map((r) => (r[0] ?? '').trim().toLowerCase())
    .filter((email) => emailSchema.safeParse(email).success);
  const pending = emails.length
    ? await db
        .select({ email: invites.email })
        .from(invites)
        .where(
          and(
            eq(invites.workspaceId, inviter.workspaceId),
            eq(invites.status, 'pending'),
            sql`${invites.expiresAt} > now()`,
            inArray(invites.email, emails),
          ),
        )
    : [];
  const pendingSet = new Set(pending.map((p) => p.email));
  const { remaining } = await checkWorkspaceSends(db, inviter.workspaceId, 0);
  const seen = new Set<string>();
  let budget = remaining;
  const rows: BulkReportRow[] = dataRows.map((cells, i) => {
    const line = parsed.lines[i + (hasHeader ? 1 : 0)];
    const [email = '', firstName = '', lastName = '', rate = ''] = cells;
    const result = bulkRowSchema.safeParse({ email, firstName, lastName, rateDollars: rate });
    const base = {
      line,
      email: email.trim(),
      name: `${firstName} ${lastName}`.trim(),
      rateCents: null,
    };
    if (cells.length > 4)
      return {
        ...base,
        outcome: 'skip',
        reason: 'Too many columns: expected email, first name, last name, rate.',
      };
    if (!result.success)
      return {
        ...base,
        outcome: 'skip',
        reason: result.error.issues.map((x) => x.message).join(' '),
      };
    const row = result.data;
    if (row.rateCents !== undefined && offer.kind !== 'hourly') {
      return { ...base, outcome: 'skip', reason: 'A rate only applies to an hourly offer.' };
    }
    const rateCents = offer.kind === 'hourly' ? (row.rateCents ?? offer.hourlyRateCents) : null;
    const ok = { ...base, email: row.email, rateCents };
    if (seen.has(row.email))
      return { ...ok, outcome: 'skip', reason: 'This address appears earlier in the list.' };
    seen.add(row.email);
    if (pendingSet.has(row.email))
      return {
        ...ok,
        outcome: 'skip',
        reason: 'You already have a pending invite to this address.',
      };
    if (budget <= 0) {
      return {
        ...ok,
        outcome: 'skip',
        reason: `The daily limit of ${getEnv().INVITES_PER_DAY} invites is reached.`,
      };
    }
    budget--;
    return { ...ok, outcome: 'send' };
  });
  const toSend = rows.filter((r) => r.outcome === 'send').length;
  return { ok: true, rows, toSend, skipped: rows.length - toSend };
}

export function describeRate(row: BulkReportRow): string {
  return row.rateCents === null ? '' : `${formatMoney(row.rateCents)}/h`;
}

/**
 * Sends the rows the check approves, all in one transaction: either every invite of the
 * list is written (with its offer, email and audit entry) or none is. `ip`: the client's
 * address, for the audit log.
 */
export async function sendBulkInvites(
  db: Db,
  {
    inviter,
    csv,
    offer,
    ip = null,
  }: { inviter: Inviter; csv: string; offer: OfferData; ip?: string | null },
): Promise<BulkReport & { sent?: number }> {
  const report = await checkBulkInvites(db, { inviter, csv, offer });
  if (!report.ok) return report;
  const sendRows = report.rows.filter((r) => r.outcome === 'send');
  const parsed = parseCsv(csv, BULK_MAX_ROWS + 1);
  if (!parsed.ok) return parsed;
  const byLine = new Map(parsed.rows.map((cells, i) => [parsed.lines[i], cells]));
  // Emails are rendered (once per distinct offer) before the transaction opens.
  const prepared = await prepareInvites(
    inviter,
    sendRows.map((row) => {
      const cells = byLine.get(row.line) ?? [];
      const terms = termsFromOffer(offer, getEnv().SERVICE_FEE_BPS);
      if (terms.kind === 'hourly') terms.hourlyRateCents = row.rateCents;
      return {
        email: row.email,
        firstName: (cells[1] ?? '').trim(),
        lastName: (cells[2] ?? '').trim(),
        message: null,
        terms,
      };
    }),
    inviteExpiry(),
  );
  const withinLimit = await db.transaction(async (tx) => {
    // The report's budget was counted before this transaction; count again under the lock.
    await lockWorkspaceForInvites(tx, inviter.workspaceId);
    if (!(await checkWorkspaceSends(tx, inviter.workspaceId, sendRows.length)).allowed)
      return false;
    if (sendRows.length > 0) {
      // As createInvite does: a pending invite past its expiry is over, so it must not
      // hold the one-pending-invite index against the new one.
      await tx
        .update(invites)
        .set({ status: 'expired', updatedAt: new Date() })
        .where(
          and(
            eq(invites.workspaceId, inviter.workspaceId),
            eq(invites.status, 'pending'),
            sql`${invites.expiresAt} <= now()`,
            inArray(
              invites.email,
              sendRows.map((r) => r.email),
            ),
          ),
        );
    }
    await writePreparedInvites(tx, { inviter, prepared, ip });
    return true;
  });
  if (!withinLimit) {
    return {
      ok: false,
      message: `Invites sent meanwhile reached the daily limit of ${getEnv().INVITES_PER_DAY}. Check the list again to see which rows can still be sent.`,
    };
  }
  return { ...report, sent: sendRows.length };
}
