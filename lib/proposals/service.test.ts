import { eq } from 'drizzle-orm';
import { contracts, invites, milestones, proposals } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  daysFromToday,
  parseOffer,
  hourlyOfferInput,
} from '@/tests/helpers/invite-fixtures';
import { ageProposals, inviteToJob, parseProposal } from '@/tests/helpers/proposal-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { declineProposal, listJobProposals, moveProposal } from './client';
import { offerPrefill, sendOfferFromProposal } from './offer';
import { DUPLICATE_MESSAGE, submitProposal, withdrawProposal } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;
let other: Inviter;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
  other = await createClient(database.db, { workspaceName: 'Other Co' });
});
afterAll(() => database.dispose());

async function submit(freelancerId: string, input: ReturnType<typeof parseProposal>) {
  return submitProposal(database.db, { freelancerId, input });
}

async function submitted(freelancerId: string, jobPostId: string) {
  const result = await submit(freelancerId, parseProposal({ jobPostId }));
  if (!result.ok) throw new Error(result.message);
  return result.proposalId;
}

describe('submitProposal', () => {
  it('stores every field as typed, script included, with each answer beside its question', async () => {
    const job = await insertJobPost(database.db, client);
    const f = await createFreelancer(database.db);
    const script = '<script>alert(1)</script> & "quotes"';
    const result = await submit(
      f.userId,
      parseProposal({ jobPostId: job.id, coverLetter: script, answers: [script, 'Now'] }),
    );
    expect(result.ok).toBe(true);
    const [row] = await database.db
      .select()
      .from(proposals)
      .where(eq(proposals.freelancerId, f.userId));
    expect(row.coverLetter).toBe(script);
    expect(row.answers).toEqual([
      { question: 'Which charts have you built?', answer: script },
      { question: 'When can you start?', answer: 'Now' },
    ]);
    expect(row.hourlyRateCents).toBe(4500);
    expect(row.status).toBe('submitted');
  });

  it('refuses a missing answer, a rate out of range and a bid shape the job does not take', async () => {
    const job = await insertJobPost(database.db, client);
    const f = await createFreelancer(database.db);
    const r1 = await submit(
      f.userId,
      parseProposal({ jobPostId: job.id, answers: ['only one'], hourlyRateDollars: '2.99' }),
    );
    expect(r1).toMatchObject({
      ok: false,
      fieldErrors: { 'answers.1': expect.any(Array), hourlyRateDollars: expect.any(Array) },
    });
    const r2 = await submit(
      f.userId,
      parseProposal({ jobPostId: job.id, bidShape: 'project', bidDollars: '100' }),
    );
    expect(r2).toMatchObject({ ok: false, fieldErrors: { bidShape: expect.any(Array) } });
    const r3 = await submit(
      f.userId,
      parseProposal({ jobPostId: job.id, hourlyRateDollars: '1000' }),
    );
    expect(r3.ok).toBe(false);
  });

  it('takes milestones on a fixed job and stores their total as the bid', async () => {
    const job = await insertJobPost(database.db, client, { budgetKind: 'fixed' });
    const f = await createFreelancer(database.db);
    const result = await submit(
      f.userId,
      parseProposal({
        jobPostId: job.id,
        bidShape: 'milestones',
        milestones: [
          { description: 'Design', amountDollars: '300' },
          { description: 'Build', amountDollars: '700.50' },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    const [row] = await database.db
      .select()
      .from(proposals)
      .where(eq(proposals.freelancerId, f.userId));
    expect(row.bidCents).toBe(100_050);
    expect(row.hourlyRateCents).toBeNull();
  });

  it('refuses a second proposal to the same job, also when two race', async () => {
    const job = await insertJobPost(database.db, client);
    const f = await createFreelancer(database.db);
    const input = parseProposal({ jobPostId: job.id });
    const results = await Promise.all([submit(f.userId, input), submit(f.userId, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: DUPLICATE_MESSAGE });
    expect(await submit(f.userId, input)).toMatchObject({ ok: false, message: DUPLICATE_MESSAGE });
  });

  it.each([
    [
      'closed',
      { status: 'closed' as const, closedAt: new Date(), closeReason: 'hired' as const },
      /closed/,
    ],
    ['expired', { status: 'expired' as const }, /expired/],
    ['past expires_at', { expiresAt: new Date(Date.now() - 1000) }, /expired/],
    ['draft', { status: 'draft' as const, openedAt: null, expiresAt: null }, /could not find/],
    ['invite-only', { visibility: 'invite_only' as const }, /could not find/],
  ])('refuses a %s job', async (_name, overrides, message) => {
    const job = await insertJobPost(database.db, client, overrides);
    const f = await createFreelancer(database.db);
    expect(await submit(f.userId, parseProposal({ jobPostId: job.id }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(message),
    });
  });

  it('lets an invited freelancer propose to an invite-only job, and refuses the job’s own client', async () => {
    const job = await insertJobPost(database.db, client, { visibility: 'invite_only' });
    const f = await createFreelancer(database.db);
    await inviteToJob(database.db, job.id, f.userId);
    expect((await submit(f.userId, parseProposal({ jobPostId: job.id }))).ok).toBe(true);
    const own = await submit(client.userId, parseProposal({ jobPostId: job.id }));
    expect(own).toMatchObject({ ok: false, message: expect.stringMatching(/your own job/) });
  });

  it('caps proposals per freelancer in a rolling 24 hours', async () => {
    process.env.PROPOSALS_DAILY_CAP = '2';
    const { resetEnvCache } = await import('@/lib/env');
    resetEnvCache();
    try {
      const f = await createFreelancer(database.db);
      const jobs = await Promise.all([1, 2, 3].map(() => insertJobPost(database.db, client)));
      await submitted(f.userId, jobs[0].id);
      await submitted(f.userId, jobs[1].id);
      const third = await submit(f.userId, parseProposal({ jobPostId: jobs[2].id }));
      expect(third).toMatchObject({ ok: false, message: expect.stringMatching(/last 24 hours/) });
      await ageProposals(database.db, f.userId, 25);
      expect((await submit(f.userId, parseProposal({ jobPostId: jobs[2].id }))).ok).toBe(true);
    } finally {
      delete process.env.PROPOSALS_DAILY_CAP;
      resetEnvCache();
    }
  });
});

describe('withdraw and the client side', () => {
  it('withdraws only one’s own proposal, before an offer', async () => {
    const job = await insertJobPost(database.db, client);
    const f = await createFreelancer(database.db);
    const g = await createFreelancer(database.db);
    const id = await submitted(f.userId, job.id);
    expect(
      await withdrawProposal(database.db, { freelancerId: g.userId, proposalId: id }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/could not find/) });
    expect(
      (await withdrawProposal(database.db, { freelancerId: f.userId, proposalId: id })).ok,
    ).toBe(true);
    expect(
      await withdrawProposal(database.db, { freelancerId: f.userId, proposalId: id }),
    ).toMatchObject({ ok: false });
  });

  it('lists a job’s proposals only for the owner workspace, by tab, skills first', async () => {
    const job = await insertJobPost(database.db, client);
    const f = await createFreelancer(database.db);
    const g = await createFreelancer(database.db);
    const a = await submitted(f.userId, job.id);
    const b = await submitted(g.userId, job.id);
    expect(
      await listJobProposals(database.db, { workspaceId: other.workspaceId, jobPostId: job.id }),
    ).toEqual([]);
    expect(
      await moveProposal(database.db, {
        workspaceId: other.workspaceId,
        proposalId: a,
        move: 'shortlist',
      }),
    ).toMatchObject({ ok: false });
    expect(
      (
        await moveProposal(database.db, {
          workspaceId: client.workspaceId,
          proposalId: a,
          move: 'shortlist',
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await moveProposal(database.db, {
          workspaceId: client.workspaceId,
          proposalId: b,
          move: 'archive',
        })
      ).ok,
    ).toBe(true);
    const shortlisted = await listJobProposals(database.db, {
      workspaceId: client.workspaceId,
      jobPostId: job.id,
      tab: 'shortlisted',
    });
    expect(shortlisted.map((r) => r.proposal.id)).toEqual([a]);
    expect(shortlisted[0].firstName).toBe('Alex');
    const archived = await listJobProposals(database.db, {
      workspaceId: client.workspaceId,
      jobPostId: job.id,
      tab: 'archived',
    });
    expect(archived.map((r) => r.proposal.id)).toEqual([b]);
    expect(
      (
        await moveProposal(database.db, {
          workspaceId: client.workspaceId,
          proposalId: b,
          move: 'unarchive',
        })
      ).ok,
    ).toBe(true);
    expect(
      await declineProposal(database.db, { workspaceId: other.workspaceId, proposalId: b }),
    ).toMatchObject({ ok: false });
    expect(
      (
        await declineProposal(database.db, {
          workspaceId: client.workspaceId,
          proposalId: b,
          reason: 'Went with someone else',
        })
      ).ok,
    ).toBe(true);
    const [row] = await database.db.select().from(proposals).where(eq(proposals.id, b));
    expect(row).toMatchObject({ status: 'declined', declineReason: 'Went with someone else' });
  });
});

describe('sendOfferFromProposal', () => {
  it('creates an invite whose contract carries the proposal’s terms and marks the proposal offered', async () => {
    const job = await insertJobPost(database.db, client, { budgetKind: 'fixed' });
    const f = await createFreelancer(database.db);
    const r = await submit(
      f.userId,
      parseProposal({
        jobPostId: job.id,
        bidShape: 'milestones',
        milestones: [
          { description: 'Design', amountDollars: '300' },
          { description: 'Build', amountDollars: '700' },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.message);
    const [p] = await database.db.select().from(proposals).where(eq(proposals.id, r.proposalId));
    const prefill = offerPrefill(p, job);
    const offer = parseOffer({
      kind: 'fixed',
      title: prefill['offer.title'],
      description: prefill['offer.description'],
      startDate: hourlyOfferInput().startDate,
      milestones: [0, 1].map((i) => ({
        description: prefill[`offer.milestones.${i}.description`],
        amountDollars: prefill[`offer.milestones.${i}.amountDollars`],
        dueDate: daysFromToday(30 + i),
      })),
    });
    expect(
      await sendOfferFromProposal(database.db, { inviter: other, proposalId: p.id, offer }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/could not find/) });
    const sent = await sendOfferFromProposal(database.db, {
      inviter: client,
      proposalId: p.id,
      offer,
    });
    if (!sent.ok) throw new Error(sent.message);
    const [invite] = await database.db.select().from(invites).where(eq(invites.id, sent.inviteId));
    expect(invite.email).toBe(f.email);
    const [contract] = await database.db
      .select()
      .from(contracts)
      .where(eq(contracts.inviteId, sent.inviteId));
    expect(contract.title).toBe(job.title);
    const ms = await database.db
      .select()
      .from(milestones)
      .where(eq(milestones.contractId, contract.id));
    expect(ms.map((m) => [m.description, m.amountCents]).sort()).toEqual([
      ['Build', 70_000],
      ['Design', 30_000],
    ]);
    const [after] = await database.db.select().from(proposals).where(eq(proposals.id, p.id));
    expect(after).toMatchObject({ status: 'offered', inviteId: sent.inviteId });
    expect(
      await sendOfferFromProposal(database.db, { inviter: client, proposalId: p.id, offer }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/already sent an offer/) });
    expect(
      await withdrawProposal(database.db, { freelancerId: f.userId, proposalId: p.id }),
    ).toMatchObject({ ok: false });
  });

  it('refuses an offer when the proposal is withdrawn in the meantime, writing no invite', async () => {
    const job = await insertJobPost(database.db, client);
    const f = await createFreelancer(database.db);
    const id = await submitted(f.userId, job.id);
    const offer = parseOffer(hourlyOfferInput());
    // Withdraw and offer at once: whichever order they land in, never both.
    const [withdrawn, sent] = await Promise.all([
      withdrawProposal(database.db, { freelancerId: f.userId, proposalId: id }),
      sendOfferFromProposal(database.db, { inviter: client, proposalId: id, offer }),
    ]);
    expect([withdrawn.ok, sent.ok].filter(Boolean)).toHaveLength(1);
    const [row] = await database.db.select().from(proposals).where(eq(proposals.id, id));
    const rows = await database.db.select().from(invites).where(eq(invites.email, f.email));
    if (withdrawn.ok) {
      expect(row.status).toBe('withdrawn');
      expect(rows).toHaveLength(0);
    } else {
      expect(row.status).toBe('offered');
      expect(rows).toHaveLength(1);
    }
  });

  it('refuses a declined proposal', async () => {
    const job = await insertJobPost(database.db, client);
    const f = await createFreelancer(database.db);
    const id = await submitted(f.userId, job.id);
    await declineProposal(database.db, { workspaceId: client.workspaceId, proposalId: id });
    expect(
      await sendOfferFromProposal(database.db, {
        inviter: client,
        proposalId: id,
        offer: parseOffer(hourlyOfferInput()),
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/declined/) });
  });
});
