import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { formatMoney } from '@/lib/money/money';
import { accounts } from './accounts';
import { decodeCursor } from './history';
import type { LedgerKind } from './kinds';

/*
 * The balance page's timeline (SPEC 4.E, issue 17): one row per ledger transaction that
 * moved the freelancer's money — charged into review or escrow on one of their contracts,
 * released to pending (net and fee), made available, withdrawn — so every dollar traces to
 * its week (the memo names it) or milestone. One statement per page: the entries are
 * aggregated per transaction in SQL, the contract and the pending date joined in the same
 * query. Keyset paging on (effective_at, transaction id), newest first, so a page never
 * shifts while money moves.
 */

export type TimelineRow = {
  transactionId: string;
  effectiveAt: Date;
  kind: LedgerKind;
  memo: string | null;
  sourceType: string;
  sourceId: string;
  contractId: string | null;
  contractTitle: string | null;
  /** Into (+) or out of (−) the contract's in_review and escrow accounts. */
  contractCents: number;
  pendingCents: number;
  availableCents: number;
  withdrawingCents: number;
  /** Service or withdrawal fee taken in this movement. */
  feeCents: number;
  /** For a release: when its net becomes available. */
  availableAt: Date | null;
};

export type TimelinePage = { rows: TimelineRow[]; next: string | null };

export const TIMELINE_PAGE_SIZE = 25;

/** "2027-03-01T12:00:00.000Z_<uuid>": the transaction the next (older) page starts after. */
export function encodeTimelineCursor(row: Pick<TimelineRow, 'effectiveAt' | 'transactionId'>) {
  return `${row.effectiveAt.toISOString()}_${row.transactionId}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeTimelineCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const sep = cursor?.lastIndexOf('_') ?? -1;
  if (!cursor || sep < 0) return null;
  const id = cursor.slice(sep + 1);
  // Reuse the history cursor's strict date check with a dummy numeric id.
  const at = decodeCursor(`${cursor.slice(0, sep)}_0`)?.at;
  return at && UUID.test(id) ? { at, id } : null;
}

type Raw = {
  id: string;
  effective_at: string | Date;
  kind: string;
  memo: string | null;
  source_type: string;
  source_id: string;
  contract_id: string | null;
  contract_title: string | null;
  contract_cents: string | number;
  pending_cents: string | number;
  available_cents: string | number;
  withdrawing_cents: string | number;
  fee_cents: string | number;
  available_at: string | Date | null;
};

/** A page of the freelancer's money timeline, newest first. */
export async function listEarningsTimeline(
  db: DbOrTx,
  freelancerId: string,
  options: { cursor?: string; limit?: number } = {},
): Promise<TimelinePage> {
  const limit = options.limit ?? TIMELINE_PAGE_SIZE;
  const after = decodeTimelineCursor(options.cursor);
  const pending = accounts.pending(freelancerId);
  const available = accounts.available(freelancerId);
  const withdrawing = accounts.withdrawing(freelancerId);
  const keyset = after
    ? sql`and (t.effective_at, t.id) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
    : sql``;
  const entryKeyset = after
    ? sql`and (e.effective_at, e.transaction_id) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
    : sql``;
  // The freelancer's own contracts' review and escrow accounts: a charge into them is
  // money on its way to this freelancer (nobody else's contract is ever listed).
  const result = await db.execute(sql`
    with mine as (
      select 'contract:' || c.id::text || ':in_review' as code from contract c where c.freelancer_id = ${freelancerId}
      union all
      select 'contract:' || c.id::text || ':escrow' from contract c where c.freelancer_id = ${freelancerId}
      union all
      select unnest(array[${pending}, ${available}, ${withdrawing}]::text[])
    ),
    -- Each account's newest entries, read backwards from ledger_entry_account_time_idx: the
    -- page's transactions are among them (a transaction on the page is among the newest
    -- of every account it touches), so five years of history cost no more than one week.
    -- Gathering every transaction of these accounts before taking the page was most of the
    -- page's time (docs/EARNINGS.md).
    newest as (
      select x.transaction_id from mine
      cross join lateral (
        select e.transaction_id from ledger_entry e
        where e.account_code = mine.code ${entryKeyset}
        order by e.effective_at desc, e.transaction_id desc
        limit ${limit + 1}
      ) x
    ),
    page as (
      select t.id, t.effective_at, t.kind, t.memo, t.source_type, t.source_id,
        -- An availability's source is the pending_release it made available (a uuid; other
        -- sources' ids need not be one, so only this kind is converted).
        case when t.source_type = 'pending_release' then t.source_id::uuid end as made_available_id
      from ledger_transaction t
      where t.id in (select transaction_id from newest)
        ${keyset}
      order by t.effective_at desc, t.id desc
      limit ${limit + 1}
    ),
    moved as (
      select t.id, t.effective_at, t.kind, t.memo, t.source_type, t.source_id, t.made_available_id,
        max(substring(e.account_code from '^contract:([0-9a-f-]{36}):')) as contract_code,
        coalesce(sum(e.amount_cents) filter (where e.account_code like 'contract:%' and e.account_code in (select code from mine)), 0) as contract_cents,
        coalesce(sum(e.amount_cents) filter (where e.account_code = ${pending}), 0) as pending_cents,
        coalesce(sum(e.amount_cents) filter (where e.account_code = ${available}), 0) as available_cents,
        coalesce(sum(e.amount_cents) filter (where e.account_code = ${withdrawing}), 0) as withdrawing_cents,
        coalesce(sum(e.amount_cents) filter (where e.account_code in ('platform:service_fees', 'platform:withdrawal_fees')), 0) as fee_cents
      from page t
      join ledger_entry e on e.transaction_id = t.id
      group by t.id, t.effective_at, t.kind, t.memo, t.source_type, t.source_id, t.made_available_id
    )
    -- Each join is an index lookup per row. One join on "release by source, or availability
    -- by id" could use no index: it compared every row with every pending_release, 60% of
    -- the statement's time over five years of weekly invoices (npm run bench:earnings).
    select moved.*, coalesce(c.id, pc.id)::text as contract_id, coalesce(c.title, pc.title) as contract_title,
      released.available_at
    from moved
    left join contract c on c.id = moved.contract_code::uuid
    left join pending_release released on released.source_type = moved.source_type
      and released.source_id = moved.source_id and released.freelancer_id = ${freelancerId}
      and moved.kind in ('release', 'bonus')
    left join pending_release made_available on made_available.id = moved.made_available_id
    left join contract pc on c.id is null
      and pc.id = coalesce(released.contract_id, made_available.contract_id)
    order by moved.effective_at desc, moved.id desc
  `);
  const raw = (Array.isArray(result) ? result : (result as { rows: Raw[] }).rows) as Raw[];
  const page = raw.slice(0, limit).map((r): TimelineRow => ({
    transactionId: r.id,
    effectiveAt: new Date(r.effective_at),
    kind: r.kind as LedgerKind,
    memo: r.memo,
    sourceType: r.source_type,
    sourceId: r.source_id,
    contractId: r.contract_id,
    contractTitle: r.contract_title,
    contractCents: Number(r.contract_cents),
    pendingCents: Number(r.pending_cents),
    availableCents: Number(r.available_cents),
    withdrawingCents: Number(r.withdrawing_cents),
    feeCents: Number(r.fee_cents),
    availableAt: r.available_at ? new Date(r.available_at) : null,
  }));
  return {
    rows: page,
    next: raw.length > limit ? encodeTimelineCursor(page[page.length - 1]) : null,
  };
}

const money = (cents: number) => formatMoney(Math.abs(cents), 'USD');

/** What happened, in words: "Released: net $90.00 to pending (fee $10.00), available on …". */
export function describeTimelineRow(row: TimelineRow, formatDate: (at: Date) => string): string {
  const why = row.memo ? ` — ${row.memo}` : '';
  switch (row.kind) {
    case 'charge':
      return `Charged into ${row.sourceType === 'milestone' ? 'escrow' : 'review'}: ${money(row.contractCents)}${why}`;
    case 'release':
    case 'bonus': {
      const fee = row.feeCents > 0 ? ` (fee ${money(row.feeCents)})` : '';
      const when = row.availableAt ? `, available on ${formatDate(row.availableAt)}` : '';
      const what = row.kind === 'bonus' ? 'Bonus' : 'Released';
      return `${what}: net ${money(row.pendingCents)} to pending${fee}${when}${why}`;
    }
    case 'availability':
      return `Became available: ${money(row.availableCents)}${why}`;
    case 'withdrawal':
      return `Withdrawal requested: ${money(row.availableCents)} from available${row.feeCents > 0 ? ` (fee ${money(row.feeCents)})` : ''}${why}`;
    case 'payout':
      return `Paid out: ${money(row.withdrawingCents)} sent to your payout method${why}`;
    case 'payout_return':
      return `Payout returned: ${money(row.availableCents)} back to available${why}`;
    case 'refund':
      return `Refunded to the client: ${money(row.contractCents)}${why}`;
    default:
      return `${row.kind}${why}`;
  }
}

/** The page a row traces to: its invoice, milestone, withdrawal or contract. */
export function timelineHref(row: TimelineRow): string | null {
  if (row.sourceType === 'hourly_invoice' || row.sourceType === 'bonus') {
    return `/invoices/${row.sourceId}`;
  }
  if (row.sourceType === 'milestone' && row.contractId) {
    return `/contracts/${row.contractId}/milestones/${row.sourceId}`;
  }
  // The request, its payout and its return all have the withdrawal as their source.
  if (row.sourceType === 'withdrawal') return `/earnings/withdrawals/${row.sourceId}`;
  return row.contractId ? `/contracts/${row.contractId}` : null;
}
