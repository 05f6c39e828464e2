import { eq } from 'drizzle-orm';
import { jobPosts, proposals } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { createJobPost } from '@/tests/helpers/job-post-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { closeJobPost } from './service';
import { findVisibleJobPost } from './visibility';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let others: { stranger: string; otherClient: string };

beforeAll(async () => {
  database = await createTestDatabase();
  others = {
    stranger: (await createFreelancer(database.db)).userId,
    otherClient: (await createClient(database.db)).userId,
  };
});
afterAll(() => database.dispose());

async function propose(jobPostId: string, freelancerId: string) {
  await database.db.insert(proposals).values({
    jobPostId,
    freelancerId,
    coverLetter: 'I have built three booking pages.',
    bidShape: 'hourly',
    hourlyRateCents: 4500,
    estimatedDuration: '1_to_3_months',
    submittedAt: new Date(),
  });
}

const sees = async (viewer: string | null, id: string) =>
  (await findVisibleJobPost(database.db, viewer, id))?.id === id;

describe('who sees a job post', () => {
  it('an open public post: everyone, signed out too', async () => {
    const { post, owner } = await createJobPost(database.db);
    for (const viewer of [null, others.stranger, others.otherClient, owner.userId]) {
      expect(await sees(viewer, post.id)).toBe(true);
    }
  });

  it('a draft: only the owner', async () => {
    const { post, owner } = await createJobPost(database.db, { status: 'draft' });
    expect(await sees(owner.userId, post.id)).toBe(true);
    for (const viewer of [null, others.stranger, others.otherClient]) {
      expect(await sees(viewer, post.id)).toBe(false);
    }
  });

  it('an open invite-only post: the owner and invited freelancers', async () => {
    const invited = await createFreelancer(database.db);
    const { post, owner } = await createJobPost(database.db, {
      visibility: 'invite_only',
      invitees: [invited.email],
    });
    expect(await sees(owner.userId, post.id)).toBe(true);
    expect(await sees(invited.userId, post.id)).toBe(true);
    for (const viewer of [null, others.stranger, others.otherClient]) {
      expect(await sees(viewer, post.id)).toBe(false);
    }
  });

  it('closed or expired: the owner and freelancers who proposed', async () => {
    for (const status of ['closed', 'expired'] as const) {
      const proposer = await createFreelancer(database.db);
      const invitedOnly = await createFreelancer(database.db);
      const { post, owner } = await createJobPost(database.db, {
        visibility: 'invite_only',
        invitees: [proposer.email, invitedOnly.email],
      });
      await propose(post.id, proposer.userId);
      if (status === 'closed') await closeJobPost(database.db, owner, post.id, 'not_hired');
      // The tick's expiry, done by hand here (expiry.test.ts covers the tick).
      else await database.db.update(jobPosts).set({ status }).where(eq(jobPosts.id, post.id));
      expect(await sees(owner.userId, post.id)).toBe(true);
      expect(await sees(proposer.userId, post.id)).toBe(true);
      expect(await sees(invitedOnly.userId, post.id)).toBe(false);
      expect(await sees(others.stranger, post.id)).toBe(false);
      expect(await sees(null, post.id)).toBe(false);
    }
  });

  it('an id that is unknown or not a uuid: nobody', async () => {
    expect(await sees(others.stranger, '00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(await findVisibleJobPost(database.db, null, "x' or 1=1 --")).toBeNull();
  });
});
