import { eq } from 'drizzle-orm';
import { disputes, invoices, messageThreads, messages } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
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
import { listThreadsOf } from './queries';
import { findThreadOf, postMessage, startThread, viewThread } from './service';

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
const NOT_FOUND = { ok: false, message: 'This conversation was not found.' };

/** A proposal between a client and a freelancer, nobody has written about yet. */
async function proposalSubject() {
  const db = database.db;
  const client = await createWorkspace(db, 'individual');
  const freelancer = await createPerson(db);
  const { proposalId, jobTitle } = await createProposal(db, client, freelancer.id);
  return { client, freelancer, proposalId, jobTitle };
}

async function started(userId: string, subject: 'proposal' | 'contract', subjectId: string) {
  const result = await startThread(database.db, as(userId), { subject, subjectId, body: 'hi' });
  if (!result.ok) throw new Error(result.message);
  return result.threadId;
}

describe('threads', () => {
  it('finds no thread before the first message, and writes none looking', async () => {
    const { client, freelancer, proposalId, jobTitle } = await proposalSubject();
    const before = await countThreads(database.db);
    const found = await findThreadOf(database.db, as(freelancer.id), {
      kind: 'proposal',
      id: proposalId,
    });
    expect(found).toMatchObject({
      threadId: null,
      subject: { title: jobTitle, workspaceName: client.workspaceName },
    });
    expect(await countThreads(database.db)).toBe(before);
  });

  it('starts one thread per proposal with the first message, however many arrive at once', async () => {
    const { client, freelancer, proposalId } = await proposalSubject();
    const ids = await Promise.all([
      started(client.userId, 'proposal', proposalId),
      started(freelancer.id, 'proposal', proposalId),
    ]);
    expect(ids[0]).toBe(ids[1]);
    const rows = await database.db
      .select()
      .from(messageThreads)
      .where(eq(messageThreads.proposalId, proposalId));
    expect(rows).toHaveLength(1);
    const posted = await database.db.select().from(messages).where(eq(messages.threadId, ids[0]));
    expect(posted.map((m) => m.authorId).sort()).toEqual([client.userId, freelancer.id].sort());
    expect(
      await findThreadOf(database.db, as(client.userId), { kind: 'proposal', id: proposalId }),
    ).toEqual({ threadId: ids[0] });
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
    const threadId = await started(client.userId, 'contract', contract.contractId);
    expect(
      await findThreadOf(db, as(contract.freelancerId), {
        kind: 'contract',
        id: contract.contractId,
      }),
    ).toEqual({ threadId });
    expect(await started(contract.freelancerId, 'contract', contract.contractId)).toBe(threadId);
    const [listed] = await listThreadsOf(db, contract.freelancerId);
    expect(listed).toMatchObject({ subject: 'Site', workspaceName: client.workspaceName });
  });

  it('tells anyone else the thread, proposal or contract does not exist, and writes nothing', async () => {
    const db = database.db;
    const { proposalId, client: owner } = await proposalSubject();
    const stranger = await createPerson(db, 'Eve');
    const client = await createWorkspace(db, 'individual');
    const contract = await acceptedContract(db, client, uniqueEmail('f'), { kind: 'fixed' });
    const before = await countThreads(db);
    for (const isAdmin of [false, true]) {
      const who = as(stranger.id, isAdmin);
      expect(await findThreadOf(db, who, { kind: 'proposal', id: proposalId })).toBeNull();
      expect(await findThreadOf(db, who, { kind: 'contract', id: contract.contractId })).toBeNull();
      for (const [subject, subjectId] of [
        ['proposal', proposalId],
        ['contract', contract.contractId],
      ] as const) {
        expect(await startThread(db, who, { subject, subjectId, body: 'hi' })).toEqual(NOT_FOUND);
      }
    }
    expect(await countThreads(db)).toBe(before);

    const threadId = await started(owner.userId, 'proposal', proposalId);
    expect(
      await findThreadOf(db, as(stranger.id), { kind: 'proposal', id: proposalId }),
    ).toBeNull();
    expect(await viewThread(db, as(stranger.id), threadId)).toBeNull();
    expect(await postMessage(db, as(stranger.id), { threadId, body: 'hi' })).toEqual(NOT_FOUND);
    // Ops on a proposal: not found either.
    expect(
      await findThreadOf(db, as(stranger.id, true), { kind: 'proposal', id: proposalId }),
    ).toBeNull();
    expect(await viewThread(db, as(stranger.id, true), threadId)).toBeNull();
    expect(await listThreadsOf(db, stranger.id)).toEqual([]);
  });

  it('lets ops read a disputed contract thread that exists, never start or write to it', async () => {
    const db = database.db;
    const client = await createWorkspace(db, 'individual');
    const contract = await acceptedContract(db, client, uniqueEmail('f'));
    const ops = as((await createPerson(db, 'Ops')).id, true);
    const subject = { kind: 'contract', id: contract.contractId } as const;
    await fileDispute(
      contract.contractId,
      client.userId,
      client.workspaceId,
      contract.freelancerId,
    );
    expect(await findThreadOf(db, ops, subject)).toBeNull();
    expect(
      await startThread(db, ops, {
        subject: 'contract',
        subjectId: contract.contractId,
        body: 'x',
      }),
    ).toEqual(NOT_FOUND);

    const threadId = await started(client.userId, 'contract', contract.contractId);
    expect(await findThreadOf(db, ops, subject)).toEqual({ threadId });
    expect((await viewThread(db, ops, threadId))?.readOnly).toBe(true);
    expect(await postMessage(db, ops, { threadId, body: 'x' })).toEqual(NOT_FOUND);
  });

  it('lets ops see nothing of a contract thread without a dispute', async () => {
    const db = database.db;
    const client = await createWorkspace(db, 'individual');
    const contract = await acceptedContract(db, client, uniqueEmail('f'));
    const threadId = await started(client.userId, 'contract', contract.contractId);
    const ops = as((await createPerson(db, 'Ops')).id, true);
    expect(await findThreadOf(db, ops, { kind: 'contract', id: contract.contractId })).toBeNull();
    expect(await viewThread(db, ops, threadId)).toBeNull();
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
    const { client, freelancer, proposalId } = await proposalSubject();
    const script = '<script>alert(1)</script> see https://example.com/a';
    const first = await startThread(db, as(client.userId), {
      subject: 'proposal',
      subjectId: proposalId,
      body: script,
    });
    if (!first.ok) throw new Error(first.message);
    const { threadId } = first;
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
