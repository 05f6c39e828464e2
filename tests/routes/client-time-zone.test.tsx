import type { ReactElement } from 'react';
import { eq } from 'drizzle-orm';
import { clientWorkspaces, disputes, milestoneEvents, timeEntries } from '@/db/schema';
import { setWorkspaceTimeZone } from '@/lib/accounts/service';
import { createSession } from '@/lib/auth/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { makeFixedContract, makeFreelancer } from '@/lib/test-hooks/factories';
import { makeInvoice, type MadeInvoice } from '@/lib/test-hooks/invoice-factory';
import { fixedContractRequestSchema, freelancerRequestSchema } from '@/lib/test-hooks/schemas';
import { createTestDatabase } from '@/tests/helpers/db';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { pageOutcome } from '@/tests/helpers/page-outcome';

/*
 * Issue 15 item 6, each side in its own zone: a client whose workspace is in New York reads
 * the contract, invoice, review and dispute pages in New York time with UTC beside it, while
 * the freelancer (Tokyo) reads the same moments in Tokyo time.
 */
installRequestMocks();
const { default: ContractPage } = await import('@/app/(app)/contracts/[id]/page');
const { default: InvoicePage } = await import('@/app/(app)/invoices/[id]/page');
const { default: ReviewPage } =
  await import('@/app/(app)/contracts/[id]/invoices/[invoiceId]/review/page');
const { default: DisputePage } =
  await import('@/app/(app)/contracts/[id]/disputes/[disputeId]/page');
const { default: AccountPage } = await import('@/app/(app)/settings/account/page');
const { default: DiaryPage } = await import('@/app/(app)/contracts/[id]/diary/page');
const { default: MilestonePage } =
  await import('@/app/(app)/contracts/[id]/milestones/[milestoneId]/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
// A Wednesday: last week (Nov 23–29) is invoiced and in review until Saturday Dec 5 00:00 UTC.
const WEDNESDAY = new Date('2026-12-02T15:00:00Z');

type Person = { userId: string; email: string };
let client: Person & { workspaceId: string };
let freelancer: Person;
let contractId: string;
let invoice: MadeInvoice;
let disputeId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  clock = useFakeClock(WEDNESDAY);
  const made = await makeFreelancer(
    database.db,
    freelancerRequestSchema.parse({ kind: 'freelancer', timeZone: 'Asia/Tokyo' }),
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
  // The invoice factory bills lines only: one entry of the invoiced week for the review page.
  await database.db.insert(timeEntries).values({
    contractId,
    freelancerId: freelancer.userId,
    kind: 'tracked',
    memo: 'Design review',
    startedAt: new Date('2026-11-23T14:00:00Z'),
    endedAt: new Date('2026-11-23T16:30:00Z'),
    invoiceId: invoice.invoiceId,
  });
  expect(
    await setWorkspaceTimeZone(database.db, client.workspaceId, { timeZone: 'America/New_York' }),
  ).toBe(true);
  const [dispute] = await database.db
    .insert(disputes)
    .values({
      invoiceId: invoice.invoiceId,
      contractId,
      openedBy: client.userId,
      reason: 'The call was not agreed',
      disputedCents: 5_000,
      status: 'awaiting_ops',
      answerDueAt: new Date('2026-12-07T15:00:00Z'),
      opsDueAt: new Date('2026-12-10T17:00:00Z'),
    })
    .returning({ id: disputes.id });
  disputeId = dispute.id;
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

async function signIn(person: Person) {
  startRequest((await createSession(database.db, person.userId)).token);
}

const render = async (page: () => Promise<ReactElement>) => textOf(await pageOutcome(page));

const contractPage = () => ContractPage({ params: Promise.resolve({ id: contractId }) });
const invoicePage = () => InvoicePage({ params: Promise.resolve({ id: invoice.invoiceId }) });
const reviewPage = () =>
  ReviewPage({
    params: Promise.resolve({ id: contractId, invoiceId: invoice.invoiceId }),
    searchParams: Promise.resolve({}),
  });
const disputePage = () =>
  DisputePage({
    params: Promise.resolve({ id: contractId, disputeId }),
    searchParams: Promise.resolve({}),
  });

const diaryPage = () =>
  DiaryPage({
    params: Promise.resolve({ id: contractId }),
    searchParams: Promise.resolve({ week: '2026-11-23' }),
  });

const NEW_YORK = 'New York time (America/New_York)';

describe("the client's pages, in the workspace's zone with UTC beside it", () => {
  it('the contract page: the week and the review deadline', async () => {
    await signIn(client);
    const page = await render(contractPage);
    // This week starts Sunday 19:00 in New York, Monday 00:00 UTC.
    expect(page).toContain(
      `From November 29, 2026, 19:00 ${NEW_YORK} (November 30, 2026, 00:00 UTC)`,
    );
    expect(page).toContain(
      `review ends December 4, 2026, 19:00 ${NEW_YORK} (December 5, 2026, 00:00 UTC)`,
    );
    expect(page).not.toContain('Tokyo');
  });

  it('the invoice page: where the money is', async () => {
    await signIn(client);
    const page = await render(invoicePage);
    expect(page).toContain(
      `In your review until December 4, 2026, 19:00 ${NEW_YORK} (December 5, 2026, 00:00 UTC)`,
    );
    expect(page).toContain(`In your time: November 22, 2026, 19:00 ${NEW_YORK}`);
  });

  it("the review page: the deadline and each entry's time", async () => {
    await signIn(client);
    const page = await render(reviewPage);
    expect(page).toContain(
      `Review until December 4, 2026, 18:59 ${NEW_YORK} (December 4, 2026, 23:59 UTC)`,
    );
    expect(page).toContain(
      '14:00–16:30 UTC (09:00–11:30 New York time (America/New_York, EST)), 2.50 h',
    );
  });

  it("the dispute page: ops' deadline", async () => {
    await signIn(client);
    const page = await render(disputePage);
    expect(page).toContain(
      `decides by December 10, 2026, 12:00 ${NEW_YORK} (December 10, 2026, 17:00 UTC)`,
    );
  });

  it("the work diary (read-only): each entry's UTC time with New York time beside it", async () => {
    await signIn(client);
    const page = await render(diaryPage);
    expect(page).toContain('Times also in America/New_York');
    expect(page).toContain('09:00–11:30 New York time (America/New_York, EST)');
    expect(page).not.toContain('Tokyo');
  });

  it('Settings → Account names the zone and preselects it', async () => {
    await signIn(client);
    const html = await pageOutcome(() => AccountPage({ searchParams: Promise.resolve({}) }));
    expect(textOf(html)).toContain(
      'times on your client pages are shown in America/New_York, with UTC beside them',
    );
    expect(html).toMatch(/<option value="America\/New_York" selected="">/);
  });
});

describe("the freelancer's pages stay in the profile's zone", () => {
  it('reads the same moments in Tokyo time, never New York', async () => {
    await signIn(freelancer);
    const contract = await render(contractPage);
    // Monday 00:00 UTC is Monday 09:00 in Tokyo.
    expect(contract).toContain(
      'From November 30, 2026, 09:00 Tokyo time (Asia/Tokyo) (November 30, 2026, 00:00 UTC)',
    );
    const dispute = await render(disputePage);
    expect(dispute).toContain(
      'decides by December 11, 2026, 02:00 Tokyo time (Asia/Tokyo) (December 10, 2026, 17:00 UTC)',
    );
    const diary = await render(diaryPage);
    expect(diary).toContain('23:00–Nov 24 01:30 Tokyo time (Asia/Tokyo, GMT+9)');
    for (const page of [contract, dispute, diary, await render(invoicePage)]) {
      expect(page).not.toContain('New York');
    }
  });

  it('a workspace back on UTC shows UTC alone', async () => {
    await database.db
      .update(clientWorkspaces)
      .set({ timeZone: 'UTC' })
      .where(eq(clientWorkspaces.id, client.workspaceId));
    try {
      await signIn(client);
      const page = await render(contractPage);
      expect(page).toContain('From November 30, 2026, 00:00 UTC to');
      expect(page).not.toContain('New York');
    } finally {
      await setWorkspaceTimeZone(database.db, client.workspaceId, {
        timeZone: 'America/New_York',
      });
    }
  });
});

describe('the milestone page, each side in its own zone', () => {
  it("dates the history in the client's zone for the client, the profile's for the freelancer", async () => {
    const fixed = await makeFixedContract(
      database.db,
      fixedContractRequestSchema.parse({
        kind: 'fixed-contract',
        clientEmail: client.email,
        timeZone: 'Asia/Tokyo',
      }),
    );
    const [milestoneId] = fixed.milestoneIds;
    await database.db.insert(milestoneEvents).values({
      milestoneId,
      type: 'funding_requested',
      actorId: client.userId,
      createdAt: new Date('2026-12-01T17:00:00Z'),
    });
    const milestonePage = () =>
      MilestonePage({
        params: Promise.resolve({ id: fixed.contractId, milestoneId }),
        searchParams: Promise.resolve({}),
      });
    await signIn(client);
    expect(await render(milestonePage)).toContain(`December 1, 2026 at 12:00 PM ${NEW_YORK}`);
    await signIn(fixed.freelancer);
    expect(await render(milestonePage)).toContain(
      'December 2, 2026 at 2:00 AM Tokyo time (Asia/Tokyo)',
    );
  });
});
