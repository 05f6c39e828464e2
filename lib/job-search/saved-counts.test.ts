import { eq } from 'drizzle-orm';
import { savedSearches } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { insertSavedSearch } from '@/tests/helpers/find-work-fixtures';
import { createPoster, insertOpenPost, invite } from '@/tests/helpers/search-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import {
  listSavedSearches,
  listSavedSearchesWithTsquery,
  MAX_SAVED_SEARCHES,
  NEW_COUNT_CAP,
  paramsOfSaved,
  saveSearch,
  searchOfSaved,
} from './saved';
import { saveSearchSchema } from './saved-schemas';
import { newestMatchesOf, searchJobPosts } from './search';

/*
 * "N new since your last visit" on the search page: every saved search counted in one
 * statement (two with the list itself), with the counts the search itself finds.
 */

const statements: string[] = [];
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2026-12-02T10:00:00Z');
const HOUR = 3600_000;
const at = (hours: number) => new Date(START.getTime() + hours * HOUR);
let me: { userId: string };
let other: { userId: string };
/** Saved search id by name. */
const mine: Record<string, string> = {};

/**
 * The list is newest first by `created_at`, the database's time of the insert: on PGlite two
 * saves a moment apart can get the same millisecond, so their order would be a toss-up. The
 * searches are stamped a second apart in the order they were saved.
 */
async function stampInOrder(ids: string[]) {
  for (const [i, id] of ids.entries()) {
    await database.db
      .update(savedSearches)
      .set({ createdAt: new Date(START.getTime() + i * 1_000) })
      .where(eq(savedSearches.id, id));
  }
}

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (text) => statements.push(text) });
  const db = database.db;
  clock = useFakeClock(START);
  me = await createFreelancer(db);
  other = await createFreelancer(db);
  const ws = (await createPoster(db)).workspaceId;
  const withCard = (await createPoster(db, { billing: true })).workspaceId;
  const searches: [string, Record<string, string>][] = [
    ['Go hourly', { q: 'golang', kind: 'hourly' }],
    ['Stop words', { q: 'the and of' }],
    ['Fixed $500-$1,000', { kind: 'fixed', min: '500', max: '1000' }],
    ['Expert, card on file', { experience: 'expert', billing: 'yes' }],
    ['Go, last 24 hours', { q: 'golang', posted: '24h' }],
    ['Nothing', { q: 'zzqqxx' }],
    ['Bulk', { q: 'bulkwork' }],
  ];
  for (const [name, fields] of searches) {
    const saved = await saveSearch(db, me.userId, saveSearchSchema.parse({ name, ...fields }));
    if (!saved.ok) throw new Error(saved.message);
    mine[name] = saved.id;
  }
  // A filter that is no longer valid is dropped, as when the search is opened: words only.
  mine['Old filter'] = await insertSavedSearch(db, me.userId, {
    name: 'Old filter',
    query: 'golang',
    filters: { kind: 'weekly' },
  });
  // Visited three days ago: a post of two days ago is new to it, but not within 24 hours.
  await db
    .update(savedSearches)
    .set({ lastVisitedAt: at(-72) })
    .where(eq(savedSearches.id, mine['Go, last 24 hours']));
  await saveSearch(db, other.userId, saveSearchSchema.parse({ name: 'Theirs', q: 'golang' }));

  const golang = { workspaceId: ws, skills: ['Go'] };
  await insertOpenPost(db, at(-1), { ...golang, title: 'Golang an hour before' });
  await insertOpenPost(db, at(-48), { ...golang, title: 'Golang two days ago' });
  await insertOpenPost(db, at(1), { ...golang, title: 'Golang backend' });
  await insertOpenPost(db, at(1), {
    ...golang,
    title: 'Golang fixed job',
    budgetKind: 'fixed',
    hourlyMinCents: null,
    hourlyMaxCents: null,
    fixedBudgetCents: 90_000,
  });
  const invited = await insertOpenPost(db, at(1), {
    ...golang,
    title: 'Golang, invited',
    visibility: 'invite_only',
  });
  await invite(db, invited, me.userId);
  const notInvited = await insertOpenPost(db, at(1), {
    ...golang,
    title: 'Golang, others invited',
    visibility: 'invite_only',
  });
  await invite(db, notInvited, other.userId);
  await insertOpenPost(db, at(1), { ...golang, title: 'Golang draft', status: 'draft' });
  await insertOpenPost(db, at(1), { ...golang, title: 'Golang lapsed', expiresAt: at(1.5) });
  await insertOpenPost(db, at(1), {
    workspaceId: withCard,
    title: 'Expert work, client with a card',
    experience: 'expert',
  });
  await insertOpenPost(db, at(1), { workspaceId: ws, title: 'Expert work', experience: 'expert' });
  for (let i = 0; i <= NEW_COUNT_CAP; i++) {
    await insertOpenPost(db, at(1), {
      workspaceId: ws,
      title: `Bulkwork ${i}`,
      budgetKind: 'fixed',
      hourlyMinCents: null,
      hourlyMaxCents: null,
      fixedBudgetCents: 2_000_000,
    });
  }
  await stampInOrder(Object.values(mine));
  clock.set(at(2));
}, 120_000);
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

describe('the saved searches’ "new since your last visit"', () => {
  it('counts each search as the search finds it, up to 100', async () => {
    const listed = await listSavedSearches(database.db, me.userId);
    const counts = Object.fromEntries(listed.map((s) => [s.name, s.newCount]));
    expect(counts).toEqual({
      // Backend and invited; the fixed job, the other freelancers' invite, draft, lapsed aside.
      'Go hourly': 2,
      // No lexeme: no text condition, every new post the viewer may see (101 bulk among them).
      'Stop words': NEW_COUNT_CAP,
      'Fixed $500-$1,000': 1,
      'Expert, card on file': 1,
      // Visited three days ago: an hour before too; two days ago is new but not within 24 hours.
      'Go, last 24 hours': 4,
      Nothing: 0,
      Bulk: NEW_COUNT_CAP,
      'Old filter': 3,
    });
    // The same counts as one search each, the way the list counted before.
    for (const s of listed) {
      const found = await searchJobPosts(
        database.db,
        me,
        { ...paramsOfSaved(s), sort: 'newest', cursor: undefined },
        { openedAfter: s.lastVisitedAt, pageSize: NEW_COUNT_CAP },
      );
      expect([s.name, s.newCount]).toEqual([s.name, found.hits.length]);
    }
    expect(listed.map((s) => s.id)).toEqual(Object.values(mine).reverse());
  });

  it('takes two statements whatever the number of saved searches, one with none', async () => {
    statements.length = 0;
    await listSavedSearches(database.db, me.userId);
    expect(statements).toHaveLength(2);

    const many = await createFreelancer(database.db);
    const ids: string[] = [];
    for (let i = 0; i < MAX_SAVED_SEARCHES; i++) {
      const saved = await saveSearch(
        database.db,
        many.userId,
        saveSearchSchema.parse({ name: `Search ${i}`, q: i % 2 ? 'golang' : 'the', kind: 'fixed' }),
      );
      if (!saved.ok) throw new Error(saved.message);
      ids.push(saved.id);
    }
    await stampInOrder(ids);
    await database.db
      .update(savedSearches)
      .set({ lastVisitedAt: START })
      .where(eq(savedSearches.freelancerId, many.userId));
    statements.length = 0;
    const listed = await listSavedSearches(database.db, many.userId);
    expect(statements).toHaveLength(2);
    // Fixed posts since START: the golang one, and 101 bulk ones that "the" (no lexeme) finds too.
    expect(listed.map((s) => [s.name, s.newCount])).toEqual(
      Array.from({ length: MAX_SAVED_SEARCHES }, (_, i) => MAX_SAVED_SEARCHES - 1 - i).map((i) => [
        `Search ${i}`,
        i % 2 ? 1 : NEW_COUNT_CAP,
      ]),
    );

    const none = await createFreelancer(database.db);
    statements.length = 0;
    expect(await listSavedSearches(database.db, none.userId)).toEqual([]);
    expect(statements).toHaveLength(1);
  });
});

describe('each saved search’s newest matches in one statement (the Find Work feed)', () => {
  const newestOfEach = async (freelancerId: string) => {
    const rows = await listSavedSearchesWithTsquery(database.db, freelancerId);
    const found = await newestMatchesOf(
      database.db,
      { userId: freelancerId },
      rows.map(searchOfSaved),
      5,
    );
    return { rows, found };
  };

  it('finds what each search finds on its own, newest first, filters and invitations applied', async () => {
    const { rows, found } = await newestOfEach(me.userId);
    expect(rows).toHaveLength(Object.keys(mine).length);
    for (const row of rows) {
      const alone = await searchJobPosts(
        database.db,
        me,
        { ...paramsOfSaved(row), sort: 'newest', cursor: undefined },
        { pageSize: 5 },
      );
      expect([row.name, found.get(row.id)]).toEqual([row.name, alone.hits]);
    }
    const titlesOf = (name: string) => found.get(mine[name])!.map((hit) => hit.title);
    expect(titlesOf('Go hourly').sort()).toEqual([
      'Golang an hour before',
      'Golang backend',
      'Golang two days ago',
      'Golang, invited',
    ]);
    expect(titlesOf('Fixed $500-$1,000')).toEqual(['Golang fixed job']);
    expect(titlesOf('Expert, card on file')).toEqual(['Expert work, client with a card']);
    expect(titlesOf('Nothing')).toEqual([]);
    // No lexeme: no text condition, the five newest the viewer may see.
    expect(titlesOf('Stop words')).toHaveLength(5);
    expect(titlesOf('Bulk')).toHaveLength(5);
  });

  it('takes one statement with the same text whatever the searches and their filters', async () => {
    const { rows } = await newestOfEach(me.userId);
    statements.length = 0;
    await newestOfEach(me.userId);
    await newestOfEach(other.userId);
    expect(statements).toHaveLength(4);
    expect(new Set([statements[1], statements[3]]).size).toBe(1);
    statements.length = 0;
    const found = await newestMatchesOf(database.db, me, [], 5);
    expect(found.size).toBe(0);
    expect(statements).toHaveLength(0);
    expect(rows.length).toBeGreaterThan(1);
  });
});
