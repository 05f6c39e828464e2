import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { profiles } from '@/db/schema';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { insertProposal, insertSavedSearch } from '@/tests/helpers/find-work-fixtures';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { paramsOfSaved } from '@/lib/job-search/saved';
import { searchJobPosts } from '@/lib/job-search/search';
import {
  FEED_SIZE,
  PER_SAVED_SEARCH,
  loadFindWorkFeed,
  loadFindWorkMenu,
  type FeedSection,
} from './service';

const statements: string[] = [];
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Awaited<ReturnType<typeof createClient>>;

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (text) => statements.push(text) });
  client = await createClient(database.db);
});
afterAll(() => database.dispose());

async function freelancerWithSkills(skills: string[]) {
  const who = await createFreelancer(database.db);
  await database.db
    .insert(profiles)
    .values({ userId: who.userId, slug: `f-${randomUUID()}`, skills });
  return who;
}

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe('the feed', () => {
  it('lists each saved search with its newest matches, filters applied, and nothing else', async () => {
    // A made-up word, so that only this test's posts match (the file's database is shared).
    const word = 'quokkaesque';
    const inTitle = await insertJobPost(database.db, client, {
      title: `Older ${word} shop`,
      skills: ['React'],
      hourlyMinCents: 3_000,
      hourlyMaxCents: 5_000,
      openedDaysAgo: 3,
    });
    await insertJobPost(database.db, client, {
      title: `Newer listing`,
      description: `Needs a ${word.toUpperCase()} expert`,
      openedDaysAgo: 2,
    });
    await insertJobPost(database.db, client, {
      title: 'Flutter app',
      skills: [word],
      openedDaysAgo: 1,
    });
    await insertJobPost(database.db, client, { title: `Draft ${word}`, status: 'draft' });
    await insertJobPost(database.db, client, {
      title: `Invite-only ${word}`,
      visibility: 'invite_only',
    });
    await insertJobPost(database.db, client, { title: `Lapsed ${word}`, openedDaysAgo: 31 });
    const who = await freelancerWithSkills(['React']);
    const tagged = await insertSavedSearch(database.db, who.userId, {
      name: 'Tagged',
      query: word,
    });
    const fixedOnly = await insertSavedSearch(database.db, who.userId, {
      name: 'Fixed only',
      query: word,
      filters: { kind: 'fixed' },
    });

    const feed = await loadFindWorkFeed(database.db, who.userId);

    const byName: Record<string, FeedSection> = Object.fromEntries(
      feed.map((s) => [s.kind === 'saved-search' ? s.name : s.kind, s]),
    );
    expect(feed.map((s) => s.kind)).toEqual(['saved-search', 'saved-search']);
    expect(titles(byName.Tagged.items)).toEqual([
      'Flutter app',
      'Newer listing',
      `Older ${word} shop`,
    ]);
    expect(byName.Tagged.items.find((i) => i.id === inTitle.id)).toMatchObject({
      budgetKind: 'hourly',
      hourlyMinCents: 3_000,
      hourlyMaxCents: 5_000,
      currency: 'USD',
      skills: ['React'],
    });
    // Every post above is hourly: the saved filter leaves none, and the link keeps the filter.
    expect(byName['Fixed only'].items).toEqual([]);
    expect(byName.Tagged.kind === 'saved-search' && byName.Tagged.searchPath).toBe(
      `/find-work/search?q=${word}&saved=${tagged}`,
    );
    expect(byName['Fixed only'].kind === 'saved-search' && byName['Fixed only'].searchPath).toBe(
      `/find-work/search?q=${word}&kind=fixed&saved=${fixedOnly}`,
    );
  });

  it('reads saved searches in two statements whatever their number and filters', async () => {
    const word = 'wombatish';
    await insertJobPost(database.db, client, { title: `A ${word} job`, openedDaysAgo: 1 });
    const who = await freelancerWithSkills(['React']);
    const filters: Record<string, string>[] = [
      {},
      { kind: 'fixed' },
      { experience: 'intermediate', posted: '7d' },
      {},
    ];
    for (const [i, f] of filters.entries()) {
      await insertSavedSearch(database.db, who.userId, {
        name: `S${i}`,
        query: i === 3 ? 'the' : word,
        filters: f,
      });
    }
    statements.length = 0;
    const feed = await loadFindWorkFeed(database.db, who.userId);
    expect(statements).toHaveLength(2);
    const byName = Object.fromEntries(
      feed.map((s) => [s.kind === 'saved-search' ? s.name : s.kind, titles(s.items)]),
    );
    expect(byName.S0).toEqual([`A ${word} job`]);
    expect(byName.S1).toEqual([]);
    expect(byName.S2).toEqual([`A ${word} job`]);
    // A stop word only: the newest open posts, as the search page lists them for it.
    const newest = await searchJobPosts(
      database.db,
      { userId: who.userId },
      { ...paramsOfSaved({ query: 'the', filters: {} }), sort: 'newest', cursor: undefined },
      { pageSize: PER_SAVED_SEARCH },
    );
    expect(newest.hits.length).toBeGreaterThan(0);
    expect(byName.S3).toEqual(titles(newest.hits));
  });

  it('falls back to open posts sharing a profile skill, case-insensitively, newest first', async () => {
    const skill = `Skill${randomUUID().slice(0, 6)}`;
    await insertJobPost(database.db, client, {
      title: 'Shares a skill, older',
      skills: ['Go', skill.toUpperCase()],
      openedDaysAgo: 2,
    });
    await insertJobPost(database.db, client, {
      title: 'Shares a skill, newer',
      skills: [skill.toLowerCase()],
      openedDaysAgo: 1,
    });
    await insertJobPost(database.db, client, {
      title: 'Closed with the skill',
      skills: [skill],
      status: 'closed',
      closedAt: new Date(),
      closeReason: 'hired',
    });
    const who = await freelancerWithSkills([` ${skill} `, 'Nothing-else']);

    const [section, ...rest] = await loadFindWorkFeed(database.db, who.userId);

    expect(rest).toEqual([]);
    expect(section.kind).toBe('skills');
    expect(titles(section.items)).toEqual(['Shares a skill, newer', 'Shares a skill, older']);
  });

  it('caps the skills list at twenty', async () => {
    const skill = `Many${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < FEED_SIZE + 2; i++)
      await insertJobPost(database.db, client, { title: `Post ${i}`, skills: [skill] });
    const who = await freelancerWithSkills([skill]);
    const [section] = await loadFindWorkFeed(database.db, who.userId);
    expect(section.items).toHaveLength(FEED_SIZE);
  });

  it('falls back to the newest open posts without saved searches or a matching skill', async () => {
    const { id: newest } = await insertJobPost(database.db, client, {
      title: 'The very newest',
      openedDaysAgo: 0,
    });
    const noProfile = await createFreelancer(database.db);
    const [section] = await loadFindWorkFeed(database.db, noProfile.userId);
    expect(section.kind).toBe('newest');
    expect(section.items[0].id).toBe(newest);
    expect(section.items.length).toBeLessThanOrEqual(FEED_SIZE);
    const unmatched = await freelancerWithSkills(['COBOL-on-Mars']);
    expect((await loadFindWorkFeed(database.db, unmatched.userId))[0].kind).toBe('newest');
  });
});

describe('the side menu', () => {
  it('counts and lists only the freelancer’s proposals still in progress', async () => {
    const who = await freelancerWithSkills([]);
    const other = await createFreelancer(database.db);
    const posts = await Promise.all(
      ['One', 'Two', 'Three', 'Four'].map((title) => insertJobPost(database.db, client, { title })),
    );
    await insertProposal(database.db, posts[0].id, who.userId, 'submitted');
    await insertProposal(database.db, posts[1].id, who.userId, 'shortlisted');
    await insertProposal(database.db, posts[2].id, who.userId, 'withdrawn');
    await insertProposal(database.db, posts[3].id, who.userId, 'archived');
    await insertProposal(database.db, posts[3].id, other.userId, 'submitted');

    const menu = await loadFindWorkMenu(database.db, who.userId);

    expect(menu.proposals.count).toBe(2);
    expect(menu.proposals.items.map((p) => p.jobTitle).sort()).toEqual(['One', 'Two']);
    expect(menu.visibility).toBe('private');
    expect(menu.availability).toBe('available');
    const [{ slug }] = await database.db
      .select({ slug: profiles.slug })
      .from(profiles)
      .where(eq(profiles.userId, who.userId));
    expect(menu.publicPath).toBe(`/freelancers/${slug}`);
  });

  it('has defaults before the freelancer has a profile', async () => {
    const who = await createFreelancer(database.db);
    expect(await loadFindWorkMenu(database.db, who.userId)).toEqual({
      visibility: 'private',
      availability: 'available',
      publicPath: null,
      proposals: { count: 0, items: [] },
    });
  });
});
