import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { contracts } from '@/db/schema';
import { useFakeClock } from '@/lib/clock';
import { createInvite } from '@/lib/invites/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient, inviteData } from '@/tests/helpers/invite-fixtures';
import { accounts } from './accounts';
import { postTransaction, type Posting } from './post';
import {
  collectAll,
  collectClientHistory,
  historyCsv,
  listClientHistory,
  listFreelancerHistory,
} from './history';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const freelancer = randomUUID();
let ownContract: string;
let othersContract: string;
let ownWorkspace: string;

async function contractOf(workspace: Awaited<ReturnType<typeof createClient>>) {
  const result = await createInvite(database.db, {
    inviter: workspace,
    input: inviteData(`f-${randomUUID()}@example.com`),
  });
  if (!result.ok) throw new Error(result.message);
  const [row] = await database.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.inviteId, result.inviteId));
  return row.id;
}

const move = (kind: Posting['kind'], from: string, to: string, cents: number): Posting => ({
  key: randomUUID(),
  source: { type: 'test', id: randomUUID() },
  kind,
  memo: kind === 'refund' ? '=HYPERLINK("x")' : undefined,
  entries: [
    { account: from as Posting['entries'][0]['account'], cents: -cents, currency: 'USD' },
    { account: to as Posting['entries'][0]['account'], cents, currency: 'USD' },
  ],
});

beforeAll(async () => {
  database = await createTestDatabase();
  const own = await createClient(database.db);
  ownWorkspace = own.workspaceId;
  ownContract = await contractOf(own);
  othersContract = await contractOf(await createClient(database.db, { name: 'Other' }));
  const clock = useFakeClock(new Date('2027-03-01T12:00:00Z'));
  const post = (p: Posting) => database.db.transaction((tx) => postTransaction(tx, p));
  for (let i = 0; i < 7; i++) {
    clock.advance(60 * 60 * 1000);
    await post(move('charge', accounts.clientFunding(), accounts.inReview(ownContract), 1_000));
  }
  await post(move('refund', accounts.inReview(ownContract), accounts.clientFunding(), 250));
  await post(move('release', accounts.inReview(ownContract), accounts.pending(freelancer), 3_000));
  await post(move('charge', accounts.clientFunding(), accounts.inReview(othersContract), 9_999));
  clock.restore();
});
afterAll(() => database.dispose());

describe('transaction history', () => {
  it("pages a client's charges and refunds by keyset, newest first, none of another client's", async () => {
    const first = await listClientHistory(database.db, ownWorkspace, { limit: 3 });
    expect(first.rows.map((r) => r.kind)).toEqual(['refund', 'charge', 'charge']);
    const all = await collectAll((cursor) =>
      listClientHistory(database.db, ownWorkspace, { cursor, limit: 3 }),
    );
    expect(all).toHaveLength(8);
    expect(new Set(all.map((r) => r.entryId)).size).toBe(8);
    expect(all.every((r) => r.contractId === ownContract)).toBe(true);
    const times = all.map((r) => r.effectiveAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('collects the same rows for the export as paging the screen does', async () => {
    const paged = await collectAll((cursor) =>
      listClientHistory(database.db, ownWorkspace, { cursor, limit: 3 }),
    );
    expect(await collectClientHistory(database.db, ownWorkspace, 3)).toEqual(paged);
    expect(await collectClientHistory(database.db, randomUUID())).toEqual([]);
  });

  it("shows a freelancer only their own accounts' entries", async () => {
    const page = await listFreelancerHistory(database.db, freelancer);
    expect(page.rows.map((r) => [r.kind, r.cents])).toEqual([['release', 3_000]]);
    expect((await listFreelancerHistory(database.db, randomUUID())).rows).toEqual([]);
  });

  it('ignores a cursor that is not one', async () => {
    const page = await listClientHistory(database.db, ownWorkspace, { cursor: "x' or 1=1" });
    expect(page.rows).toHaveLength(8);
  });

  it('exports CSV with dollar amounts and defused formulas', async () => {
    const all = await collectAll((cursor) =>
      listClientHistory(database.db, ownWorkspace, { cursor }),
    );
    const csv = historyCsv(all);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Date (UTC)","Type","Account","Contract","Amount","Currency","Memo"');
    expect(lines[1]).toContain('"Refund","In review"');
    expect(lines[1]).toContain('"-2.50","USD","\'=HYPERLINK(""x"")"');
    expect(lines).toHaveLength(9);
  });
});
