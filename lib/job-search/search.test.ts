import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { createPoster, insertOpenPost, invite } from '@/tests/helpers/search-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { searchParamsSchema } from './schemas';
import { searchJobPosts } from './search';
import { suggestSpelling } from './suggest';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2026-12-02T10:00:00Z');
const HOUR = 3600_000;
let viewer: { userId: string };
let ws: string;
let wsWithCard: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  viewer = await createFreelancer(db);
  ws = (await createPoster(db)).workspaceId;
  wsWithCard = (await createPoster(db, { billing: true })).workspaceId;
  const ago = (h: number) => new Date(START.getTime() - h * HOUR);
  ids.titleMatch = await insertOpenPost(db, ago(50), {
    workspaceId: ws,
    title: 'Senior designer for a mobile app',
    description: 'Help us with screens.',
    skills: ['Figma'],
  });
  ids.descMatch = await insertOpenPost(db, ago(1), {
    workspaceId: ws,
    title: 'Mobile app screens',
    description: 'We need a designer who knows our brand.',
    skills: ['Sketch'],
  });
  ids.react = await insertOpenPost(db, ago(100), {
    workspaceId: wsWithCard,
    title: 'React developer',
    description: 'Build a dashboard.',
    skills: ['React', 'TypeScript'],
    budgetKind: 'fixed',
    hourlyMinCents: null,
    hourlyMaxCents: null,
    fixedBudgetCents: 300000,
    experience: 'expert',
    duration: 'over_6_months',
    workload: 'over_30',
  });
  ids.draft = await insertOpenPost(db, ago(2), {
    workspaceId: ws,
    title: 'Designer draft',
    status: 'draft',
  });
  ids.closedInvite = await insertOpenPost(db, ago(2), {
    workspaceId: ws,
    title: 'Secret designer job',
    visibility: 'invite_only',
  });
  ids.otherInvite = await insertOpenPost(db, ago(3), {
    workspaceId: ws,
    title: 'Another secret designer job',
    visibility: 'invite_only',
  });
  await invite(db, ids.closedInvite, viewer.userId);
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

const search = (params: Record<string, unknown>) =>
  searchJobPosts(database.db, viewer, searchParamsSchema.parse(params));
const idsOf = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

describe('searchJobPosts', () => {
  it('ranks a title match above a description match, and shows invited invite-only posts only', async () => {
    const result = await search({ q: 'designer' });
    expect(result.usedText).toBe(true);
    expect(result.sort).toBe('relevance');
    const found = idsOf(result);
    expect(found.indexOf(ids.titleMatch)).toBeLessThan(found.indexOf(ids.descMatch));
    expect(found).toContain(ids.descMatch);
    expect(found).toContain(ids.closedInvite);
    expect(found).not.toContain(ids.otherInvite);
    expect(found).not.toContain(ids.draft);
  });

  it('matches skills', async () => {
    expect(idsOf(await search({ q: 'typescript' }))).toEqual([ids.react]);
  });

  it.each([
    ['kind', { kind: 'fixed' }],
    ['budget range', { min: '2000', max: '5000' }],
    ['experience', { experience: 'expert' }],
    ['duration', { duration: 'over_6_months' }],
    ['workload', { workload: 'over_30' }],
    ['billing method', { billing: 'yes' }],
  ])('filters by %s', async (_name, filter) => {
    expect(idsOf(await search(filter))).toEqual([ids.react]);
  });

  it('filters hourly posts by an overlapping rate range', async () => {
    const found = idsOf(await search({ kind: 'hourly', min: '35', max: '60' }));
    expect(found).toContain(ids.titleMatch);
    expect(found).not.toContain(ids.react);
    expect(idsOf(await search({ kind: 'hourly', min: '45' }))).toEqual([]);
  });

  it('filters by posted within', async () => {
    const day = idsOf(await search({ posted: '24h' }));
    expect(day).toEqual([ids.descMatch, ids.closedInvite]);
    const three = idsOf(await search({ posted: '3d' }));
    expect(three).toContain(ids.titleMatch);
    expect(three).not.toContain(ids.react);
    expect(idsOf(await search({ posted: '7d' }))).toContain(ids.react);
  });

  it.each(['', 'the', 'the and of', '!!! ??? ---', '&|!():*'])(
    'falls back to newest first for %j',
    async (q) => {
      const result = await search({ q });
      expect(result.usedText).toBe(false);
      expect(result.sort).toBe('newest');
      expect(idsOf(result)).toEqual([ids.descMatch, ids.closedInvite, ids.titleMatch, ids.react]);
    },
  );

  it('sorts newest when asked even with words', async () => {
    const result = await search({ q: 'designer', sort: 'newest' });
    expect(idsOf(result)).toEqual([ids.descMatch, ids.closedInvite, ids.titleMatch]);
  });

  it('refuses a 10,000-character query in the schema and truncates it in the function', async () => {
    const long = 'designer '.repeat(1200).slice(0, 10_000);
    const parsed = searchParamsSchema.safeParse({ q: long });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/at most 200 characters/);
    const result = await searchJobPosts(database.db, viewer, { q: long });
    expect(result.usedText).toBe(true);
    expect(idsOf(result)).toContain(ids.titleMatch);
  });

  it.each([
    "designer'; drop table job_post; --",
    "' or 1=1 --",
    'designer) | (!react',
    'designer:* & react',
  ])('treats %j as plain words', async (q) => {
    const result = await search({ q });
    expect(result.hits.length).toBeGreaterThanOrEqual(0);
    expect(idsOf(await search({ q: 'react' }))).toEqual([ids.react]);
  });

  it('ignores a cursor that does not decode', async () => {
    expect(idsOf(await search({ cursor: 'not-a-cursor' }))).toHaveLength(4);
  });

  it('hides a post past its expiry', async () => {
    clock.set(new Date(START.getTime() + 29 * 24 * HOUR));
    expect(idsOf(await search({}))).toEqual([ids.descMatch, ids.closedInvite]);
  });
});

describe('suggestSpelling', () => {
  it.each([
    ['desinger', 'designer'],
    ['reactt', 'react'],
    ['senior desinger', 'senior designer'],
  ])('offers %j → %j', async (asked, offered) => {
    expect(await suggestSpelling(database.db, asked)).toBe(offered);
  });

  it('offers nothing when every word is known or nothing is close', async () => {
    expect(await suggestSpelling(database.db, 'react designer')).toBeUndefined();
    expect(await suggestSpelling(database.db, 'zzqqxx')).toBeUndefined();
    expect(await suggestSpelling(database.db, '')).toBeUndefined();
  });
});
