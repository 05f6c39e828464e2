import { renderToStaticMarkup } from 'react-dom/server';
import { MessageBody } from '@/components/messages/message-body';
import { createSession } from '@/lib/auth/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { segmentMessage } from '@/lib/messages/links';
import { openThreadOf, postMessage } from '@/lib/messages/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { createWorkspace } from '@/tests/helpers/compliance-fixtures';
import { createPerson, createProposal, unreadBadgeOf } from '@/tests/helpers/message-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { pageOutcome } from '@/tests/helpers/page-outcome';

/* Issue 18 part 4: a thread's page for its two parties only; a message is shown as typed. */
installRequestMocks();
const { default: ThreadPage } = await import('@/app/(app)/messages/[threadId]/page');
const { default: MessagesPage } = await import('@/app/(app)/messages/page');
const { default: ProposalThreadPage } =
  await import('@/app/(app)/messages/proposal/[proposalId]/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const SCRIPT = '<script>alert("x")</script> and <img src=x onerror=alert(1)>';

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

async function rendered(run: () => Promise<React.ReactElement | void>, token: string | null) {
  startRequest(token);
  return pageOutcome(run);
}

describe('MessageBody', () => {
  it('links only http(s) addresses and shows everything else as text', () => {
    const html = renderToStaticMarkup(
      <MessageBody
        segments={segmentMessage(`${SCRIPT} see https://example.com/a?b=1. javascript:alert(1)`)}
      />,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain(
      '<a href="https://example.com/a?b=1" rel="noopener noreferrer nofollow" target="_blank">https://example.com/a?b=1</a><span>. javascript:alert(1)</span>',
    );
    expect(html).not.toContain('href="javascript');
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});

describe('/messages pages', () => {
  it('shows the thread to its parties, marks it read, and is not found for anyone else', async () => {
    const db = database.db;
    const client = await createWorkspace(db, 'individual');
    const freelancer = await createPerson(db, 'Sam Rivera');
    const stranger = await createPerson(db, 'Eve');
    const { proposalId, jobTitle } = await createProposal(db, client, freelancer.id);
    const [fToken, sToken] = await Promise.all([
      createSession(db, freelancer.id).then((s) => s.token),
      createSession(db, stranger.id).then((s) => s.token),
    ]);

    const opened = await rendered(
      () => ProposalThreadPage({ params: Promise.resolve({ proposalId }) }),
      fToken,
    );
    expect(opened).toMatch(/^redirect \/messages\/[0-9a-f-]{36}$/);
    const threadId = opened.split('/').pop()!;
    expect(
      await rendered(() => ProposalThreadPage({ params: Promise.resolve({ proposalId }) }), sToken),
    ).toBe('not-found');

    const sent = await openThreadOf(
      db,
      { userId: client.userId, isAdmin: false },
      {
        kind: 'proposal',
        id: proposalId,
      },
    );
    expect(sent).toEqual({ ok: true, threadId });
    await postMessage(db, { userId: client.userId, isAdmin: false }, { threadId, body: SCRIPT });
    expect(await unreadBadgeOf(db, freelancer.id)).toBe(1);

    const list = await rendered(() => MessagesPage(), fToken);
    expect(list).toContain(jobTitle);
    expect(list).toContain('<strong>1</strong>');

    clock.advance(60_000);
    const page = await rendered(
      () => ThreadPage({ params: Promise.resolve({ threadId }) }),
      fToken,
    );
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('name="body"');
    expect(await unreadBadgeOf(db, freelancer.id)).toBe(0);

    expect(
      await rendered(() => ThreadPage({ params: Promise.resolve({ threadId }) }), sToken),
    ).toBe('not-found');
    expect(
      await rendered(() => ThreadPage({ params: Promise.resolve({ threadId: 'nope' }) }), fToken),
    ).toBe('not-found');
  });
});
