import { profiles } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { createSession } from '@/lib/auth/service';
import { moveProposal } from '@/lib/proposals/client';
import { submitProposal, withdrawProposal } from '@/lib/proposals/service';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { parseProposal } from '@/tests/helpers/proposal-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { pageOutcome } from '@/tests/helpers/page-outcome';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

/* Issue 18: the client's proposal pages, for the job's own workspace only. */
installRequestMocks();
installTestEncryptionKey();
const { default: JobPage } = await import('@/app/(app)/client/jobs/[id]/page');
const { default: ListPage } = await import('@/app/(app)/client/jobs/[id]/proposals/page');
const { default: DetailPage } =
  await import('@/app/(app)/client/jobs/[id]/proposals/[proposalId]/page');
const { default: OfferPage } =
  await import('@/app/(app)/client/jobs/[id]/proposals/[proposalId]/offer/page');
const { default: DeclinePage } =
  await import('@/app/(app)/client/jobs/[id]/proposals/[proposalId]/decline/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;
let clientToken: string;
let otherToken: string;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
  const other = await createClient(database.db, { workspaceName: 'Other Co' });
  clientToken = (await createSession(database.db, client.userId)).token;
  otherToken = (await createSession(database.db, other.userId)).token;
});
afterAll(() => database.dispose());

async function rendered(run: () => Promise<React.ReactElement>, token: string) {
  startRequest(token);
  return pageOutcome(run);
}

const list = (id: string, query: Record<string, string>, token: string) =>
  rendered(
    () => ListPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve(query) }),
    token,
  );
const params = (id: string, proposalId: string) => ({
  params: Promise.resolve({ id, proposalId }),
});

/** A proposal from a freelancer whose profile is private, with a title and skills. */
async function proposal(jobPostId: string, firstName: string, input = {}) {
  const f = await createFreelancer(database.db, { firstName, lastName: 'Doe' });
  await database.db.insert(profiles).values({
    userId: f.userId,
    slug: `${firstName.toLowerCase()}-${f.userId.slice(0, 8)}`,
    title: `${firstName} the chart builder`,
    skills: ['react', 'D3'],
    visibility: 'private',
  });
  const r = await submitProposal(database.db, {
    freelancerId: f.userId,
    input: parseProposal({ jobPostId, ...input }),
  });
  if (!r.ok) throw new Error(r.message);
  return { id: r.proposalId, freelancerId: f.userId };
}

describe('the proposals list', () => {
  it('lists the job’s proposals to its owner, filters by tab, and is not found for another client', async () => {
    const job = await insertJobPost(database.db, client);
    const sam = await proposal(job.id, 'Sam', { coverLetter: 'I <b>love</b> charts.' });
    const kim = await proposal(job.id, 'Kim');
    await moveProposal(database.db, {
      workspaceId: client.workspaceId,
      proposalId: kim.id,
      move: 'shortlist',
    });

    const all = await list(job.id, {}, clientToken);
    expect(all).toContain('Sam Doe');
    expect(all).toContain('Kim Doe');
    expect(all).toContain('Sam the chart builder');
    expect(all).toContain('$45.00 an hour');
    // The job's spelling of the one skill the profile lists too (as "react").
    expect(all).toContain('<dt>Skills in common</dt><dd>React</dd>');
    expect(all).toContain('I &lt;b&gt;love&lt;/b&gt; charts.');
    expect(all).toContain(`href="/client/jobs/${job.id}/proposals/${sam.id}"`);
    expect(all).toMatch(/aria-current="page" href="[^"]*tab=all[^"]*"/);

    const shortlisted = await list(job.id, { tab: 'shortlisted' }, clientToken);
    expect(shortlisted).toContain('Kim Doe');
    expect(shortlisted).not.toContain('Sam Doe');
    expect(shortlisted).toMatch(/aria-current="page" href="[^"]*tab=shortlisted[^"]*"/);

    const jobPage = await rendered(
      () => JobPage({ params: Promise.resolve({ id: job.id }), searchParams: Promise.resolve({}) }),
      clientToken,
    );
    expect(jobPage).toContain(`<a href="/client/jobs/${job.id}/proposals">Proposals (2)</a>`);

    expect(await list(job.id, {}, otherToken)).toBe('not-found');
    expect(await list('not-a-uuid', {}, clientToken)).toBe('not-found');
  });
});

describe('one proposal', () => {
  it('shows it in full with the private profile’s basics, and only to the owner', async () => {
    const job = await insertJobPost(database.db, client);
    const p = await proposal(job.id, 'Ana', { answers: ['Bar <charts>', 'Monday'] });
    const html = await rendered(
      () => DetailPage({ ...params(job.id, p.id), searchParams: Promise.resolve({}) }),
      clientToken,
    );
    expect(html).toContain('Ana Doe');
    expect(html).toContain('Ana the chart builder');
    expect(html).toContain('Which charts have you built?');
    expect(html).toContain('Bar &lt;charts&gt;');
    expect(html).toContain(`href="/messages/proposal/${p.id}"`);
    expect(html).toContain(`href="/client/jobs/${job.id}/proposals/${p.id}/decline"`);
    expect(html).toContain(`href="/client/jobs/${job.id}/proposals/${p.id}/offer"`);
    expect(html).toMatch(/name="move" value="shortlist"/);
    expect(html).toMatch(/name="move" value="archive"/);
    expect(html).not.toMatch(/name="move" value="unarchive"/);

    const decline = await rendered(() => DeclinePage(params(job.id, p.id)), clientToken);
    expect(decline).toContain('Decline Ana Doe’s proposal');
    expect(decline).toContain('name="reason"');

    for (const page of [
      () => DetailPage({ ...params(job.id, p.id), searchParams: Promise.resolve({}) }),
      () => DeclinePage(params(job.id, p.id)),
      () => OfferPage(params(job.id, p.id)),
    ])
      expect(await rendered(page, otherToken)).toBe('not-found');
    // The proposal under another of the client's jobs' ids is not found either.
    const elsewhere = await insertJobPost(database.db, client);
    expect(await rendered(() => OfferPage(params(elsewhere.id, p.id)), clientToken)).toBe(
      'not-found',
    );
  });
});

describe('the offer page', () => {
  it('fills the offer form from the milestones bid and the job', async () => {
    const job = await insertJobPost(database.db, client, {
      budgetKind: 'fixed',
      title: 'Booking page',
    });
    const p = await proposal(job.id, 'Lee', {
      bidShape: 'milestones',
      milestones: [
        { description: 'Design', amountDollars: '300' },
        { description: 'Build', amountDollars: '700.50' },
      ],
    });
    const html = await rendered(() => OfferPage(params(job.id, p.id)), clientToken);
    expect(html).toContain('Send Lee Doe an offer');
    expect(html).toMatch(new RegExp(`<input[^>]*name="proposalId"[^>]*value="${p.id}"`));
    expect(html).toMatch(/<input[^>]*name="offer.title"[^>]*value="Booking page"/);
    expect(html).toMatch(/name="offer.milestones.0.description"[^>]*value="Design"/);
    expect(html).toMatch(/name="offer.milestones.1.amountDollars"[^>]*value="700.50"/);
    expect(html).toMatch(/<input[^>]*value="fixed"[^>]*checked=""|checked=""[^>]*value="fixed"/);
  });

  it('says the freelancer withdrew instead of showing the form', async () => {
    const job = await insertJobPost(database.db, client);
    const p = await proposal(job.id, 'Max');
    await withdrawProposal(database.db, { freelancerId: p.freelancerId, proposalId: p.id });
    const html = await rendered(() => OfferPage(params(job.id, p.id)), clientToken);
    expect(html).toContain('The freelancer withdrew this proposal.');
    expect(html).not.toContain('name="offer.title"');
  });
});
