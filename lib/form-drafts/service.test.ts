import { eq } from 'drizzle-orm';
import { formDrafts } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import {
  deleteExpiredFormDrafts,
  discardFormDraft,
  draftFieldsOf,
  FORM_DRAFT_TTL_MS,
  keepFormDraft,
  readFormDraft,
} from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2026-12-02T10:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

const draftsOf = (userId: string) =>
  database.db.select().from(formDrafts).where(eq(formDrafts.userId, userId));

describe('draftFieldsOf', () => {
  it('keeps only the named text fields, each cut to its limit, without NUL characters', () => {
    const form = new FormData();
    form.set('note', 'abcdefgh');
    form.set('short', 'a\u0000b');
    form.set('unnamed', 'not kept');
    form.set('__proto__', 'not kept either');
    form.append('files', new File(['%PDF'], 'a.pdf', { type: 'application/pdf' }));
    const fields = draftFieldsOf(form, { note: 5, short: 10, files: 100 });
    expect(fields).toEqual({ note: 'abcde', short: 'ab' });
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });
});

describe('a form draft', () => {
  it('is read by its person, for its subject, as often as asked, until it expires', async () => {
    const me = await createFreelancer(database.db);
    const other = await createFreelancer(database.db);
    const key = { userId: me.userId, form: 'proposal', subjectId: 'job-1' };
    await keepFormDraft(database.db, key, { coverLetter: 'First' });
    await keepFormDraft(database.db, key, { coverLetter: 'Second' });
    // One draft per person and form: the second replaced the first.
    expect(await draftsOf(me.userId)).toHaveLength(1);

    expect(await readFormDraft(database.db, { ...key, userId: other.userId })).toBeUndefined();
    expect(await readFormDraft(database.db, { ...key, subjectId: 'job-2' })).toBeUndefined();
    expect(await readFormDraft(database.db, { ...key, form: 'milestone-submission' })).toBe(
      undefined,
    );
    // Reading writes nothing: a reload (or a second tab) reads the same text again.
    expect(await readFormDraft(database.db, key)).toEqual({ coverLetter: 'Second' });
    expect(await readFormDraft(database.db, key)).toEqual({ coverLetter: 'Second' });
    expect(await draftsOf(me.userId)).toHaveLength(1);

    clock.advance(FORM_DRAFT_TTL_MS - 1);
    expect(await readFormDraft(database.db, key)).toEqual({ coverLetter: 'Second' });
    clock.advance(1);
    // Expired: never read, though the row waits for the tick.
    expect(await readFormDraft(database.db, key)).toBeUndefined();
    expect(await draftsOf(me.userId)).toHaveLength(1);
  });

  it('is discarded for its own person and subject only', async () => {
    const me = await createFreelancer(database.db);
    const other = await createFreelancer(database.db);
    const key = { userId: me.userId, form: 'proposal', subjectId: 'job-1' };
    const theirs = { ...key, userId: other.userId };
    await keepFormDraft(database.db, key, { coverLetter: 'Mine' });
    await keepFormDraft(database.db, theirs, { coverLetter: 'Theirs' });

    await discardFormDraft(database.db, { ...key, subjectId: 'job-2' });
    await discardFormDraft(database.db, { ...key, form: 'milestone-submission' });
    expect(await readFormDraft(database.db, key)).toEqual({ coverLetter: 'Mine' });

    await discardFormDraft(database.db, key);
    expect(await readFormDraft(database.db, key)).toBeUndefined();
    expect(await draftsOf(me.userId)).toEqual([]);
    expect(await readFormDraft(database.db, theirs)).toEqual({ coverLetter: 'Theirs' });
  });

  it('is deleted by the tick once expired, not before', async () => {
    const me = await createFreelancer(database.db);
    await keepFormDraft(
      database.db,
      { userId: me.userId, form: 'proposal', subjectId: 'job-1' },
      { coverLetter: 'Text' },
    );
    const before = new Date(START.getTime() + FORM_DRAFT_TTL_MS - 1);
    await deleteExpiredFormDrafts(database.db, before);
    expect(await draftsOf(me.userId)).toHaveLength(1);
    const at = new Date(START.getTime() + FORM_DRAFT_TTL_MS);
    expect(await deleteExpiredFormDrafts(database.db, at)).toBeGreaterThanOrEqual(1);
    expect(await draftsOf(me.userId)).toEqual([]);
  });
});
