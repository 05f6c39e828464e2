import { createElement } from 'react';
import {
  and,
  asc,
  countDistinct,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  sql,
} from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { clientWorkspaces, contracts, invoices, timeEntries, users } from '@/db/schema';
import InvoiceIssuedEmail, {
  invoiceIssuedSubject,
  type InvoiceIssuedEmailProps,
} from '@/emails/invoice-issued';
import { recordAudit } from '@/lib/audit/log';
import { requestCharge } from '@/lib/billing/charges';
import { now } from '@/lib/clock';
import { formatDateAndTime, formatLongDate } from '@/lib/dates/format';
import { fillMergeTemplate, renderMergeTemplate, type MergeTemplate } from '@/lib/email/merge';
import { enqueueRenderedEmails } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { issueInvoice, type InvoiceRow } from '@/lib/invoices/issue';
import { formatMoney } from '@/lib/money/money';
import type { PaymentProvider } from '@/lib/payments/provider';
import { selectPaymentProvider } from '@/lib/payments/select';
import { billableDays } from './billable';
import { lockFreelancerTime } from './queries';
import {
  HOURLY_INVOICE_SOURCE,
  hourlyChargeKeyOf,
  hourlyInvoiceChargeHooks,
} from './invoice-charges';
import {
  invoiceTimeOf,
  isoWeekOf,
  reviewEndsOf,
  weekEndOf,
  weekStartFromDate,
  weekStartOf,
} from './week';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How long a client reviews a week invoiced on time: Monday 12:00 to Saturday 00:00. */
const REVIEW_LENGTH_MS = 4 * DAY_MS + 12 * HOUR_MS;

/** The charge is asked for with only this source's hooks: a charge of ours is never another's. */
const HOOKS = { [HOURLY_INVOICE_SOURCE]: hourlyInvoiceChargeHooks };

/**
 * Charges asked for at once after a batch is invoiced: each is a provider call and its own
 * short transaction, so on the Postgres server they use the pool's connections (5 by
 * default) side by side; PGlite runs them one after another. `npm run bench:tick`.
 */
export const CHARGE_CONCURRENCY = 5;

/** Runs `fn` on every item, at most `limit` at a time. */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export type IssueDueInvoicesOptions = {
  batchSize?: number;
  /** How many charges are asked for at once (default CHARGE_CONCURRENCY). */
  chargeConcurrency?: number;
  provider?: PaymentProvider;
  /** After each contract: how many are done of how many were due when the step began. */
  onProgress?: (done: number, total: number) => void;
  log?: (line: string) => void;
};

/**
 * Entries of weeks whose invoice time has passed start before this: the end of the latest
 * week invoiceable at `at` (last week from Monday 12:00 UTC on, the week before until then).
 */
export function invoicedWeeksEndOf(at: Date): Date {
  let week = new Date(weekStartOf(at).getTime() - 7 * DAY_MS);
  if (invoiceTimeOf(week) > at) week = new Date(week.getTime() - 7 * DAY_MS);
  return weekEndOf(week);
}

/** The UTC Monday of an entry's week, as `invoice.week_start` stores it. */
const weekOfEntry = sql`(date_trunc('week', ${timeEntries.startedAt} at time zone 'UTC'))::date`;

/**
 * Finished entries not yet on an invoice, in a closed week (its invoice time has passed) that
 * has no hourly invoice yet. Earlier weeks count too: a week the tick missed (the worker was
 * down) is invoiced by the next tick.
 */
function uninvoicedClosedTime(at: Date) {
  return and(
    isNull(timeEntries.invoiceId),
    isNotNull(timeEntries.endedAt),
    lt(timeEntries.startedAt, invoicedWeeksEndOf(at)),
    sql`not exists (select 1 from ${invoices} where ${invoices.kind} = 'hourly'
      and ${invoices.contractId} = ${timeEntries.contractId} and ${invoices.weekStart} = ${weekOfEntry})`,
  );
}

// An ended contract takes no new time, so its last weeks are invoiced and then nothing more.
const isInvoiceable = and(
  inArray(contracts.status, ['active', 'ended']),
  eq(contracts.kind, 'hourly'),
  isNotNull(contracts.freelancerId),
);

async function countDueContracts(db: Db, at: Date): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(timeEntries.contractId) })
    .from(timeEntries)
    .innerJoin(contracts, eq(contracts.id, timeEntries.contractId))
    .where(and(isInvoiceable, uninvoicedClosedTime(at)));
  return row.n;
}

async function findDueContracts(db: Db, at: Date, after: string | null, limit: number) {
  const rows = await db
    .selectDistinct({ id: timeEntries.contractId })
    .from(timeEntries)
    .innerJoin(contracts, eq(contracts.id, timeEntries.contractId))
    .where(
      and(
        isInvoiceable,
        uninvoicedClosedTime(at),
        after ? gt(timeEntries.contractId, after) : undefined,
      ),
    )
    .orderBy(asc(timeEntries.contractId))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** One line's amount: minutes × hourly rate, rounded half up to the cent. */
export function lineCents(minutes: number, rateCents: number): number {
  return Math.floor((minutes * rateCents + 30) / 60);
}

/** "2 h 30 min", "45 min", "8 h". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const weekdayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' });

type Contract = typeof contracts.$inferSelect;

/**
 * Invoices one closed week of a contract (inside the contract's transaction): one line per
 * day worked (billable minutes × rate, each line rounded to the cent; the total is their
 * sum), the week's entries linked to the invoice so they never change again, both sides
 * emailed, an audit entry. A week whose time bills nothing makes no invoice.
 */
async function invoiceWeek(
  tx: Tx,
  contract: Contract & { freelancerId: string; hourlyRateCents: number },
  weekStart: string,
  at: Date,
  templates: InvoiceEmailTemplates,
): Promise<InvoiceRow | null> {
  const start = weekStartFromDate(weekStart);
  const entries = await tx
    .select({ id: timeEntries.id, startedAt: timeEntries.startedAt, endedAt: timeEntries.endedAt })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.contractId, contract.id),
        isNull(timeEntries.invoiceId),
        isNotNull(timeEntries.endedAt),
        gte(timeEntries.startedAt, start),
        lt(timeEntries.startedAt, weekEndOf(start)),
      ),
    )
    .orderBy(asc(timeEntries.startedAt));
  const rate = contract.hourlyRateCents;
  const finished = entries.flatMap((entry) =>
    entry.endedAt ? [{ ...entry, endedAt: entry.endedAt }] : [],
  );
  const days = billableDays(finished, contract.weeklyLimitHours).filter((day) => day.minutes > 0);
  if (days.length === 0) return null;
  const rateLabel = `${formatMoney(rate, contract.currency)}/h`;
  const minutes = days.reduce((sum, day) => sum + day.minutes, 0);
  const isoWeek = isoWeekOf(start);
  // A week invoiced late (the tick was not running) still gives the client a full review.
  const reviewEndsAt = new Date(
    Math.max(reviewEndsOf(start).getTime(), at.getTime() + REVIEW_LENGTH_MS),
  );
  const invoice = await issueInvoice(tx, {
    kind: 'hourly',
    contractId: contract.id,
    workspaceId: contract.workspaceId,
    freelancerId: contract.freelancerId,
    currency: contract.currency,
    feeBps: contract.feeBps,
    description: `${contract.title}, week ${isoWeek}`,
    weekStart,
    minutes,
    rateCents: rate,
    reviewEndsAt,
    lines: days.map((day) => {
      const date = new Date(`${day.workDate}T00:00:00Z`);
      return {
        description: `${weekdayFormat.format(date)}, ${formatLongDate(date)}: ${formatDuration(day.minutes)} at ${rateLabel}`,
        workDate: day.workDate,
        minutes: day.minutes,
        amountCents: lineCents(day.minutes, rate),
      };
    }),
  });
  const linked = await tx
    .update(timeEntries)
    .set({ invoiceId: invoice.id, updatedAt: now() })
    .where(
      and(
        inArray(
          timeEntries.id,
          entries.map((entry) => entry.id),
        ),
        isNull(timeEntries.invoiceId),
      ),
    )
    .returning({ id: timeEntries.id });
  if (linked.length !== entries.length) throw new Error(`Week ${isoWeek}: entries changed`);
  await emailBothSides(tx, contract, invoice, reviewEndsAt, templates);
  await recordAudit(tx, {
    actorId: null,
    action: 'invoice.issued',
    targetType: 'invoice',
    targetId: invoice.id,
    detail: `${invoice.number}: ${isoWeek}, ${formatDuration(minutes)}, ${formatMoney(invoice.grossCents, invoice.currency)}`,
  });
  return invoice;
}

function weekLabelOf(weekStart: string): string {
  const start = weekStartFromDate(weekStart);
  const sunday = new Date(start.getTime() + 6 * DAY_MS);
  return `${formatLongDate(start)} – ${formatLongDate(sunday)} (${isoWeekOf(start)})`;
}

/** Every field of the invoice email but `side`, which picks the template. */
const INVOICE_EMAIL_FIELDS = [
  'firstName',
  'otherPartyName',
  'contractTitle',
  'invoiceNumber',
  'weekLabel',
  'hours',
  'total',
  'fee',
  'net',
  'reviewEnds',
  'url',
] as const;
type InvoiceEmailField = (typeof INVOICE_EMAIL_FIELDS)[number];
type InvoiceEmailSide = InvoiceIssuedEmailProps['side'];

/** The invoice email of each side, rendered once and filled in per invoice (mail merge). */
export type InvoiceEmailTemplates = () => Promise<
  Record<InvoiceEmailSide, MergeTemplate<InvoiceEmailField>>
>;

/**
 * Renders the two invoice emails the first time they are asked for, once per tick: a React
 * render takes 5–30 ms and the tick sends two per invoice, 20,000 for the 10,000 contracts
 * of `npm run bench:tick` (lib/email/merge.ts; merge.test.ts checks a fill equals a render).
 */
export function invoiceEmailTemplates(): InvoiceEmailTemplates {
  let rendered: ReturnType<InvoiceEmailTemplates> | undefined;
  const renderSide = (side: InvoiceEmailSide) =>
    renderMergeTemplate(INVOICE_EMAIL_FIELDS, (marks) =>
      createElement(InvoiceIssuedEmail, { ...marks, side }),
    );
  return () => {
    rendered ??= Promise.all([renderSide('client'), renderSide('freelancer')]).then(
      ([client, freelancer]) => ({ client, freelancer }),
    );
    return rendered;
  };
}

async function emailBothSides(
  tx: Tx,
  contract: Contract & { freelancerId: string },
  invoice: InvoiceRow,
  reviewEndsAt: Date,
  templates: InvoiceEmailTemplates,
): Promise<void> {
  const [client] = await tx
    .select({ email: users.email, name: users.name, workspaceName: clientWorkspaces.name })
    .from(clientWorkspaces)
    .innerJoin(users, eq(users.id, clientWorkspaces.ownerId))
    .where(eq(clientWorkspaces.id, contract.workspaceId));
  const [freelancer] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, contract.freelancerId));
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const common = {
    contractTitle: contract.title,
    invoiceNumber: invoice.number,
    weekLabel: weekLabelOf(invoice.weekStart!),
    hours: `${(invoice.minutes! / 60).toFixed(2).replace(/\.?0+$/, '')} hours`,
    total: money(invoice.grossCents),
    fee: money(invoice.feeCents),
    net: money(invoice.netCents),
    reviewEnds: formatDateAndTime(new Date(reviewEndsAt.getTime() - 60_000)),
    url: new URL(`/invoices/${invoice.id}`, getEnv().APP_URL).toString(),
  };
  const firstNameOf = (name: string | null) => name?.split(' ')[0] || 'there';
  const sides = [
    {
      side: 'client' as const,
      to: client.email,
      fields: {
        ...common,
        firstName: firstNameOf(client.name),
        otherPartyName: freelancer.name || 'Your freelancer',
      },
    },
    {
      side: 'freelancer' as const,
      to: freelancer.email,
      fields: {
        ...common,
        firstName: firstNameOf(freelancer.name),
        otherPartyName: client.workspaceName,
      },
    },
  ];
  const template = await templates();
  await enqueueRenderedEmails(
    tx,
    sides.map(({ side, to, fields }) => ({
      to,
      template: `invoice-issued-${side}`,
      subject: invoiceIssuedSubject(fields),
      ...fillMergeTemplate(template[side], fields),
    })),
    'bulk',
  );
}

/**
 * Invoices every closed, un-invoiced week of one contract inside `tx`, holding the contract
 * row (FOR NO KEY UPDATE, which diary inserts do not wait for). A contract another worker
 * holds is skipped (SKIP LOCKED): that worker invoices it. The freelancer's time lock (the
 * diary's) is taken too. Returns the new invoices.
 */
async function invoiceContractWeeks(
  tx: Tx,
  contractId: string,
  at: Date,
  templates: InvoiceEmailTemplates,
): Promise<InvoiceRow[]> {
  const [contract] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, contractId), isInvoiceable))
    .for('no key update', { skipLocked: true });
  if (!contract?.freelancerId || contract.hourlyRateCents === null) return [];
  // The diary writes a freelancer's time under this lock: an edit racing the deadline
  // either lands before the week is read or is refused after it is invoiced.
  await lockFreelancerTime(tx, contract.freelancerId);
  const weeks = await tx
    .selectDistinct({ weekStart: sql<string>`${weekOfEntry}::text` })
    .from(timeEntries)
    .where(and(eq(timeEntries.contractId, contractId), uninvoicedClosedTime(at)));
  const issued: InvoiceRow[] = [];
  for (const { weekStart } of weeks.sort((a, b) => a.weekStart.localeCompare(b.weekStart))) {
    const invoice = await invoiceWeek(
      tx,
      {
        ...contract,
        freelancerId: contract.freelancerId,
        hourlyRateCents: contract.hourlyRateCents,
      },
      weekStart,
      at,
      templates,
    );
    if (invoice) issued.push(invoice);
  }
  return issued;
}

/**
 * Invoices every closed, un-invoiced week of one contract in a transaction of its own.
 * Returns the new invoices; their charges are asked for after commit (a provider call never
 * runs inside a transaction).
 */
export async function invoiceClosedWeeks(
  db: Db,
  contractId: string,
  at: Date,
  templates: InvoiceEmailTemplates = invoiceEmailTemplates(),
): Promise<InvoiceRow[]> {
  return db.transaction((tx) => invoiceContractWeeks(tx, contractId, at, templates));
}

/**
 * Invoices a batch of contracts in one transaction, each under a savepoint of its own
 * (`tx.transaction` nests as one): a contract's error rolls back that contract alone and is
 * logged for the next tick, and the batch commits once instead of once per contract (the
 * commits were a large part of `npm run bench:tick`). Returns the batch's new invoices.
 */
async function invoiceContracts(
  db: Db,
  contractIds: string[],
  at: Date,
  templates: InvoiceEmailTemplates,
  onContractDone: () => void,
): Promise<InvoiceRow[]> {
  return db.transaction(async (tx) => {
    const issued: InvoiceRow[] = [];
    for (const contractId of contractIds) {
      try {
        issued.push(
          ...(await tx.transaction((savepoint) =>
            invoiceContractWeeks(savepoint, contractId, at, templates),
          )),
        );
      } catch (error) {
        console.error(`[tick] invoicing contract ${contractId} failed:`, (error as Error).message);
      }
      onContractDone();
    }
    return issued;
  });
}

/**
 * Asks for the invoice's charge under the week's key (a replay answers the charge already
 * made) and remembers it on the invoice. Without a billing method nothing is charged: the
 * invoice stays awaiting_payment and is asked for again by the next tick.
 */
async function chargeInvoice(db: Db, provider: PaymentProvider, invoice: InvoiceRow) {
  const result = await requestCharge(db, provider, HOOKS, {
    workspaceId: invoice.workspaceId,
    amountCents: invoice.grossCents,
    currency: invoice.currency,
    idempotencyKey: hourlyChargeKeyOf(invoice),
    sourceType: HOURLY_INVOICE_SOURCE,
    sourceId: invoice.id,
  });
  if (!result.ok) {
    if (result.reason === 'key-reused') {
      console.error(`[tick] invoice ${invoice.id}: its charge key is taken by another charge`);
    }
    return false;
  }
  await db
    .update(invoices)
    .set({ chargeId: result.charge.id, updatedAt: now() })
    .where(and(eq(invoices.id, invoice.id), isNull(invoices.chargeId)));
  return true;
}

/**
 * Hourly invoices awaiting payment with no charge yet: the client had no billing method
 * when they were issued (they are charged once one is added, on the next tick), or the
 * process stopped between issuing and charging. Returns how many charges were asked for.
 */
async function chargeUnchargedInvoices(
  db: Db,
  at: Date,
  provider: PaymentProvider,
  batchSize: number,
): Promise<number> {
  let charged = 0;
  let after: string | null = null;
  for (;;) {
    const batch: InvoiceRow[] = await db
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.kind, 'hourly'),
          eq(invoices.paymentStatus, 'awaiting_payment'),
          isNull(invoices.chargeId),
          lte(invoices.issuedAt, at),
          after ? gt(invoices.id, after) : undefined,
        ),
      )
      .orderBy(asc(invoices.id))
      .limit(batchSize);
    for (const invoice of batch) {
      try {
        if (await chargeInvoice(db, provider, invoice)) charged += 1;
      } catch (error) {
        console.error(`[tick] charging invoice ${invoice.id} failed:`, (error as Error).message);
      }
    }
    if (batch.length < batchSize) return charged;
    after = batch[batch.length - 1].id;
  }
}

/**
 * The tick's "close weeks" step (SPEC 4.C, Monday 12:00 UTC): every active hourly contract
 * with time in a closed week that has no invoice is invoiced for that week and the client
 * is charged; first, invoices still waiting for their charge are charged. Contracts go in
 * batches, one transaction each; several workers may run it at once (SKIP LOCKED, and the
 * unique hourly week index as the last line of defence). One contract's error is logged and
 * left for the next tick. Returns the invoices issued plus the charges asked for.
 */
export async function issueDueInvoices(
  db: Db,
  at: Date = now(),
  options: IssueDueInvoicesOptions = {},
): Promise<number> {
  const provider = options.provider ?? selectPaymentProvider(db);
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.chargeConcurrency ?? CHARGE_CONCURRENCY;
  const log = options.log ?? ((line: string) => console.info(line));
  const charged = await chargeUnchargedInvoices(db, at, provider, batchSize);
  const total = await countDueContracts(db, at);
  if (total > 0) log(`[tick] issueDueInvoices: ${total} contract(s) to invoice`);
  let done = 0;
  let issued = 0;
  let after: string | null = null;
  const templates = invoiceEmailTemplates();
  for (;;) {
    const batch = await findDueContracts(db, at, after, batchSize);
    const invoices = await invoiceContracts(db, batch, at, templates, () => {
      done += 1;
      options.onProgress?.(done, total);
    });
    issued += invoices.length;
    await forEachConcurrently(invoices, concurrency, async (invoice) => {
      try {
        await chargeInvoice(db, provider, invoice);
      } catch (error) {
        console.error(`[tick] charging invoice ${invoice.id} failed:`, (error as Error).message);
      }
    });
    if (batch.length > 0) log(`[tick] issueDueInvoices: ${done}/${total} contract(s) done`);
    if (batch.length < batchSize) return issued + charged;
    after = batch[batch.length - 1];
  }
}
