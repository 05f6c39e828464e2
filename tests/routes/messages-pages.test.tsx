import { renderToStaticMarkup } from 'react-dom/server';
import { MessageBody } from '@/components/messages/message-body';
import { createSession } from '@/lib/auth/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { segmentMessage } from '@/lib/messages/links';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  acceptedContract,
  createWorkspace,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';
import {
  countThreads,
  createPerson,
  createProposal,
  unreadBadgeOf,
} from '@/tests/helpers/message-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { pageOutcome } from '@/tests/helpers/page-outcome';

/* Issue 18 part 4: a thread's page for its two parties only; a message is shown as typed. */
installRequestMocks();
const { default: ThreadPage } = await import('@/app/(app)/messages/[threadId]/page');
const { default: MessagesPage } = await import('@/app/(app)/messages/page');
const { default: ProposalThreadPage } =
  await import('@/app/(app)/messages/proposal/[proposalId]/page');
const { default: ContractThreadPage } =
  await import('@/app/(app)/messages/contract/[contractId]/page');
const { startThreadAction } = await import('@/app/(app)/messages/actions');

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

async function rendered(run: () => Promise<unknown>, token: string | null) {
  startRequest(token);
  return pageOutcome(run);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const refusal = (outcome: string) => (JSON.parse(outcome) as { message?: string }).message;

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
    const [fToken, sToken, cToken] = await Promise.all([
      createSession(db, freelancer.id).then((s) => s.token),
      createSession(db, stranger.id).then((s) => s.token),
      createSession(db, client.userId).then((s) => s.token),
    ]);

    // Before the first message a party sees the empty conversation; looking writes nothing.
    const before = await countThreads(db);
    const proposalPage = () => ProposalThreadPage({ params: Promise.resolve({ proposalId }) });
    const empty = await rendered(proposalPage, fToken);
    expect(empty).toContain(jobTitle);
    expect(empty).toContain('No messages yet.');
    expect(empty).toContain('name="body"');
    expect(empty).toContain(`name="subjectId" value="${proposalId}"`);
    expect(await rendered(proposalPage, sToken)).toBe('not-found');
    const start = (fields: Record<string, string>) => () =>
      startThreadAction(null, form({ subject: 'proposal', subjectId: proposalId, ...fields }));
    expect(refusal(await rendered(start({ body: 'hi' }), sToken))).toBe(
      'This conversation was not found.',
    );
    expect(await countThreads(db)).toBe(before);

    // The client's first message starts the thread; the page then leads to it.
    const sent = await rendered(start({ body: SCRIPT }), cToken);
    expect(sent).toMatch(/^redirect \/messages\/[0-9a-f-]{36}#latest$/);
    const threadId = sent.slice('redirect /messages/'.length, -'#latest'.length);
    expect(await countThreads(db)).toBe(before + 1);
    expect(await rendered(proposalPage, fToken)).toBe(`redirect /messages/${threadId}`);
    expect(await rendered(proposalPage, sToken)).toBe('not-found');
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

  it('shows a contract party the empty conversation, and nobody else anything', async () => {
    const db = database.db;
    const client = await createWorkspace(db, 'individual');
    const contract = await acceptedContract(
      db,
      client,
      uniqueEmail('f'),
      { kind: 'fixed' },
      'Site',
    );
    const stranger = await createPerson(db, 'Eve');
    const [cToken, sToken] = await Promise.all([
      createSession(db, client.userId).then((s) => s.token),
      createSession(db, stranger.id).then((s) => s.token),
    ]);
    const page = () =>
      ContractThreadPage({ params: Promise.resolve({ contractId: contract.contractId }) });
    const before = await countThreads(db);
    const empty = await rendered(page, cToken);
    expect(empty).toContain('Site');
    expect(empty).toContain('No messages yet.');
    expect(empty).toContain(`href="/contracts/${contract.contractId}"`);
    expect(empty).toContain('name="subject" value="contract"');
    expect(await rendered(page, sToken)).toBe('not-found');
    expect(
      await rendered(
        () => ContractThreadPage({ params: Promise.resolve({ contractId: 'nope' }) }),
        cToken,
      ),
    ).toBe('not-found');
    expect(await countThreads(db)).toBe(before);
  });
});
