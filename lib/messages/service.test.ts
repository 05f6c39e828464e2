import { eq } from 'drizzle-orm';
import { disputes, invoices, messageThreads } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  acceptedContract,
  createWorkspace,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';
import { createPerson, createProposal, unreadBadgeOf } from '@/tests/helpers/message-fixtures';
import { listThreadsOf } from './queries';
import { openThreadOf, postMessage, viewThread } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

const as = (userId: string, isAdmin = false) => ({ userId, isAdmin });

async function proposalThread() {
  const db = database.db;
  const client = await createWorkspace(db, 'individual');
  const freelancer = await createPerson(db);
  const { proposalId, jobTitle } = await createProposal(db, client, freelancer.id);
  const opened = await openThreadOf(db, as(freelancer.id), { kind: 'proposal', id: proposalId });
  if (!opened.ok) throw new Error(opened.message);
  return { client, freelancer, proposalId, jobTitle, threadId: opened.threadId };
}

describe('threads', () => {
  it('makes one thread per proposal, whoever opens it first and however often', async () => {
    const { client, proposalId, threadId } = await proposalThread();
    const again = await Promise.all([
      openThreadOf(database.db, as(client.userId), { kind: 'proposal', id: proposalId }),
      openThreadOf(database.db, as(client.userId), { kind: 'proposal', id: proposalId }),
    ]);
    expect(again).toEqual([
      { ok: true, threadId },
      { ok: true, threadId },
    ]);
    const rows = await database.db
      .select()
      .from(messageThreads)
      .where(eq(messageThreads.proposalId, proposalId));
    expect(rows).toHaveLength(1);
  });

  it('makes one thread per contract between its workspace owner and freelancer', async () => {
    const db = database.db;
    const client = await createWorkspace(db, 'individual');
    const contract = await acceptedContract(
      db,
      client,
      uniqueEmail('f'),
      { kind: 'fixed' },
      'Site',
    );
    const a = await openThreadOf(db, as(client.userId), {
      kind: 'contract',
      id: contract.contractId,
    });
    const b = await openThreadOf(db, as(contract.freelancerId), {
      kind: 'contract',
      id: contract.contractId,
    });
    expect(a.ok && b.ok && a.threadId === b.threadId).toBe(true);
    const [listed] = await listThreadsOf(db, contract.freelancerId);
    expect(listed).toMatchObject({ subject: 'Site', workspaceName: client.workspaceName });
  });

  it('tells anyone else the thread, proposal or contract does not exist', async () => {
    const db = database.db;
    const { proposalId, threadId } = await proposalThread();
    const stranger = await createPerson(db, 'Eve');
    const client = await createWorkspace(db, 'individual');
    const contract = await acceptedContract(db, client, uniqueEmail('f'), { kind: 'fixed' });
    const notFound = { ok: false, message: 'This conversation was not found.' };
    expect(await openThreadOf(db, as(stranger.id), { kind: 'proposal', id: proposalId })).toEqual(
      notFound,
    );
    expect(
      await openThreadOf(db, as(stranger.id), { kind: 'contract', id: contract.contractId }),
    ).toEqual(notFound);
    expect(await viewThread(db, as(stranger.id), threadId)).toBeNull();
    expect(await postMessage(db, as(stranger.id), { threadId, body: 'hi' })).toEqual(notFound);
    // Ops without a dispute on the contract, and ops on a proposal: not found either.
    expect(await viewThread(db, as(stranger.id, true), threadId)).toBeNull();
    expect(await listThreadsOf(db, stranger.id)).toEqual([]);
  });

  it('lets ops read a disputed contract thread, never write to it', async () => {
    const db = database.db;
    const client = await createWorkspace(db, 'individual');
    const contract = await acceptedContract(db, client, uniqueEmail('f'));
    const opened = await openThreadOf(db, as(client.userId), {
      kind: 'contract',
      id: contract.contractId,
    });
    if (!opened.ok) throw new Error(opened.message);
    const ops = await createPerson(db, 'Ops');
    expect(await viewThread(db, as(ops.id, true), opened.threadId)).toBeNull();
    await fileDispute(
      contract.contractId,
      client.userId,
      client.workspaceId,
      contract.freelancerId,
    );
    const seen = await viewThread(db, as(ops.id, true), opened.threadId);
    expect(seen?.readOnly).toBe(true);
    expect(
      await postMessage(db, as(ops.id, true), { threadId: opened.threadId, body: 'x' }),
    ).toMatchObject({
      ok: false,
    });
  });
});

async function fileDispute(
  contractId: string,
  clientId: string,
  workspaceId: string,
  freelancerId: string,
) {
  const [invoice] = await database.db
    .insert(invoices)
    .values({
      kind: 'hourly',
      contractId,
      workspaceId,
      freelancerId,
      weekStart: '2026-11-23',
      minutes: 60,
      rateCents: 5000,
      grossCents: 5000,
      feeBps: 0,
      feeCents: 0,
      netCents: 5000,
      issuedAt: new Date(),
    })
    .returning({ id: invoices.id });
  await database.db.insert(disputes).values({
    invoiceId: invoice.id,
    contractId,
    openedBy: clientId,
    reason: 'Too many hours',
    disputedCents: 5000,
    answerDueAt: new Date(),
  });
}

describe('messages and unread counts', () => {
  it('stores the text as typed and counts what the other side has not read', async () => {
    const db = database.db;
    const { client, freelancer, threadId } = await proposalThread();
    const script = '<script>alert(1)</script> see https://example.com/a';
    expect(await postMessage(db, as(client.userId), { threadId, body: script })).toMatchObject({
      ok: true,
    });
    clock.advance(60_000);
    await postMessage(db, as(client.userId), { threadId, body: 'second' });
    expect(await unreadBadgeOf(db, freelancer.id)).toBe(2);
    expect(await unreadBadgeOf(db, client.userId)).toBe(0);
    const [row] = await listThreadsOf(db, freelancer.id);
    expect(row).toMatchObject({ id: threadId, unread: 2 });

    clock.advance(60_000);
    const seen = await viewThread(db, as(freelancer.id), threadId);
    expect(seen?.messages.map((m) => m.body)).toEqual([script, 'second']);
    expect(await unreadBadgeOf(db, freelancer.id)).toBe(0);

    clock.advance(60_000);
    await postMessage(db, as(freelancer.id), { threadId, body: 'reply' });
    expect(await unreadBadgeOf(db, client.userId)).toBe(1);
    expect(await unreadBadgeOf(db, freelancer.id)).toBe(0);
  });
});
