import { saveSearch } from '@/lib/job-search/saved';
import { saveSearchSchema } from '@/lib/job-search/saved-schemas';
import { createSession } from '@/lib/auth/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { pageOutcome } from '@/tests/helpers/page-outcome';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

/* Deleting a saved search asks first, on a page of its own (docs/destructive-actions.md). */
installRequestMocks();
installTestEncryptionKey();
const { default: DeleteSavedSearchPage } =
  await import('@/app/(app)/find-work/search/saved/[id]/delete/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function pageAs(userId: string, id: string): Promise<string> {
  startRequest((await createSession(database.db, userId)).token);
  return pageOutcome(() => DeleteSavedSearchPage({ params: Promise.resolve({ id }) }));
}

it('asks its owner, naming the search, and is not found for anyone else', async () => {
  const owner = await createFreelancer(database.db);
  const stranger = await createFreelancer(database.db);
  const saved = await saveSearch(
    database.db,
    owner.userId,
    saveSearchSchema.parse({ name: 'React <b>jobs</b>', q: 'react' }),
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved));

  const html = await pageAs(owner.userId, saved.id);
  expect(html).toContain('Delete the saved search “React &lt;b&gt;jobs&lt;/b&gt;”?');
  expect(html).toContain('Its daily email of new matching jobs stops.');
  expect(html).toMatch(new RegExp(`<input[^>]*name="id"[^>]*value="${saved.id}"`));
  expect(html).toContain('href="/find-work/search"');

  expect(await pageAs(stranger.userId, saved.id)).toBe('not-found');
  expect(await pageAs(owner.userId, 'not-a-uuid')).toBe('not-found');
});
