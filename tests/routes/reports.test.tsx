import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { inArray } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { createSession } from '@/lib/auth/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { issueInvoice } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { earningsBy, totalsOf } from '@/lib/reports/earnings';
import { parsePeriod } from '@/lib/reports/period';
import { spendingBy } from '@/lib/reports/spending';
import { makeClient, makeContract, makeFreelancer } from '@/lib/test-hooks/factories';
import { makeInvoice, type MadeInvoice } from '@/lib/test-hooks/invoice-factory';
import {
  clientRequestSchema,
  contractRequestSchema,
  freelancerRequestSchema,
} from '@/lib/test-hooks/schemas';
import { createTestDatabase } from '@/tests/helpers/db';
import { pdfText } from '@/tests/helpers/pdf-text';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';

/*
 * Issue 17 part 5: the freelancer's earnings reports (week, month, client; CSV; the
 * certificate of earnings PDF) and the client's spending reports (contract, week; CSV).
 * The figures are the ledger's and the stored invoices', and nobody sees another's.
 */
installRequestMocks();
const { GET: earningsExport } = await import('@/app/(app)/earnings/reports/export/route');
const { GET: certificateRoute } = await import('@/app/(app)/earnings/reports/certificate/route');
const { GET: spendingExport } = await import('@/app/(app)/client/reports/export/route');
const { default: EarningsReportsPage } = await import('@/app/(app)/earnings/reports/page');
const { default: ClientReportsPage } = await import('@/app/(app)/client/reports/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const OCTOBER = new Date('2026-10-14T10:00:00Z'); // a Wednesday of 2026-W42
const DECEMBER = new Date('2026-12-02T15:00:00Z'); // a Wednesday of 2026-W49

type Person = { userId: string; email: string };
let clientA: Person & { workspaceId: string };
let clientB: Person & { workspaceId: string };
let freelancer: Person;
let other: Person;
let contractA: string;
let contractB: string;
let contractOther: string;
/** Released to the freelancer: October on A, December on A and on B. */
let octA: MadeInvoice;
let decA: MadeInvoice;
let decB: MadeInvoice;
/** Charged on A, still in review: the client spent it, the freelancer has not earned it. */
let inReviewA: MadeInvoice;
/** Another freelancer's release on a second contract of client A. */
let otherRelease: MadeInvoice;
const CREDIT_CENTS = 10_000;

const EVIL_CLIENT = '=Evil "Co"';
const EVIL_TITLE = '=SUM(1,2) "quoted"';

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  clock = useFakeClock(OCTOBER);
  const made = await makeFreelancer(db, freelancerRequestSchema.parse({ kind: 'freelancer' }));
  clientA = made.client;
  freelancer = { userId: made.userId!, email: made.email };
  contractA = made.contractId;
  octA = await makeInvoice(db, {
    kind: 'invoice',
    contractId: contractA,
    weeksAgo: 1,
    stage: 'pending',
  });

  clock.set(DECEMBER);
  decA = await makeInvoice(db, {
    kind: 'invoice',
    contractId: contractA,
    weeksAgo: 2,
    stage: 'pending',
  });
  inReviewA = await makeInvoice(db, {
    kind: 'invoice',
    contractId: contractA,
    weeksAgo: 1,
    stage: 'in_review',
  });
  const b = await makeClient(
    db,
    clientRequestSchema.parse({ kind: 'client', workspaceName: EVIL_CLIENT }),
  );
  clientB = b;
  contractB = (
    await makeContract(
      db,
      contractRequestSchema.parse({
        kind: 'contract',
        clientEmail: b.email,
        freelancerEmail: freelancer.email,
        title: EVIL_TITLE,
      }),
    )
  ).contractId;
  decB = await makeInvoice(db, {
    kind: 'invoice',
    contractId: contractB,
    weeksAgo: 3,
    stage: 'pending',
  });

  const elsewhere = await makeFreelancer(
    db,
    freelancerRequestSchema.parse({ kind: 'freelancer', clientEmail: clientA.email }),
  );
  other = { userId: elsewhere.userId!, email: elsewhere.email };
  contractOther = elsewhere.contractId;
  otherRelease = await makeInvoice(db, {
    kind: 'invoice',
    contractId: contractOther,
    weeksAgo: 2,
    stage: 'pending',
  });

  // A refund of part of October's invoice, as a credit note (settled when issued).
  await db.transaction((tx) =>
    issueInvoice(tx, {
      kind: 'credit_note',
      contractId: contractA,
      workspaceId: clientA.workspaceId,
      freelancerId: freelancer.userId,
      currency: 'USD',
      feeBps: 1000,
      creditsInvoiceId: octA.invoiceId,
      paymentStatus: 'paid',
      lines: [{ description: 'Refund of disputed hours', amountCents: CREDIT_CENTS }],
    }),
  );
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

const year = () => parsePeriod({ from: '2026-01', to: '2026-12' });
const YEAR = () => {
  const parsed = year();
  if (!parsed.ok) throw new Error('the year is a valid period');
  return parsed.period;
};
const sum = (rows: MadeInvoice[], field: 'grossCents' | 'feeCents' | 'netCents') =>
  rows.reduce((total, r) => total + r[field], 0);
const figures = (r: { grossCents: number; feeCents: number; netCents: number }) => [
  r.grossCents,
  r.feeCents,
  r.netCents,
];
const invoiceFigures = (rows: MadeInvoice[]) => [
  sum(rows, 'grossCents'),
  sum(rows, 'feeCents'),
  sum(rows, 'netCents'),
];

async function signIn(person: Person | null) {
  startRequest(person ? (await createSession(database.db, person.userId)).token : null);
}

const get = (route: (request: Request) => Promise<Response>, path: string) =>
  route(new Request(`http://localhost${path}`));

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

async function render(page: () => Promise<ReactElement>): Promise<string> {
  return textOf(renderToStaticMarkup(await page()));
}

const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

describe("the freelancer's earnings", () => {
  it('by month, week and client are the released invoices’ stored figures, and add up to the ledger', async () => {
    const db = database.db;
    const byMonth = await earningsBy(db, freelancer.userId, YEAR(), 'month');
    expect(byMonth.map((r) => [r.label, ...figures(r)])).toEqual([
      ['2026-10', ...invoiceFigures([octA])],
      ['2026-12', ...invoiceFigures([decA, decB])],
    ]);
    const byWeek = await earningsBy(db, freelancer.userId, YEAR(), 'week');
    expect(byWeek.map((r) => [r.label, r.key, r.netCents])).toEqual([
      ['2026-W42', '2026-10-12', octA.netCents],
      ['2026-W49', '2026-11-30', decA.netCents + decB.netCents],
    ]);
    const byClient = await earningsBy(db, freelancer.userId, YEAR(), 'client');
    expect(byClient.map((r) => [r.label, ...figures(r)])).toEqual([
      [EVIL_CLIENT, ...invoiceFigures([decB])],
      ['Acme Studio', ...invoiceFigures([octA, decA])],
    ]);
    // Nothing has become available yet: every net released is still in pending.
    const [total] = totalsOf(byClient);
    expect(total.netCents).toBe(await balanceOf(db, accounts.pending(freelancer.userId)));
    expect(totalsOf(byWeek)).toEqual(totalsOf(byMonth));
    // The week still in review is not earned; the other freelancer's release is not theirs.
    expect(total.grossCents).toBe(sum([octA, decA, decB], 'grossCents'));
    const otherRows = await earningsBy(db, other.userId, YEAR(), 'client');
    expect(otherRows.map((r) => [r.label, r.netCents])).toEqual([
      ['Acme Studio', otherRelease.netCents],
    ]);
  });

  it('counts only the months asked for', async () => {
    const parsed = parsePeriod({ from: '2026-11', to: '2026-12' });
    expect(parsed.ok).toBe(true);
    const rows = await earningsBy(database.db, freelancer.userId, parsed.period, 'month');
    expect(rows.map((r) => r.label)).toEqual(['2026-12']);
    const none = parsePeriod({ from: '2026-11', to: '2026-11' });
    expect(await earningsBy(database.db, freelancer.userId, none.period, 'week')).toEqual([]);
  });
});

describe("the client's spending", () => {
  it('is the gross of every paid invoice less the credit notes, by contract and by week', async () => {
    const db = database.db;
    const byContract = await spendingBy(db, clientA.workspaceId, YEAR(), 'contract');
    const mine = [octA, decA, inReviewA];
    const expected = [
      [contractA, sum(mine, 'grossCents'), CREDIT_CENTS, sum(mine, 'grossCents') - CREDIT_CENTS],
      [contractOther, otherRelease.grossCents, 0, otherRelease.grossCents],
    ].sort();
    expect(
      byContract.map((r) => [r.key, r.chargedCents, r.refundedCents, r.spentCents]).sort(),
    ).toEqual(expected);
    // The same as the stored invoices, summed independently.
    const stored = await db
      .select()
      .from(invoices)
      .where(inArray(invoices.contractId, [contractA, contractOther]));
    const signed = stored.reduce(
      (total, i) =>
        i.paymentStatus !== 'paid'
          ? total
          : total + (i.kind === 'credit_note' ? -1 : 1) * i.grossCents,
      0,
    );
    expect(byContract.reduce((total, r) => total + r.spentCents, 0)).toBe(signed);

    const byWeek = await spendingBy(db, clientA.workspaceId, YEAR(), 'week');
    expect(byWeek.map((r) => [r.label, r.chargedCents, r.refundedCents])).toEqual([
      ['2026-W42', octA.grossCents, 0],
      ['2026-W49', decA.grossCents + inReviewA.grossCents + otherRelease.grossCents, CREDIT_CENTS],
    ]);
  });

  it("never shows another workspace's contracts", async () => {
    const rows = await spendingBy(database.db, clientB.workspaceId, YEAR(), 'contract');
    expect(rows.map((r) => [r.key, r.label, r.spentCents])).toEqual([
      [contractB, EVIL_TITLE, decB.grossCents],
    ]);
  });
});

describe('the CSV exports', () => {
  it('give the freelancer their own table, with the columns named and text escaped', async () => {
    await signIn(freelancer);
    const response = await get(
      earningsExport,
      '/earnings/reports/export?by=client&from=2026-01&to=2026-12',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('"Client","Gross","Fee","Net","Currency"');
    // A leading = is defused and quotes doubled (RFC 4180).
    expect(lines[1]).toBe(
      `"'=Evil ""Co""","${(decB.grossCents / 100).toFixed(2)}","${(decB.feeCents / 100).toFixed(2)}","${(decB.netCents / 100).toFixed(2)}","USD"`,
    );
    expect(lines[2]).toMatch(/^"Acme Studio",/);
    expect(lines).toHaveLength(4); // header, two rows, the final CRLF

    const weeks = await (
      await get(earningsExport, '/earnings/reports/export?by=week&from=2026-01&to=2026-12')
    ).text();
    expect(weeks.split('\r\n')[0]).toBe(
      '"Week (ISO, UTC)","Week starts (Monday)","Gross","Fee","Net","Currency"',
    );
    expect(weeks).toContain('"2026-W42","2026-10-12",');
  });

  it("refuse anyone else, and a table or period they don't know", async () => {
    await signIn(other);
    const theirs = await (
      await get(earningsExport, '/earnings/reports/export?by=client&from=2026-01&to=2026-12')
    ).text();
    expect(theirs).not.toContain('Evil');
    expect(theirs).toContain(`"${(otherRelease.netCents / 100).toFixed(2)}"`);
    await signIn(null);
    expect((await get(earningsExport, '/earnings/reports/export?by=client')).status).toBe(404);
    await signIn(clientB);
    expect((await get(earningsExport, '/earnings/reports/export?by=client')).status).toBe(404);
    await signIn(freelancer);
    expect((await get(earningsExport, '/earnings/reports/export?by=ledger')).status).toBe(400);
    expect(
      (await get(earningsExport, '/earnings/reports/export?by=week&from=2026-12&to=2026-01'))
        .status,
    ).toBe(400);
    expect((await get(spendingExport, '/client/reports/export?by=contract')).status).toBe(404);
  });

  it("give the client their workspace's spending only", async () => {
    await signIn(clientB);
    const response = await get(
      spendingExport,
      '/client/reports/export?by=contract&from=2026-01&to=2026-12',
    );
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('"Contract","Charged","Refunded","Spent","Currency"');
    const gross = (decB.grossCents / 100).toFixed(2);
    expect(lines[1]).toBe(`"'=SUM(1,2) ""quoted""","${gross}","0.00","${gross}","USD"`);
    expect(lines).toHaveLength(3);
  });
});

describe('the certificate of earnings', () => {
  it('is a PDF of the net by client and in all, for the signed-in freelancer only', async () => {
    await signIn(freelancer);
    const response = await get(
      certificateRoute,
      '/earnings/reports/certificate?from=2026-01&to=2026-12',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    const net = sum([octA, decA, decB], 'netCents');
    expect(text).toContain('Certificate of earnings');
    expect(text).toContain('Alex Kim');
    expect(text).toContain('January 2026 to December 2026');
    expect(text).toContain(usd(sum([octA, decA], 'netCents')));
    expect(text).toContain(usd(decB.netCents));
    expect(text).toContain(usd(net));
    expect(text).toContain('December 2, 2026');
    expect(text).toMatch(/certifies that Alex Kim earned/);
    await signIn(null);
    expect((await get(certificateRoute, '/earnings/reports/certificate')).status).toBe(404);
  });
});

describe('the report pages', () => {
  it('show the totals for the period and a specific message for a bad month', async () => {
    await signIn(freelancer);
    const page = await render(() =>
      EarningsReportsPage({ searchParams: Promise.resolve({ from: '2026-01', to: '2026-12' }) }),
    );
    expect(page).toContain(`${usd(sum([octA, decA, decB], 'netCents'))} net after`);
    expect(page).toContain('2026-W49 (from 2026-11-30)');
    const bad = await render(() =>
      EarningsReportsPage({ searchParams: Promise.resolve({ from: 'last year' }) }),
    );
    expect(bad).toContain('Enter the first month as YYYY-MM');
    expect(bad).toContain('shows the last 12 months');

    await signIn(clientA);
    const spending = await render(() => ClientReportsPage({ searchParams: Promise.resolve({}) }));
    const charged = sum([octA, decA, inReviewA, otherRelease], 'grossCents');
    expect(spending).toContain(`${usd(charged - CREDIT_CENTS)} spent`);
    expect(spending).not.toContain(EVIL_TITLE);
  });
});
