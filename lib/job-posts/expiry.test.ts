import { and, eq } from 'drizzle-orm';
import { auditLog, emailOutbox, jobPosts, users } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { runBillingTick } from '@/lib/tick';
import { createTestDatabase } from '@/tests/helpers/db';
import { createJobPost } from '@/tests/helpers/job-post-fixtures';
import { expireDueJobPosts, remindExpiringJobPosts } from './expiry';
import { closeJobPost, reopenJobPost } from './service';

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

async function statusOf(id: string) {
  const [row] = await database.db.select().from(jobPosts).where(eq(jobPosts.id, id));
  return row;
}

async function remindersTo(userId: string) {
  const [user] = await database.db.select().from(users).where(eq(users.id, userId));
  return database.db
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.template, 'job-post-expiring')),
    );
}

const at = (days: number) => new Date(START.getTime() + days * DAY);

describe('the expiry reminder', () => {
  it('goes out once, 5 days before expiry, and again after a reopening', async () => {
    const { post, owner } = await createJobPost(database.db, { title: '<b>Logo</b> & site' });
    await remindExpiringJobPosts(database.db, at(24));
    expect(await remindersTo(owner.userId)).toHaveLength(0);

    await remindExpiringJobPosts(database.db, at(25));
    await remindExpiringJobPosts(database.db, at(25));
    await remindExpiringJobPosts(database.db, at(28));
    const sent = await remindersTo(owner.userId);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('Your job post “<b>Logo</b> & site” expires on January 1, 2027');
    expect(sent[0].html).toContain('&lt;b&gt;Logo&lt;/b&gt;');
    expect(sent[0].html).toContain(`/client/jobs/${post.id}`);
    expect((await statusOf(post.id)).expiryReminderSentAt).toEqual(at(25));

    clock.set(at(29));
    await closeJobPost(database.db, owner, post.id, 'not_hired');
    await reopenJobPost(database.db, owner, post.id);
    await remindExpiringJobPosts(database.db, at(29 + 26));
    expect(await remindersTo(owner.userId)).toHaveLength(2);
  });

  it('is not sent for a post already past its date, a draft or a closed post', async () => {
    const late = await createJobPost(database.db);
    const draft = await createJobPost(database.db, { status: 'draft' });
    const closed = await createJobPost(database.db, { status: 'closed' });
    await remindExpiringJobPosts(database.db, at(31));
    for (const { owner } of [late, draft, closed]) {
      expect(await remindersTo(owner.userId)).toHaveLength(0);
    }
  });
});

describe('expiry', () => {
  it('expires open posts past their date, once, audited, leaving others alone', async () => {
    const open = await createJobPost(database.db);
    const draft = await createJobPost(database.db, { status: 'draft' });
    clock.set(at(10));
    const younger = await createJobPost(database.db);

    expect(await expireDueJobPosts(database.db, new Date(at(30).getTime() - 1))).toBe(0);
    expect(await expireDueJobPosts(database.db, at(30))).toBeGreaterThanOrEqual(1);
    expect(await expireDueJobPosts(database.db, at(30))).toBe(0);
    expect((await statusOf(open.post.id)).status).toBe('expired');
    expect((await statusOf(draft.post.id)).status).toBe('draft');
    expect((await statusOf(younger.post.id)).status).toBe('open');
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, open.post.id), eq(auditLog.action, 'job_post.expired')));
    expect(audits).toHaveLength(1);
    expect(audits[0].actorId).toBeNull();

    const reopened = await reopenJobPost(database.db, open.owner, open.post.id);
    expect(reopened.ok).toBe(true);
  });

  it('runs as part of the billing tick', async () => {
    const { post } = await createJobPost(database.db);
    await runBillingTick(database.db, at(45), { log: () => {} });
    expect((await statusOf(post.id)).status).toBe('expired');
  });
});
