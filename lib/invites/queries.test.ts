import { createInvite } from '@/lib/invites/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient, hourlyOfferInput, inviteData } from '@/tests/helpers/invite-fixtures';
import { listWorkspaceInvites } from './queries';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe('listWorkspaceInvites', () => {
  it('pages through one workspace, newest first, with the total on every page', async () => {
    const client = await createClient(database.db);
    const other = await createClient(database.db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await createInvite(
        database.db,
        client,
        inviteData(`page-${i}-${Date.now()}@example.com`, { offer: hourlyOfferInput({ title: `Offer ${i}` }) }),
      );
      if (!created.ok) throw new Error(created.message);
      ids.push(created.inviteId);
    }
    const elsewhere = await createInvite(
      database.db,
      other,
      inviteData(`elsewhere-${Date.now()}@example.com`),
    );
    expect(elsewhere.ok).toBe(true);

    const first = await listWorkspaceInvites(database.db, client.workspaceId, {
      limit: 2,
      offset: 0,
    });
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    // Each row carries its own offer (read through the lateral join), never another's.
    expect(first.rows[0]).toMatchObject({
      title: 'Offer 2',
      contractStatus: 'offered',
      outboxStatus: 'queued',
      openedAt: null,
    });
    expect(first.rows.map((r) => r.title)).toEqual(['Offer 2', 'Offer 1']);

    const second = await listWorkspaceInvites(database.db, client.workspaceId, {
      limit: 2,
      offset: 2,
    });
    expect(second).toMatchObject({ total: 3, rows: [expect.objectContaining({ id: ids[0] })] });

    const pastTheEnd = await listWorkspaceInvites(database.db, client.workspaceId, {
      limit: 2,
      offset: 10,
    });
    expect(pastTheEnd).toEqual({ rows: [], total: 3 });

    const empty = await listWorkspaceInvites(
      database.db,
      (await createClient(database.db)).workspaceId,
      { limit: 2, offset: 0 },
    );
    expect(empty).toEqual({ rows: [], total: 0 });
  });
});
