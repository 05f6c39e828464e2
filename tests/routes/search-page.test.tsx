import { createSession } from '@/lib/auth/service';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { pageOutcome } from '@/tests/helpers/page-outcome';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

/* The search page's "Did you mean": offered when a search finds little, not on a full page. */
installRequestMocks();
installTestEncryptionKey();
const { default: SearchPage } = await import('@/app/(app)/find-work/search/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let token: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const client = await createClient(database.db);
  // Titles hold "quokkas" (the suggestions' vocabulary); descriptions hold "quokka".
  await insertJobPost(database.db, client, { title: 'Quokkas photographed' });
  for (let i = 0; i < 20; i++)
    await insertJobPost(database.db, client, {
      title: `Animal care ${i}`,
      description: 'Feeding a quokka twice a day.',
    });
  const freelancer = await createFreelancer(database.db);
  token = (await createSession(database.db, freelancer.userId)).token;
});
afterAll(() => database.dispose());

async function search(q: string): Promise<string> {
  startRequest(token);
  return pageOutcome(() => SearchPage({ searchParams: Promise.resolve({ q }) }));
}

it('offers the vocabulary word when the search finds nothing', async () => {
  const html = await search('quokkaz');
  expect(html).toContain('No open jobs match this search.');
  expect(html).toMatch(/Did you mean <a href="[^"]*q=quokkas[^"]*">quokkas<\/a>\?/);
});

it('offers nothing once the search fills a page, although the word is not in the vocabulary', async () => {
  const html = await search('quokka');
  expect(html).toContain('Animal care');
  expect(html).not.toContain('Did you mean');
});
