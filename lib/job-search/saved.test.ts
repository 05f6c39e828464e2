import { and, eq } from 'drizzle-orm';
import { emailOutbox, savedSearches } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { createPoster, insertOpenPost } from '@/tests/helpers/search-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { DIGEST_TEMPLATE, sendSavedSearchDigests } from './digest';
import {
  deleteSavedSearch,
  listSavedSearches,
  SAVED_SEARCH_NOT_FOUND,
  saveSearch,
  visitSavedSearch,
} from './saved';
import { saveSearchSchema } from './saved-schemas';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2026-12-02T10:00:00Z');
const HOUR = 3600_000;
let me: { userId: string; email: string };
let other: { userId: string; email: string };
let ws: string;

beforeAll(async () => {
  database = await createTestDatabase();
  me = await createFreelancer(database.db);
  other = await createFreelancer(database.db);
  ws = (await createPoster(database.db)).workspaceId;
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

const form = (fields: Record<string, string>) => saveSearchSchema.parse(fields);
const digestsTo = (email: string) =>
  database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, DIGEST_TEMPLATE)));

describe('saved searches', () => {
  it("saves, lists with new counts, and refuses another freelancer's id", async () => {
    const db = database.db;
    const saved = await saveSearch(
      db,
      me.userId,
      form({ name: 'Go', q: 'golang', kind: 'hourly' }),
    );
    if (!saved.ok) throw new Error(saved.message);
    expect((await listSavedSearches(db, me.userId)).map((s) => [s.name, s.newCount])).toEqual([
      ['Go', 0],
    ]);
    expect(await listSavedSearches(db, other.userId)).toEqual([]);

    clock.advance(HOUR);
    await insertOpenPost(db, new Date(START.getTime() + HOUR), {
      workspaceId: ws,
      title: 'Golang backend',
    });
    await insertOpenPost(db, new Date(START.getTime() + HOUR), {
      workspaceId: ws,
      title: 'Golang fixed job',
      budgetKind: 'fixed',
      hourlyMinCents: null,
      hourlyMaxCents: null,
      fixedBudgetCents: 90000,
    });
    const [listed] = await listSavedSearches(db, me.userId);
    expect(listed.newCount).toBe(1);
    expect(listed.href).toBe(`/find-work/search?q=golang&kind=hourly&saved=${saved.id}`);

    expect(await visitSavedSearch(db, other.userId, saved.id)).toBeUndefined();
    expect(await deleteSavedSearch(db, other.userId, saved.id)).toEqual({
      ok: false,
      message: SAVED_SEARCH_NOT_FOUND,
    });

    clock.advance(60_000);
    const visit = await visitSavedSearch(db, me.userId, saved.id);
    expect(visit?.newSince).toEqual(START);
    expect((await listSavedSearches(db, me.userId))[0].newCount).toBe(0);

    expect(await deleteSavedSearch(db, me.userId, saved.id)).toEqual({ ok: true, id: saved.id });
    expect(await listSavedSearches(db, me.userId)).toEqual([]);
  });

  it('refuses an invalid filter and a name too long', async () => {
    expect(
      await saveSearch(database.db, me.userId, form({ name: 'x', kind: 'weekly' })),
    ).toMatchObject({ ok: false });
    expect(saveSearchSchema.safeParse({ name: 'n'.repeat(81) }).success).toBe(false);
    expect(saveSearchSchema.safeParse({ name: '  ' }).success).toBe(false);
  });
});

describe('the daily digest', () => {
  it('sends once a day, only posts opened since the last digest, only when there are any', async () => {
    const db = database.db;
    const t0 = new Date('2026-12-10T08:00:00Z');
    clock.set(t0);
    await insertOpenPost(db, new Date(t0.getTime() - HOUR), {
      workspaceId: ws,
      title: 'Rust compiler work',
    });
    const saved = await saveSearch(db, me.userId, form({ name: 'Rust', q: 'rust' }));
    if (!saved.ok) throw new Error(saved.message);
    await saveSearch(db, other.userId, form({ name: 'Cobol', q: 'cobol' }));

    clock.set(new Date(t0.getTime() + 2 * HOUR));
    await insertOpenPost(db, clock.now(), { workspaceId: ws, title: 'Rust embedded firmware' });
    // Not yet a day: nothing.
    expect(await sendSavedSearchDigests(db, clock.now())).toBe(0);

    clock.set(new Date(t0.getTime() + 24 * HOUR));
    expect(await sendSavedSearchDigests(db, clock.now())).toBe(1);
    expect(await sendSavedSearchDigests(db, clock.now())).toBe(0);
    const mine = await digestsTo(me.email);
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toBe('1 new job for “Rust”');
    expect(mine[0].text).toContain('Rust embedded firmware');
    expect(mine[0].text).not.toContain('Rust compiler work');
    // Cobol matched nothing: its clock moved on, no email.
    expect(await digestsTo(other.email)).toHaveLength(0);

    clock.set(new Date(t0.getTime() + 30 * HOUR));
    await insertOpenPost(db, clock.now(), { workspaceId: ws, title: 'Rust web service' });
    expect(await sendSavedSearchDigests(db, clock.now())).toBe(0);
    clock.set(new Date(t0.getTime() + 48 * HOUR));
    expect(await sendSavedSearchDigests(db, clock.now())).toBe(1);
    const again = await digestsTo(me.email);
    expect(again).toHaveLength(2);
    const latest = again.find((m) => m.id !== mine[0].id)!;
    expect(latest.text).toContain('Rust web service');
    expect(latest.text).not.toContain('Rust embedded firmware');
    const [row] = await db.select().from(savedSearches).where(eq(savedSearches.id, saved.id));
    expect(row.lastDigestAt).toEqual(clock.now());
  });
});
