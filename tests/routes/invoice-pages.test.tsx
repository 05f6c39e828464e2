import { renderToBuffer } from '@react-pdf/renderer';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { eq } from 'drizzle-orm';
import { contracts, disputes, milestoneStates, timeEntries, users } from '@/db/schema';
import { createSession } from '@/lib/auth/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { makeClient, makeFixedContract, makeFreelancer } from '@/lib/test-hooks/factories';
import { makeInvoice, type MadeInvoice } from '@/lib/test-hooks/invoice-factory';
import {
  clientRequestSchema,
  fixedContractRequestSchema,
  freelancerRequestSchema,
} from '@/lib/test-hooks/schemas';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';
import { pdfText } from '@/tests/helpers/pdf-text';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { pageOutcome } from '@/tests/helpers/page-outcome';

/*
 * Issue 15 items 3 and 6: the invoice page and its PDF, and the contract page, for the
 * contract's client, its freelancer and ops; anyone else gets the 404 of an unknown id.
 * The page, the PDF and the ledger show the same cents.
 */
installRequestMocks();
const { default: InvoicePage } = await import('@/app/(app)/invoices/[id]/page');
const { GET: invoicePdfRoute } = await import('@/app/(app)/invoices/[id]/pdf/route');
const { default: ContractPage } = await import('@/app/(app)/contracts/[id]/page');
const { invoicePdf } = await import('@/app/(app)/invoices/[id]/pdf/invoice-pdf');
const { invoiceDocument } = await import('@/lib/invoices/document');
const { moneyStateOf } = await import('@/lib/invoices/money-state');
const { findInvoiceForViewer } = await import('@/lib/invoices/queries');
const { endContract } = await import('@/lib/contract-ending/service');
const { default: EndContractPage } = await import('@/app/(app)/contracts/[id]/end/page');

let statements = 0;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
// A Wednesday: last week (Nov 23–29) is invoiced and in review until Saturday Dec 5.
const WEDNESDAY = new Date('2026-12-02T15:00:00Z');

type Person = { userId: string; email: string };
let client: Person & { workspaceId: string };
let freelancer: Person;
let contractId: string;
let invoice: MadeInvoice;
let otherClient: Person;
let otherFreelancer: Person;
let ops: Person;

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: () => (statements += 1) });
  clock = useFakeClock(WEDNESDAY);
  const made = await makeFreelancer(
    database.db,
    freelancerRequestSchema.parse({ kind: 'freelancer', timeZone: 'America/New_York' }),
  );
  client = made.client;
  freelancer = { userId: made.userId!, email: made.email };
  contractId = made.contractId;
  invoice = await makeInvoice(database.db, {
    kind: 'invoice',
    contractId,
    weeksAgo: 1,
    stage: 'in_review',
  });
  // This week: 12 h on Monday and 10 h on Tuesday, over the offer's 20-hour limit.
  await database.db.insert(timeEntries).values([
    {
      contractId,
      freelancerId: freelancer.userId,
      kind: 'tracked',
      startedAt: new Date('2026-11-30T08:00:00Z'),
      endedAt: new Date('2026-11-30T20:00:00Z'),
    },
    {
      contractId,
      freelancerId: freelancer.userId,
      kind: 'manual',
      startedAt: new Date('2026-12-01T09:00:00Z'),
      endedAt: new Date('2026-12-01T19:00:00Z'),
    },
  ]);
  const stranger = await makeClient(
    database.db,
    clientRequestSchema.parse({ kind: 'client', workspaceName: 'Other Co' }),
  );
  otherClient = stranger;
  const elsewhere = await makeFreelancer(
    database.db,
    freelancerRequestSchema.parse({ kind: 'freelancer' }),
  );
  otherFreelancer = { userId: elsewhere.userId!, email: elsewhere.email };
  const opsEmail = uniqueEmail('ops');
  const [opsUser] = await database.db
    .insert(users)
    .values({ email: opsEmail })
    .returning({ id: users.id });
  ops = { userId: opsUser.id, email: opsEmail };
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

/** The text a person reads, one space between the parts. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

async function signIn(person: Person | null) {
  startRequest(person ? (await createSession(database.db, person.userId)).token : null);
}

/** The page's text, or 'not-found' for notFound(), or where it redirected. */
async function render(page: () => Promise<ReactElement>): Promise<string> {
  return textOf(await pageOutcome(page));
}

const invoicePage = (id: string) => () => InvoicePage({ params: Promise.resolve({ id }) });
const contractPage = (id: string) => () => ContractPage({ params: Promise.resolve({ id }) });
const pdf = (id: string) =>
  invoicePdfRoute(new Request(`http://localhost/invoices/${id}/pdf`), {
    params: Promise.resolve({ id }),
  });

const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

describe('one invoice document for the page, the PDF and the ledger', () => {
  it('shows the stored cents: lines add up to the gross, fee plus net is the gross, in_review holds it', async () => {
    const found = await findInvoiceForViewer(database.db, invoice.invoiceId, {
      userId: client.userId,
      workspaceId: client.workspaceId,
      isAdmin: false,
    });
    expect(found?.side).toBe('client');
    const doc = invoiceDocument(
      found!.invoice,
      found!.lines,
      found!.parties,
      { side: 'client', timeZone: 'UTC' },
      moneyStateOf(found!.invoice, found!.release),
    );
    // 7.5 h + 5 h + 1.5 h at the offer's $50: $700.00, the fee as issueInvoice stored it.
    expect(doc.lines.map((l) => [l.hours, l.amount])).toEqual([
      ['7.50', '$375.00'],
      ['5.00', '$250.00'],
      ['1.50', '$75.00'],
    ]);
    expect(doc.totals.grossCents).toBe(70_000);
    expect(doc.lines.reduce((sum, l) => sum + l.amountCents, 0)).toBe(doc.totals.grossCents);
    expect(doc.totals.feeCents + doc.totals.netCents).toBe(doc.totals.grossCents);
    expect(doc.totals.feeCents).toBe(invoice.feeCents);
    expect(doc.totals.netCents).toBe(invoice.netCents);
    expect(await balanceOf(database.db, accounts.inReview(contractId))).toBe(doc.totals.grossCents);
    expect(doc.period?.lines[0]).toBe(
      'Monday, November 23, 2026 to Sunday, November 29, 2026 (UTC)',
    );
    expect(doc.money).toMatch(/^In your review until December 5, 2026, 00:00 UTC\.$/);

    const text = pdfText(await renderToBuffer(invoicePdf(doc, found!.invoice.issuedAt)));
    expect(text).toContain(invoice.number);
    expect(text).toContain(usd(invoice.netCents));
    expect(text).toContain(usd(invoice.grossCents));
    expect(text).toContain('You pay');
  });
});

describe('the invoice page', () => {
  it('words the amounts for the client and the freelancer, each in their own zone', async () => {
    await signIn(client);
    const asClient = await render(invoicePage(invoice.invoiceId));
    expect(asClient).toContain(`Invoice ${invoice.number}`);
    expect(asClient).toContain(`You pay ${usd(invoice.grossCents)}`);
    expect(asClient).toContain(`Freelancer receives ${usd(invoice.netCents)}`);
    expect(asClient).toContain('Acme Studio');
    expect(asClient).toContain('Dana Lee');
    expect(asClient).toContain('Alex Kim');
    expect(asClient).toContain('Country: PT');
    // DataTable's phone labels are CSS (data-label) since 9a85c96: the row reads day, hours.
    expect(asClient).toContain('Monday, November 23, 2026 7.50');
    expect(asClient).not.toMatch(/You receive/);

    await signIn(freelancer);
    const asFreelancer = await render(invoicePage(invoice.invoiceId));
    expect(asFreelancer).toContain(`You receive ${usd(invoice.netCents)}`);
    expect(asFreelancer).toContain(`Client pays ${usd(invoice.grossCents)}`);
    // Her zone beside UTC: the review ends Friday 19:00 in New York, Saturday 00:00 UTC.
    expect(asFreelancer).toContain(
      'In the client’s review until December 4, 2026, 19:00 New York time (America/New_York) (December 5, 2026, 00:00 UTC)',
    );
    expect(asFreelancer).toContain('In your time: November 22, 2026, 19:00 New York time');
  });

  it('is the same 404 for another client, another freelancer, signed-out and unknown ids; ops may read it', async () => {
    for (const person of [otherClient, otherFreelancer]) {
      await signIn(person);
      expect(await render(invoicePage(invoice.invoiceId))).toBe('not-found');
      expect(await render(invoicePage('00000000-0000-4000-8000-000000000000'))).toBe('not-found');
      expect(await render(invoicePage('not-a-uuid'))).toBe('not-found');
    }
    await signIn(null);
    expect(await render(invoicePage(invoice.invoiceId))).toMatch(/^redirect \/sign-in/);
    await withEnv({ ADMIN_EMAILS: ops.email }, async () => {
      await signIn(ops);
      const asOps = await render(invoicePage(invoice.invoiceId));
      expect(asOps).toContain(`Client pays ${usd(invoice.grossCents)}`);
      expect(asOps).toContain(`Freelancer receives ${usd(invoice.netCents)}`);
    });
  });
});

describe('the PDF route', () => {
  it('answers the PDF as an attachment to the parties, with private headers', async () => {
    await signIn(freelancer);
    const response = await pdf(invoice.invoiceId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${invoice.number}.pdf"`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain(invoice.number);
    expect(text).toContain(`You receive`);
    expect(text).toContain(usd(invoice.netCents));
  });

  it('is a 404 for everyone else, signed out included', async () => {
    for (const person of [otherClient, otherFreelancer, null]) {
      await signIn(person);
      const response = await pdf(invoice.invoiceId);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toBe('Not found');
    }
  });
});

describe('the contract page', () => {
  it("shows the client this week's hours, what needs their review and the invoices, in few queries", async () => {
    await signIn(client);
    statements = 0;
    const page = await render(contractPage(contractId));
    expect(statements).toBeLessThanOrEqual(8);
    expect(page).toContain('This week (2026-W49)');
    expect(page).toContain('Hours recorded 22.00 h');
    expect(page).toContain('Billable 20.00 h');
    expect(page).toContain('Over the limit, not billed 2.00 h');
    expect(page).toContain('Needs your review');
    expect(page).toContain(`Review ${invoice.number}`);
    expect(page).toContain(`You pay ${usd(invoice.grossCents)}`);
    expect(page).toContain('Open the work diary');
    const html = renderToStaticMarkup(await contractPage(contractId)());
    expect(html).toContain(`href="/contracts/${contractId}/invoices/${invoice.invoiceId}/review"`);
    expect(html).toContain(`href="/invoices/${invoice.invoiceId}"`);
    expect(html).toContain(`href="/contracts/${contractId}/diary"`);
  });

  it('shows the freelancer what they receive and where the money is, with no review to do', async () => {
    await signIn(freelancer);
    const page = await render(contractPage(contractId));
    expect(page).toContain(`You receive ${usd(invoice.netCents)}`);
    expect(page).toContain('In the client’s review until');
    expect(page).not.toContain('Needs your review');
    // Her week starts Sunday 19:00 in New York, Monday 00:00 UTC.
    expect(page).toContain(
      'From November 29, 2026, 19:00 New York time (America/New_York) (November 30, 2026, 00:00 UTC)',
    );
  });

  it('says pending until the date once the week is released', async () => {
    const older = await makeInvoice(database.db, {
      kind: 'invoice',
      contractId,
      weeksAgo: 2,
      stage: 'pending',
    });
    await signIn(freelancer);
    const page = await render(contractPage(contractId));
    // Nov 16's week is released and available the Wednesday after its review: Dec 2 00:00
    // had passed, so the factory dates it five days on.
    expect(page).toMatch(
      new RegExp(`${older.number} Hourly week .* Released; pending until December 7, 2026`),
    );
  });

  it('lists an open dispute to both sides, linking to it, still in few queries', async () => {
    const [dispute] = await database.db
      .insert(disputes)
      .values({
        invoiceId: invoice.invoiceId,
        contractId,
        openedBy: client.userId,
        reason: 'The call was not agreed',
        disputedCents: 5_000,
        answerDueAt: new Date('2026-12-07T15:00:00Z'),
      })
      .returning();
    try {
      await signIn(client);
      statements = 0;
      const page = await render(contractPage(contractId));
      expect(statements).toBeLessThanOrEqual(8);
      expect(page).toContain(
        `Dispute on ${invoice.number} ( $50.00 ): waits for the freelancer's answer, answer due`,
      );
      await signIn(freelancer);
      const html = renderToStaticMarkup(await contractPage(contractId)());
      expect(html).toContain(`href="/contracts/${contractId}/disputes/${dispute.id}"`);
      await database.db
        .update(disputes)
        .set({ status: 'resolved', resolution: 'paid', resolvedAt: WEDNESDAY })
        .where(eq(disputes.id, dispute.id));
      expect(await render(contractPage(contractId))).not.toContain('Open disputes');
    } finally {
      await database.db.delete(disputes).where(eq(disputes.id, dispute.id));
    }
  });

  it('says milestone 1 waits for funding (fundingWaitOf) until it is in escrow', async () => {
    const fixed = await makeFixedContract(
      database.db,
      fixedContractRequestSchema.parse({ kind: 'fixed-contract' }),
    );
    await signIn(fixed.freelancer);
    statements = 0;
    const waiting = await render(contractPage(fixed.contractId));
    expect(statements).toBeLessThanOrEqual(8);
    expect(waiting).toContain('Waiting for the client to fund milestone 1.');
    expect(waiting).not.toContain('Their payment is processing.');
    // Asked for and processing: still waiting (the old "every milestone unfunded" rule
    // dropped the notice here); funded: gone.
    await database.db.insert(milestoneStates).values({
      milestoneId: fixed.milestoneIds[0],
      contractId: fixed.contractId,
      status: 'funding',
    });
    expect(await render(contractPage(fixed.contractId))).toContain(
      'Waiting for the client to fund milestone 1. Their payment is processing.',
    );
    await database.db
      .update(milestoneStates)
      .set({ status: 'funded' })
      .where(eq(milestoneStates.milestoneId, fixed.milestoneIds[0]));
    expect(await render(contractPage(fixed.contractId))).not.toContain('Waiting for the client');
  });

  it('is the same 404 for another client and another freelancer', async () => {
    for (const person of [otherClient, otherFreelancer]) {
      await signIn(person);
      expect(await render(contractPage(contractId))).toBe('not-found');
    }
  });
});

const endPage = (id: string) => () => EndContractPage({ params: Promise.resolve({ id }) });

describe('an ended contract', () => {
  it('explains the ending on GET without changing anything; only the client gets the form', async () => {
    await signIn(client);
    const page = await render(endPage(contractId));
    expect(page).toContain('What happens when you end it');
    expect(page).toContain('No new time can be logged');
    expect(page).toContain('Message to the freelancer');
    await signIn(freelancer);
    const theirs = await render(endPage(contractId));
    expect(theirs).toContain('Only the client ends a contract.');
    expect(theirs).not.toContain('Message to the freelancer');
    await signIn(otherClient);
    expect(await render(endPage(contractId))).toBe('not-found');
    const [row] = await database.db
      .select({ status: contracts.status })
      .from(contracts)
      .where(eq(contracts.id, contractId));
    expect(row.status).toBe('active');
  });

  it('offers the client "End contract" before, and shows both sides who ended it, when and why', async () => {
    await signIn(client);
    expect(await render(contractPage(contractId))).toContain('End contract');
    const ended = await endContract(database.db, {
      contractId,
      viewer: { userId: client.userId, workspaceId: client.workspaceId, isAdmin: false },
      message: 'The project is over.',
    });
    expect(ended.ok).toBe(true);
    for (const person of [client, freelancer]) {
      await signIn(person);
      statements = 0;
      const page = await render(contractPage(contractId));
      expect(statements).toBeLessThanOrEqual(8);
      expect(page).toMatch(/Ended on [A-Z][a-z]+ \d{1,2}, \d{4} by .+: The project is over\./);
      expect(page).toContain('Ended');
      expect(page).not.toContain('End contract');
    }
    await signIn(client);
    expect(await render(endPage(contractId))).toContain('This contract already ended on');
  });
});
