import { createSession } from '@/lib/auth/service';
import {
  acceptedContract,
  createWorkspace,
  pdfBytes,
  sampleAnswers,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { streamingRequest } from '@/tests/helpers/streaming-body';

/*
 * Issue 13.1: oversized bodies to the compliance upload route and to the Resend webhook are
 * refused without being read (or read only up to the cap), and memory stays flat.
 */
installRequestMocks();
installTestEncryptionKey();
const { POST: submitCompliance } = await import('@/app/(app)/onboarding/compliance/submit/route');
const { POST: resendWebhook } = await import('@/app/api/webhooks/resend/route');
const { WEBHOOK_BODY_LIMIT_BYTES } = await import('@/lib/server/body-limits');
const { getEnv } = await import('@/lib/env');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const MB = 1024 * 1024;
const SAME_SITE = { 'sec-fetch-site': 'same-origin' };
const url = (path: string) => `${getEnv().APP_URL}${path}`;

/** RSS growth while `run` handles a request: bounded far below the body that was offered. */
async function rssGrowth(run: () => Promise<void>): Promise<number> {
  const before = process.memoryUsage().rss;
  await run();
  return process.memoryUsage().rss - before;
}

async function freelancerAwaitingDocuments() {
  const enterprise = await createWorkspace(database.db, 'enterprise');
  const contract = await acceptedContract(database.db, enterprise, uniqueEmail('docs'));
  const session = await createSession(database.db, contract.freelancerId);
  return { ...contract, sessionToken: session.token };
}

describe('POST /onboarding/compliance/submit', () => {
  const multipart = { 'content-type': 'multipart/form-data; boundary=x', ...SAME_SITE };

  it('sends a visitor without a session to sign in before reading a byte of 300 MB', async () => {
    startRequest(null);
    const body = streamingRequest(url('/onboarding/compliance/submit'), 300 * MB, multipart);
    const response = await submitCompliance(body.request);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in');
    expect(body.bytesRead()).toBeLessThanOrEqual(128 * 1024);
  });

  it('refuses a cross-site post before anything else', async () => {
    const { sessionToken } = await freelancerAwaitingDocuments();
    startRequest(sessionToken);
    const body = streamingRequest(url('/onboarding/compliance/submit'), 300 * MB, {
      ...multipart,
      'sec-fetch-site': 'cross-site',
    });
    expect((await submitCompliance(body.request)).status).toBe(403);
    expect(body.bytesRead()).toBeLessThanOrEqual(128 * 1024);
  });

  it('answers a signed-in freelancer with "too large" from the declared length, unread', async () => {
    const { sessionToken } = await freelancerAwaitingDocuments();
    startRequest(sessionToken);
    const body = streamingRequest(url('/onboarding/compliance/submit'), 300 * MB, {
      ...multipart,
      'content-length': String(300 * MB),
    });
    const response = await submitCompliance(body.request);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(
      /^\/onboarding\/compliance\?error=1&.*documents=too-large/,
    );
    expect(body.bytesRead()).toBeLessThanOrEqual(128 * 1024);
  });

  it('stops reading a 300 MB body sent without a length at the cap, and memory stays flat', async () => {
    const { sessionToken } = await freelancerAwaitingDocuments();
    startRequest(sessionToken);
    const body = streamingRequest(url('/onboarding/compliance/submit'), 300 * MB, multipart);
    let location: string | null = null;
    const growth = await rssGrowth(async () => {
      location = (await submitCompliance(body.request)).headers.get('location');
    });
    expect(location).toMatch(/documents=too-large/);
    // Five documents of 10 MB and the form around them, never the 300 MB offered.
    expect(body.bytesRead()).toBeLessThan(51 * MB);
    expect(growth).toBeLessThan(160 * MB);
  });

  it('takes a real submission and says which questions are missing', async () => {
    const { sessionToken } = await freelancerAwaitingDocuments();
    startRequest(sessionToken);
    const post = (form: FormData) =>
      submitCompliance(
        new Request(url('/onboarding/compliance/submit'), {
          method: 'POST',
          headers: SAME_SITE,
          body: form,
        }),
      );
    const partial = new FormData();
    const { ownTools, ...rest } = sampleAnswers();
    for (const [id, value] of Object.entries(rest)) partial.append(id, value);
    partial.append(
      'documents',
      new File([Buffer.from(pdfBytes())], 'Registration.pdf', { type: 'application/pdf' }),
    );
    const refused = new URL(String((await post(partial)).headers.get('location')), 'http://x');
    expect(refused.searchParams.getAll('missing')).toEqual(['ownTools']);
    expect(refused.searchParams.get('a.control')).toBe(rest.control);

    const complete = new FormData();
    for (const [id, value] of Object.entries({ ownTools, ...rest })) complete.append(id, value);
    const noDocuments = await post(complete);
    expect(noDocuments.headers.get('location')).toMatch(/documents=missing/);
    complete.append(
      'documents',
      new File([Buffer.from(pdfBytes())], 'Registration.pdf', { type: 'application/pdf' }),
    );
    expect((await post(complete)).headers.get('location')).toBe(
      '/onboarding/compliance?notice=submitted',
    );
  });
});

describe('POST /api/webhooks/resend', () => {
  it('refuses an unsigned 300 MB post after reading no more than the cap', async () => {
    await withEnv(
      { RESEND_WEBHOOK_SECRET: `whsec_${Buffer.from('k'.repeat(24)).toString('base64')}` },
      async () => {
        const body = streamingRequest(url('/api/webhooks/resend'), 300 * MB, {
          'content-type': 'application/json',
        });
        let status = 0;
        const growth = await rssGrowth(async () => {
          status = (await resendWebhook(body.request)).status;
        });
        expect(status).toBe(413);
        expect(body.bytesRead()).toBeLessThanOrEqual(WEBHOOK_BODY_LIMIT_BYTES + 128 * 1024);
        expect(growth).toBeLessThan(32 * MB);

        const declared = streamingRequest(url('/api/webhooks/resend'), 300 * MB, {
          'content-type': 'application/json',
          'content-length': String(300 * MB),
        });
        expect((await resendWebhook(declared.request)).status).toBe(413);
        expect(declared.bytesRead()).toBeLessThanOrEqual(128 * 1024);
      },
    );
  });
});
