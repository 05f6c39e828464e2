import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { createPoster, insertOpenPost } from '@/tests/helpers/search-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { searchJobPosts } from './search';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2026-12-02T10:00:00Z');
let viewer: { userId: string };
const all: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  viewer = await createFreelancer(database.db);
  const { workspaceId } = await createPoster(database.db);
  // 45 posts: many share an opening time and many the same rank, so ties break on id.
  for (let i = 0; i < 45; i++) {
    const at = new Date(START.getTime() - Math.floor(i / 4) * 60_000 - 1000);
    const title = i % 3 === 0 ? 'Copywriter for a blog' : 'Blog posts wanted';
    all.push(await insertOpenPost(database.db, at, { workspaceId, title }));
  }
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

async function everyPage(params: { q?: string; sort?: 'relevance' | 'newest' }) {
  const seen: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await searchJobPosts(database.db, viewer, { ...params, cursor });
    seen.push(...page.hits.map((h) => h.id));
    sizes.push(page.hits.length);
    cursor = page.nextCursor;
  } while (cursor && sizes.length < 10);
  return { seen, sizes };
}

describe('keyset paging', () => {
  it.each([
    ['relevance', { q: 'blog copywriter', sort: 'relevance' as const }],
    ['relevance, all tied', { q: 'blog' }],
    ['newest', { sort: 'newest' as const }],
    ['newest with words', { q: 'blog', sort: 'newest' as const }],
  ])(
    'walks %s pages of 20 with no duplicate and no gap',
    async (_name, params: { q?: string; sort?: 'relevance' | 'newest' }) => {
      const { seen, sizes } = await everyPage(params);
      expect(sizes).toEqual(params.q === 'blog copywriter' ? [15] : [20, 20, 5]);
      expect(new Set(seen).size).toBe(seen.length);
      if (params.q !== 'blog copywriter') expect([...seen].sort()).toEqual([...all].sort());
    },
  );
});
