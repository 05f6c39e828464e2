import { and, eq } from 'drizzle-orm';
import { auditLog, jobPostInvitations, jobPosts } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { createJobPost, jobPostInput } from '@/tests/helpers/job-post-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { findWorkspaceJobPost } from './queries';
import { jobPostSchema } from './schemas';
import {
  closeJobPost,
  createJobPost as createPost,
  editJobPost,
  publishJobPost,
  reopenJobPost,
} from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2026-12-02T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

const parse = (overrides = {}) => jobPostSchema.parse(jobPostInput(overrides));

async function auditActions(postId: string) {
  const rows = await database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'job_post'), eq(auditLog.targetId, postId)));
  return rows.map((r) => r.action);
}

describe('creating a job post', () => {
  it('saves a draft without dates, and audits it', async () => {
    const { post } = await createJobPost(database.db, { status: 'draft' });
    expect(post).toMatchObject({ status: 'draft', openedAt: null, expiresAt: null });
    expect(post.skills).toEqual(['React', 'TypeScript']);
    expect(post.hourlyMinCents).toBe(3000);
    expect(post.hourlyMaxCents).toBe(6000);
    expect(await auditActions(post.id)).toEqual(['job_post.created']);
  });

  it('publishes at once for 30 days', async () => {
    const { post } = await createJobPost(database.db);
    expect(post.status).toBe('open');
    expect(post.openedAt).toEqual(START);
    expect(post.expiresAt).toEqual(new Date(START.getTime() + 30 * DAY));
    expect(await auditActions(post.id)).toEqual(['job_post.published']);
  });

  it('stores script in every field exactly as typed', async () => {
    const script = '<script>alert(1)</script>';
    const { post } = await createJobPost(database.db, {
      title: script,
      description: `${script} & <img src=x onerror=alert(2)>`,
      skills: [script, '"><b>'],
      questions: [script],
    });
    const stored = await findWorkspaceJobPost(database.db, post.workspaceId, post.id);
    expect(stored?.title).toBe(script);
    expect(stored?.description).toBe(`${script} & <img src=x onerror=alert(2)>`);
    expect(stored?.skills).toEqual([script, '"><b>']);
    expect(stored?.questions).toEqual([script]);
  });

  it('stores the invite-only list, and names every email without a freelancer account', async () => {
    const alex = await createFreelancer(database.db);
    const { post } = await createJobPost(database.db, {
      visibility: 'invite_only',
      invitees: [alex.email.toUpperCase().toLowerCase()],
    });
    const invited = await database.db
      .select()
      .from(jobPostInvitations)
      .where(eq(jobPostInvitations.jobPostId, post.id));
    expect(invited.map((i) => i.freelancerId)).toEqual([alex.userId]);

    const client = await createClient(database.db);
    const refused = await createPost(
      database.db,
      { userId: client.userId, workspaceId: client.workspaceId },
      parse({ visibility: 'invite_only' }),
      { publish: true, invitees: [alex.email, 'nobody@example.com', client.userId + '@x.io'] },
    );
    expect(refused).toMatchObject({ ok: false, reason: 'unknown-invitee' });
    if (refused.ok) return;
    expect(refused.fieldErrors?.invitees?.[0]).toContain('nobody@example.com');
    expect(refused.fieldErrors?.invitees?.[0]).not.toContain(alex.email);
    const clientPosts = await database.db
      .select()
      .from(jobPosts)
      .where(eq(jobPosts.workspaceId, client.workspaceId));
    expect(clientPosts).toHaveLength(0);
  });
});

describe('state changes', () => {
  it('publishes a draft (draft → open), and refuses to publish again', async () => {
    const { post, owner } = await createJobPost(database.db, { status: 'draft' });
    clock.advance(DAY);
    const published = await publishJobPost(database.db, owner, post.id);
    expect(published.ok && published.post).toMatchObject({
      status: 'open',
      openedAt: new Date(START.getTime() + DAY),
      expiresAt: new Date(START.getTime() + 31 * DAY),
    });
    expect(await publishJobPost(database.db, owner, post.id)).toMatchObject({
      ok: false,
      reason: 'wrong-state',
    });
  });

  it('edits an open post and keeps its dates', async () => {
    const { post, owner } = await createJobPost(database.db);
    clock.advance(3 * DAY);
    const edited = await editJobPost(database.db, owner, post.id, parse({ title: 'New title' }));
    expect(edited.ok && edited.post).toMatchObject({
      title: 'New title',
      openedAt: post.openedAt,
      expiresAt: post.expiresAt,
      status: 'open',
    });
    expect(await auditActions(post.id)).toEqual(['job_post.published', 'job_post.edited']);
  });

  it('refuses to edit a closed or expired post', async () => {
    for (const status of ['closed', 'expired'] as const) {
      const { post, owner } = await createJobPost(database.db, { status });
      expect(await editJobPost(database.db, owner, post.id, parse())).toMatchObject({
        ok: false,
        reason: 'wrong-state',
      });
    }
  });

  it('closes an open post with its reason, and refuses a draft', async () => {
    const { post, owner } = await createJobPost(database.db);
    const closed = await closeJobPost(database.db, owner, post.id, 'hired');
    expect(closed.ok && closed.post).toMatchObject({
      status: 'closed',
      closeReason: 'hired',
      closedAt: START,
    });
    expect(await closeJobPost(database.db, owner, post.id, 'hired')).toMatchObject({
      ok: false,
      reason: 'wrong-state',
    });
    const draft = await createJobPost(database.db, { status: 'draft' });
    expect(await closeJobPost(database.db, draft.owner, draft.post.id, 'hired')).toMatchObject({
      ok: false,
      reason: 'wrong-state',
    });
  });

  it('reopens a closed or expired post for a fresh 30 days with the reminder cleared', async () => {
    for (const status of ['closed', 'expired'] as const) {
      const { post, owner } = await createJobPost(database.db, { status });
      await database.db
        .update(jobPosts)
        .set({ expiryReminderSentAt: START })
        .where(eq(jobPosts.id, post.id));
      clock.advance(40 * DAY);
      const reopened = await reopenJobPost(database.db, owner, post.id);
      expect(reopened.ok && reopened.post).toMatchObject({
        status: 'open',
        openedAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 30 * DAY),
        expiryReminderSentAt: null,
        closedAt: null,
        closeReason: null,
      });
      expect(await reopenJobPost(database.db, owner, post.id)).toMatchObject({
        ok: false,
        reason: 'wrong-state',
      });
    }
  });

  it("refuses another workspace's post id for every change, and changes nothing", async () => {
    const { post } = await createJobPost(database.db);
    const other = await createClient(database.db);
    const intruder = { userId: other.userId, workspaceId: other.workspaceId };
    const attempts = [
      editJobPost(database.db, intruder, post.id, parse({ title: 'Taken' })),
      publishJobPost(database.db, intruder, post.id),
      closeJobPost(database.db, intruder, post.id, 'hired'),
      reopenJobPost(database.db, intruder, post.id),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ ok: false, reason: 'not-found' });
    }
    const after = await findWorkspaceJobPost(database.db, post.workspaceId, post.id);
    expect(after).toMatchObject({ title: post.title, status: 'open' });
  });
});
