import type { Inviter } from '@/lib/accounts/inviter';
import { createSession } from '@/lib/auth/service';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { pageOutcome } from '@/tests/helpers/page-outcome';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';

/* Closing a job post asks first, on a page of its own (docs/destructive-actions.md). */
installRequestMocks();
const { default: JobPage } = await import('@/app/(app)/client/jobs/[id]/page');
const { default: ClosePage } = await import('@/app/(app)/client/jobs/[id]/close/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;
let clientToken: string;
let otherToken: string;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
  const other = await createClient(database.db, { workspaceName: 'Other Co' });
  clientToken = (await createSession(database.db, client.userId)).token;
  otherToken = (await createSession(database.db, other.userId)).token;
});
afterAll(() => database.dispose());

function closePage(id: string, token: string) {
  startRequest(token);
  return pageOutcome(() => ClosePage({ params: Promise.resolve({ id }) }));
}

describe('the close page of a job post', () => {
  it('is reached by a link from the open post, and asks with the reason and the consequences', async () => {
    const job = await insertJobPost(database.db, client, { title: 'Chart builder' });
    startRequest(clientToken);
    const detail = await pageOutcome(() =>
      JobPage({ params: Promise.resolve({ id: job.id }), searchParams: Promise.resolve({}) }),
    );
    expect(detail).toContain(`href="/client/jobs/${job.id}/close"`);
    expect(detail).not.toContain('name="reason"');

    const html = await closePage(job.id, clientToken);
    expect(html).toContain('Close the job post “Chart builder”?');
    expect(html).toContain('can no longer find it in search or send proposals');
    expect(html).toContain('name="reason"');
    expect(html).toContain(`value="${job.id}"`);
    expect(html).toContain(`href="/client/jobs/${job.id}"`);
  });

  it('is not found for another client or a malformed id, and sends a post not open back to it', async () => {
    const job = await insertJobPost(database.db, client);
    expect(await closePage(job.id, otherToken)).toBe('not-found');
    expect(await closePage('not-a-uuid', clientToken)).toBe('not-found');
    const closed = await insertJobPost(database.db, client, {
      status: 'closed',
      closedAt: new Date(),
      closeReason: 'not_hired',
    });
    expect(await closePage(closed.id, clientToken)).toBe(`redirect /client/jobs/${closed.id}`);
  });
});
