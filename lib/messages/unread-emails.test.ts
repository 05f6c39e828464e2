import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { createWorkspace } from '@/tests/helpers/compliance-fixtures';
import {
  createEmptyThread,
  createPerson,
  createProposal,
  unreadEmailsTo,
} from '@/tests/helpers/message-fixtures';
import { postMessage, viewThread } from './service';
import { emailUnreadMessages } from './unread-emails';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const MINUTE = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

async function thread() {
  const db = database.db;
  const client = await createWorkspace(db, 'individual');
  const freelancer = await createPerson(db);
  const { proposalId } = await createProposal(db, client, freelancer.id);
  const threadId = await createEmptyThread(db, client, freelancer.id, proposalId);
  const say = (body: string) =>
    postMessage(db, { userId: client.userId, isAdmin: false }, { threadId, body });
  return { client, freelancer, threadId, say };
}

const tick = () => emailUnreadMessages(database.db, clock.now());

describe('the unread-messages email', () => {
  it('sends one email for three messages within the hour, another after it while unread', async () => {
    const { freelancer, threadId, say } = await thread();
    await say('first');
    await tick();
    expect(await unreadEmailsTo(database.db, freelancer.email)).toHaveLength(0); // too fresh

    clock.advance(6 * MINUTE);
    await tick();
    await tick(); // a second run at the same time sends nothing more
    const first = await unreadEmailsTo(database.db, freelancer.email);
    expect(first).toHaveLength(1);
    expect(first[0].text).toContain(`/messages/${threadId}`);

    clock.advance(10 * MINUTE);
    await say('second');
    clock.advance(10 * MINUTE);
    await say('third');
    clock.advance(10 * MINUTE);
    await tick();
    expect(await unreadEmailsTo(database.db, freelancer.email)).toHaveLength(1);

    clock.advance(31 * MINUTE); // 67 minutes after the first email, two messages unread
    await tick();
    const after = await unreadEmailsTo(database.db, freelancer.email);
    expect(after).toHaveLength(2);
    expect(after.map((e) => e.text).join()).toContain('third');

    clock.advance(2 * 60 * MINUTE); // nothing new since: no third email
    await tick();
    expect(await unreadEmailsTo(database.db, freelancer.email)).toHaveLength(2);
  });

  it('sends nothing once the messages are read, and never to the author', async () => {
    const { client, freelancer, threadId, say } = await thread();
    await say('hello');
    clock.advance(2 * MINUTE);
    await viewThread(database.db, { userId: freelancer.id, isAdmin: false }, threadId);
    clock.advance(2 * 60 * MINUTE);
    await tick();
    expect(await unreadEmailsTo(database.db, freelancer.email)).toHaveLength(0);
    const [owner] = await database.db.query.users.findMany({
      where: (u, { eq }) => eq(u.id, client.userId),
    });
    expect(await unreadEmailsTo(database.db, owner.email)).toHaveLength(0);
  });

  it('emails the client owner about the freelancer’s message, with a short excerpt only', async () => {
    const { client, freelancer, threadId } = await thread();
    const long = `Start ${'x'.repeat(400)} END-OF-MESSAGE`;
    await postMessage(
      database.db,
      { userId: freelancer.id, isAdmin: false },
      { threadId, body: long },
    );
    clock.advance(6 * MINUTE);
    expect(await tick()).toBe(1);
    const [owner] = await database.db.query.users.findMany({
      where: (u, { eq }) => eq(u.id, client.userId),
    });
    const [email] = await unreadEmailsTo(database.db, owner.email);
    expect(email.text).toContain('Start xxx');
    expect(email.text).not.toContain('END-OF-MESSAGE');
  });
});
