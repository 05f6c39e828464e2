import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { formDrafts, milestoneEvents, milestoneFiles } from '@/db/schema';
import { createSession } from '@/lib/auth/service';
import { useFakeClock } from '@/lib/clock';
import { FORM_DRAFT_TTL_MS } from '@/lib/form-drafts/service';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { pdfBytes } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { fundedMilestone, stateOf } from '@/tests/helpers/milestone-work-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { streamingRequest } from '@/tests/helpers/streaming-body';
import { exeBytes, zipBytes } from '@/tests/helpers/submission-files';

/*
 * The submission upload route: the body is read with its cap, files are judged by content
 * (a 26 MB file and an .exe named .pdf are refused, naming the file), and nothing is stored
 * from a refused submission. Downloads answer as attachments with nosniff.
 */
installRequestMocks();
installTestEncryptionKey();
const { POST: upload } =
  await import('@/app/(app)/contracts/[id]/milestones/[milestoneId]/submit/upload/route');
const { GET: download } =
  await import('@/app/(app)/contracts/[id]/milestones/[milestoneId]/files/[fileId]/route');
const { default: SubmitPage } =
  await import('@/app/(app)/contracts/[id]/milestones/[milestoneId]/submit/page');
const { getEnv } = await import('@/lib/env');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const MB = 1024 * 1024;
const draftsOf = (userId: string) =>
  database.db.select().from(formDrafts).where(eq(formDrafts.userId, userId));
const SAME_SITE = { 'sec-fetch-site': 'same-origin' };

async function signedInFreelancer() {
  const m = await fundedMilestone(database.db, createSimulatedProvider(database.db));
  startRequest((await createSession(database.db, m.freelancerId)).token);
  const path = `/contracts/${m.contractId}/milestones/${m.milestoneId}/submit`;
  const params = { params: Promise.resolve({ id: m.contractId, milestoneId: m.milestoneId }) };
  return { m, path, params };
}

function formWith(files: File[]) {
  const form = new FormData();
  form.set('message', 'The sketches');
  form.set('links', 'https://example.com/figma');
  for (const f of files) form.append('files', f);
  return form;
}

const post = (path: string, body: FormData) =>
  new Request(`${getEnv().APP_URL}${path}/upload`, { method: 'POST', headers: SAME_SITE, body });

describe('POST …/milestones/[milestoneId]/submit/upload', () => {
  it('refuses a 26 MB file and an .exe named .pdf by name, and stores nothing', async () => {
    const { m, path, params } = await signedInFreelancer();
    const big = new Uint8Array(26 * MB);
    big.set(pdfBytes());
    const response = await upload(
      post(
        path,
        formWith([
          new File([big], 'huge.pdf', { type: 'application/pdf' }),
          new File([Buffer.from(exeBytes())], 'work.pdf', { type: 'application/pdf' }),
        ]),
      ),
      params,
    );
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!, 'http://x');
    expect(location.pathname).toBe(path);
    expect(location.searchParams.get('error')).toBe('invalid');
    expect(location.searchParams.get('files')).toBe('huge.pdf|work.pdf');
    expect((await stateOf(database.db, m.milestoneId)).status).toBe('funded');
    const events = await database.db
      .select()
      .from(milestoneEvents)
      .where(eq(milestoneEvents.milestoneId, m.milestoneId));
    expect(events).toEqual([]);
  });

  it('without JavaScript, puts the typed message and links back (on every reload, for the freelancer only)', async () => {
    const { m, path, params } = await signedInFreelancer();
    const form = formWith([]);
    form.set('message', 'The sketches <b>v2</b>');
    form.set('links', 'https://example.com/figma\nhttp://plain.example.com');
    const response = await upload(post(path, form), params);
    const location = new URL(response.headers.get('location')!, 'http://x');
    expect(location.search).toBe('?error=invalid&fields=links&files=');
    const page = () =>
      SubmitPage({
        ...params,
        searchParams: Promise.resolve(Object.fromEntries(location.searchParams)),
      }).then((element) => renderToStaticMarkup(element));

    // The client on the same address sees no form and no text.
    startRequest((await createSession(database.db, m.client.userId)).token);
    expect(await page()).not.toContain('The sketches');

    startRequest((await createSession(database.db, m.freelancerId)).token);
    const shown = await page();
    expect(shown).toContain('What you typed is kept below, but not the files: choose them again.');
    expect(shown).toMatch(
      /<textarea[^>]*name="message"[^>]*>The sketches &lt;b&gt;v2&lt;\/b&gt;<\/textarea>/,
    );
    expect(shown).toMatch(
      /<textarea[^>]*name="links"[^>]*>https:\/\/example.com\/figma\r?\nhttp:\/\/plain.example.com<\/textarea>/,
    );
    // Only read: a reload shows the errors and the text again.
    const again = await page();
    expect(again).toContain('Links must be full https:// addresses');
    expect(again).toContain('The sketches &lt;b&gt;v2&lt;/b&gt;');

    // A second refusal replaces the text; expired, it is not shown.
    form.set('message', 'The sketches v3');
    await upload(post(path, form), params);
    expect(await page()).toContain('The sketches v3');
    const clock = useFakeClock(new Date(Date.now() + FORM_DRAFT_TTL_MS));
    try {
      const late = await page();
      expect(late).toContain('Links must be full https:// addresses');
      expect(late).not.toContain('The sketches');
    } finally {
      clock.restore();
    }
  });

  it('discards the typed text when the corrected submission is saved', async () => {
    const { m, path, params } = await signedInFreelancer();
    const refused = formWith([]);
    refused.set('links', 'http://plain.example.com');
    await upload(post(path, refused), params);
    expect(await draftsOf(m.freelancerId)).toHaveLength(1);

    const response = await upload(post(path, formWith([])), params);
    expect(response.headers.get('location')).toBe(`${path}?notice=submitted`);
    expect((await stateOf(database.db, m.milestoneId)).status).toBe('submitted');
    expect(await draftsOf(m.freelancerId)).toEqual([]);
  });

  it('refuses a body over the cap from its declared length, unread', async () => {
    const { path, params } = await signedInFreelancer();
    const body = streamingRequest(`${getEnv().APP_URL}${path}/upload`, 300 * MB, {
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(300 * MB),
      ...SAME_SITE,
    });
    const response = await upload(body.request, params);
    expect(response.headers.get('location')).toBe(`${path}?error=too-large`);
    expect(body.bytesRead()).toBeLessThanOrEqual(128 * 1024);
  });

  it('takes a PDF and a ZIP; the file downloads as an attachment with nosniff', async () => {
    const { m, path, params } = await signedInFreelancer();
    const response = await upload(
      post(
        path,
        formWith([
          new File([Buffer.from(pdfBytes())], 'Sketches.pdf', { type: 'application/pdf' }),
          new File([Buffer.from(zipBytes())], 'sources.zip', { type: 'application/zip' }),
        ]),
      ),
      params,
    );
    expect(response.headers.get('location')).toBe(`${path}?notice=submitted`);
    const [event] = await database.db
      .select()
      .from(milestoneEvents)
      .where(eq(milestoneEvents.milestoneId, m.milestoneId));
    const files = await database.db
      .select()
      .from(milestoneFiles)
      .where(eq(milestoneFiles.eventId, event.id));
    expect(files).toHaveLength(2);
    startRequest((await createSession(database.db, m.client.userId)).token);
    const got = await download(new Request(`${getEnv().APP_URL}/x`), {
      params: Promise.resolve({
        id: m.contractId,
        milestoneId: m.milestoneId,
        fileId: files[0].fileId,
      }),
    });
    expect(got.status).toBe(200);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
  });
});
