import { and, eq } from 'drizzle-orm';
import { clientWorkspaces, inviteEvents, invites } from '@/db/schema';
import { recordInviteOpened } from '@/lib/invites/landing';
import { createInvite } from '@/lib/invites/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient, hourlyOfferInput, inviteData } from '@/tests/helpers/invite-fixtures';
import { listWorkspaceInvites } from './queries';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function inviteCountOf(workspaceId: string): Promise<number> {
  const [row] = await database.db
    .select({ n: clientWorkspaces.inviteCount })
    .from(clientWorkspaces)
    .where(eq(clientWorkspaces.id, workspaceId));
  return row.n;
}

describe('listWorkspaceInvites', () => {
  it('pages through one workspace, newest first, each row with its own offer', async () => {
    const client = await createClient(database.db);
    const other = await createClient(database.db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await createInvite(database.db, {
        inviter: client,
        input: inviteData(`page-${i}-${Date.now()}@example.com`, {
          offer: hourlyOfferInput({ title: `Offer ${i}` }),
        }),
      });
      if (!created.ok) throw new Error(created.message);
      ids.push(created.inviteId);
    }
    const elsewhere = await createInvite(database.db, {
      inviter: other,
      input: inviteData(`elsewhere-${Date.now()}@example.com`),
    });
    expect(elsewhere.ok).toBe(true);

    const first = await listWorkspaceInvites(database.db, client.workspaceId, {
      limit: 2,
      offset: 0,
    });
    expect(first.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    // Each row carries its own offer (read through the lateral join), never another's.
    expect(first[0]).toMatchObject({
      title: 'Offer 2',
      contractStatus: 'offered',
      outboxStatus: 'queued',
      openedAt: null,
    });
    expect(first.map((r) => r.title)).toEqual(['Offer 2', 'Offer 1']);
    const [stored] = await database.db.select().from(invites).where(eq(invites.id, ids[2]));
    expect(first[0].createdAt).toEqual(stored.createdAt);
    expect(first[0].expiresAt).toEqual(stored.expiresAt);
    expect(first[0]).toMatchObject({
      email: stored.email,
      firstName: 'Alex',
      lastName: 'Rivera',
      status: 'pending',
      deliveryEvent: null,
    });

    await recordInviteOpened(database.db, ids[1]);
    const [opened] = await database.db
      .select()
      .from(inviteEvents)
      .where(and(eq(inviteEvents.inviteId, ids[1]), eq(inviteEvents.type, 'opened')));
    const again = await listWorkspaceInvites(database.db, client.workspaceId, {
      limit: 2,
      offset: 0,
    });
    expect(again.map((r) => r.openedAt)).toEqual([null, opened.createdAt]);

    const second = await listWorkspaceInvites(database.db, client.workspaceId, {
      limit: 2,
      offset: 2,
    });
    expect(second.map((r) => r.id)).toEqual([ids[0]]);

    const pastTheEnd = await listWorkspaceInvites(database.db, client.workspaceId, {
      limit: 2,
      offset: 10,
    });
    expect(pastTheEnd).toEqual([]);

    const empty = await listWorkspaceInvites(
      database.db,
      (await createClient(database.db)).workspaceId,
      { limit: 2, offset: 0 },
    );
    expect(empty).toEqual([]);
  });

  it('keeps the workspace’s invite total in step with every insert and delete', async () => {
    const client = await createClient(database.db);
    const other = await createClient(database.db);
    expect(await inviteCountOf(client.workspaceId)).toBe(0);
    for (let i = 0; i < 2; i++) {
      const created = await createInvite(database.db, {
        inviter: client,
        input: inviteData(`count-${i}-${Date.now()}@example.com`),
      });
      expect(created.ok).toBe(true);
    }
    // Several rows in one statement, for two workspaces at once (the bulk path inserts many).
    await database.db.insert(invites).values(
      [client, client, other].map((who, i) => ({
        workspaceId: who.workspaceId,
        invitedById: who.userId,
        email: `raw-${i}-${Date.now()}@example.com`,
        firstName: 'Raw',
        lastName: `Row ${i}`,
        tokenHash: `hash-${i}-${Date.now()}-${Math.random()}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    );
    expect(await inviteCountOf(client.workspaceId)).toBe(4);
    expect(await inviteCountOf(other.workspaceId)).toBe(1);
    await database.db.delete(invites).where(eq(invites.lastName, 'Row 0'));
    expect(await inviteCountOf(client.workspaceId)).toBe(3);
    // The count is per workspace, so an invite cannot move between them.
    await expect(
      database.db
        .update(invites)
        .set({ workspaceId: other.workspaceId })
        .where(eq(invites.lastName, 'Row 1')),
    ).rejects.toThrow();
    expect(await inviteCountOf(other.workspaceId)).toBe(1);
  });

  // The page size is a parameter: one prepared statement serves every size and offset.
  // pg_prepared_statements belongs to one session, which only PGlite guarantees.
  (process.env.TEST_DATABASE_URL ? it.skip : it)(
    'prepares one statement for every page size, and refuses a size that is not a whole number',
    async () => {
      const client = await createClient(database.db);
      for (const limit of [25, 10, 25]) {
        await listWorkspaceInvites(database.db, client.workspaceId, { limit, offset: 0 });
      }
      const { rows } = await database.executeSql(
        `select statement from pg_prepared_statements where statement like $1`,
        ['%from (select%"invite"."workspace_id" = $1 order by%'],
      );
      expect(rows.map((r) => String(r.statement))).toEqual([
        expect.stringMatching(/ limit \$2 offset \$3\)/),
      ]);
      await expect(
        listWorkspaceInvites(database.db, client.workspaceId, { limit: 0.5, offset: 0 }),
      ).rejects.toThrow(RangeError);
    },
  );
});
