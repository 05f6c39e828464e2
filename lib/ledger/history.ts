import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { contracts, ledgerEntries, ledgerTransactions } from '@/db/schema';
import { centsToDollarInput } from '@/lib/money/money';
import { contractAccounts, freelancerAccounts, type AccountCode } from './accounts';
import type { LedgerKind } from './kinds';
import { describeAccount, describeKind } from './labels';

/*
 * Transaction history: one row per entry on the viewer's accounts, newest first, paged by
 * keyset on (effective_at, entry id) so a page never shifts when money moves meanwhile.
 * A client sees the charges and refunds on their workspace's contracts; a freelancer every
 * entry on their pending, available and withdrawing accounts.
 */

export type HistoryRow = {
  entryId: number;
  transactionId: string;
  effectiveAt: Date;
  kind: LedgerKind;
  memo: string | null;
  account: AccountCode;
  /** Signed, as the account sees it: positive came in, negative went out. */
  cents: number;
  currency: string;
  contractId: string | null;
  contractTitle: string | null;
};

export type HistoryPage = { rows: HistoryRow[]; next: string | null };

export const HISTORY_PAGE_SIZE = 50;
const CLIENT_KINDS: LedgerKind[] = ['charge', 'refund'];

/** "2027-03-01T12:00:00.000Z_42": where the next page starts (after that entry). */
export function encodeCursor(row: Pick<HistoryRow, 'effectiveAt' | 'entryId'>): string {
  return `${row.effectiveAt.toISOString()}_${row.entryId}`;
}

export function decodeCursor(cursor: string | undefined): { at: Date; id: number } | null {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)_(\d{1,18})$/.exec(cursor ?? '');
  if (!match) return null;
  const at = new Date(match[1]);
  return Number.isNaN(at.getTime()) ? null : { at, id: Number(match[2]) };
}

const CONTRACT_OF_ACCOUNT = /^contract:([0-9a-f-]{36}):/;

async function historyOf(
  db: DbOrTx,
  codes: AccountCode[],
  options: { kinds?: LedgerKind[]; cursor?: string; limit?: number },
): Promise<HistoryPage> {
  if (codes.length === 0) return { rows: [], next: null };
  const limit = options.limit ?? HISTORY_PAGE_SIZE;
  const after = decodeCursor(options.cursor);
  const rows = await db
    .select({
      entryId: ledgerEntries.id,
      transactionId: ledgerTransactions.id,
      effectiveAt: ledgerTransactions.effectiveAt,
      kind: ledgerTransactions.kind,
      memo: ledgerTransactions.memo,
      account: ledgerEntries.accountCode,
      cents: ledgerEntries.amountCents,
      currency: ledgerEntries.currency,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(
      and(
        inArray(ledgerEntries.accountCode, codes),
        options.kinds ? inArray(ledgerTransactions.kind, options.kinds) : undefined,
        after
          ? or(
              lt(ledgerTransactions.effectiveAt, after.at),
              and(eq(ledgerTransactions.effectiveAt, after.at), lt(ledgerEntries.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(ledgerTransactions.effectiveAt), desc(ledgerEntries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const contractIds = [
    ...new Set(page.map((r) => CONTRACT_OF_ACCOUNT.exec(r.account)?.[1]).filter(Boolean)),
  ] as string[];
  const titles = new Map(
    contractIds.length === 0
      ? []
      : (
          await db
            .select({ id: contracts.id, title: contracts.title })
            .from(contracts)
            .where(inArray(contracts.id, contractIds))
        ).map((c) => [c.id, c.title]),
  );
  const mapped = page.map((r) => {
    const contractId = CONTRACT_OF_ACCOUNT.exec(r.account)?.[1] ?? null;
    return {
      ...r,
      kind: r.kind as LedgerKind,
      account: r.account as AccountCode,
      contractId,
      contractTitle: contractId ? (titles.get(contractId) ?? null) : null,
    };
  });
  return {
    rows: mapped,
    next: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
  };
}

async function clientAccountCodes(db: DbOrTx, workspaceId: string): Promise<AccountCode[]> {
  const owned = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.workspaceId, workspaceId));
  return owned.flatMap((c) => contractAccounts(c.id));
}

/** The charges and refunds on the contracts of the client's workspace. */
export async function listClientHistory(
  db: DbOrTx,
  workspaceId: string,
  options: { cursor?: string; limit?: number } = {},
): Promise<HistoryPage> {
  const codes = await clientAccountCodes(db, workspaceId);
  return historyOf(db, codes, { ...options, kinds: CLIENT_KINDS });
}

/** Every row of listClientHistory, the workspace's contracts looked up once, not per page. */
export async function collectClientHistory(
  db: DbOrTx,
  workspaceId: string,
  limit?: number,
): Promise<HistoryRow[]> {
  const codes = await clientAccountCodes(db, workspaceId);
  return collectAll((cursor) => historyOf(db, codes, { cursor, limit, kinds: CLIENT_KINDS }));
}

/** Every entry on the freelancer's own accounts. */
export function listFreelancerHistory(
  db: DbOrTx,
  freelancerId: string,
  options: { cursor?: string; limit?: number } = {},
): Promise<HistoryPage> {
  return historyOf(db, freelancerAccounts(freelancerId), options);
}

/** Every page, for the CSV export (newest first, as on screen). */
export async function collectAll(
  load: (cursor: string | undefined) => Promise<HistoryPage>,
): Promise<HistoryRow[]> {
  const all: HistoryRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    all.push(...page.rows);
    cursor = page.next ?? undefined;
  } while (cursor);
  return all;
}

export function csvField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** Text a person wrote: a leading =, +, - or @ would be read as a formula by spreadsheets. */
export function csvText(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** The history as CSV (RFC 4180, CRLF), amounts in dollars with two decimals. */
export function historyCsv(rows: HistoryRow[]): string {
  const header = ['Date (UTC)', 'Type', 'Account', 'Contract', 'Amount', 'Currency', 'Memo'];
  const lines = rows.map((r) =>
    [
      csvField(r.effectiveAt.toISOString()),
      csvField(describeKind(r.kind)),
      csvField(describeAccount(r.account)),
      csvText(r.contractTitle ?? ''),
      csvField(centsToDollarInput(r.cents)),
      csvField(r.currency),
      csvText(r.memo ?? ''),
    ].join(','),
  );
  return [header.map(csvField).join(','), ...lines].join('\r\n') + '\r\n';
}
