import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { proposalAttachments, proposals, storedFiles } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { createSession } from '@/lib/auth/service';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { pdfBytes } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { streamingRequest } from '@/tests/helpers/streaming-body';
import { exeBytes, zipBytes } from '@/tests/helpers/submission-files';

/*
 * Proposal attachments (SPEC 5): files are judged by content (an .exe named .pdf and a 26 MB
 * file are refused, and a sixth file), a refused proposal stores nothing, both proposal pages
 * list the files, and the download is for the freelancer, the job's client and ops only.
 */
installRequestMocks();
installTestEncryptionKey();
const { POST: send } = await import('@/app/(app)/jobs/[id]/propose/send/route');
const { GET: download } = await import('@/app/(app)/proposals/[id]/files/[fileId]/route');
const { default: ProposePage } = await import('@/app/(app)/jobs/[id]/propose/page');
const { default: ProposalPage } = await import('@/app/(app)/proposals/[id]/page');
const { default: ClientProposalPage } =
  await import('@/app/(app)/client/jobs/[id]/proposals/[proposalId]/page');
const { getEnv } = await import('@/lib/env');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;
beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
});
afterAll(() => database.dispose());

const MB = 1024 * 1024;
const pdf = (name = 'Portfolio.pdf') =>
  new File([Buffer.from(pdfBytes())], name, { type: 'application/pdf' });

async function signIn(userId: string | null) {
  startRequest(userId ? (await createSession(database.db, userId)).token : null);
}

function proposalForm(files: File[], overrides: Record<string, string> = {}) {
  const form = new FormData();
  const fields = {
    coverLetter: 'I build dashboards.',
    'answers.0': 'Line charts.',
    'answers.1': 'Monday.',
    bidShape: 'hourly',
    hourlyRateDollars: '45',
    estimatedDuration: '1_to_3_months',
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const f of files) form.append('files', f);
  return form;
}

const post = (jobPostId: string, body: FormData, headers: Record<string, string> = {}) =>
  send(
    new Request(`${getEnv().APP_URL}/jobs/${jobPostId}/propose/send`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin', ...headers },
      body,
    }),
    { params: Promise.resolve({ id: jobPostId }) },
  );

/** A freelancer signed in, and a fresh job of the client's. */
async function freelancerAndJob() {
  const f = await createFreelancer(database.db);
  const job = await insertJobPost(database.db, client);
  await signIn(f.userId);
  return { f, job };
}

async function nothingStored(freelancerId: string) {
  const sent = await database.db
    .select()
    .from(proposals)
    .where(eq(proposals.freelancerId, freelancerId));
  const files = await database.db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(eq(storedFiles.ownerId, freelancerId));
  expect(sent).toEqual([]);
  expect(files).toEqual([]);
}

async function render(page: Promise<unknown>): Promise<string> {
  try {
    return renderToStaticMarkup((await page) as React.ReactElement);
  } catch (error) {
    if (String((error as { digest?: unknown }).digest) === 'NEXT_HTTP_ERROR_FALLBACK;404')
      return 'not-found';
    throw error;
  }
}

describe('POST /jobs/[id]/propose/send', () => {
  it('refuses a 26 MB file and an .exe named .pdf by name, stores nothing, and says so by the field', async () => {
    const { f, job } = await freelancerAndJob();
    const big = new Uint8Array(26 * MB);
    big.set(pdfBytes());
    const files = [
      new File([big], 'huge.pdf', { type: 'application/pdf' }),
      new File([Buffer.from(exeBytes())], 'work.pdf', { type: 'application/pdf' }),
    ];
    const response = await post(job.id, proposalForm(files));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!, 'http://x');
    expect(location.pathname).toBe(`/jobs/${job.id}/propose`);
    expect(location.searchParams.get('error')).toBe('invalid');
    expect(location.searchParams.get('fields')).toBe('files');
    expect(location.searchParams.get('files')).toBe('huge.pdf|work.pdf');
    await nothingStored(f.userId);

    const page = await render(
      ProposePage({
        params: Promise.resolve({ id: job.id }),
        searchParams: Promise.resolve(Object.fromEntries(location.searchParams)),
      }),
    );
    expect(page).toMatch(
      /<input id="field-files" aria-invalid="true" aria-describedby="field-files-hint field-files-error"/,
    );
    expect(page).toContain(
      '<p id="field-files-error" class="field-error">Not accepted: huge.pdf, work.pdf. Files must be PDF, PNG, JPEG or ZIP',
    );

    // With the form's script: the route's own sentences, each naming its file.
    const json = await post(job.id, proposalForm(files), { accept: 'application/json' });
    const state = await json.json();
    expect(state.ok).toBe(false);
    expect(state.fieldErrors.files[0]).toMatch(
      /^huge\.pdf: This file is 26 MB; the limit is 25 MB/,
    );
    expect(state.fieldErrors.files[1]).toMatch(
      /^work\.pdf: This file isn't a PDF, PNG, JPEG or ZIP/,
    );
    expect(state.values.coverLetter).toBe('I build dashboards.');
    await nothingStored(f.userId);
  });

  it('refuses a sixth file, and a hidden NUL character, storing nothing', async () => {
    const { f, job } = await freelancerAndJob();
    const six = Array.from({ length: 6 }, (_, i) => pdf(`Part ${i + 1}.pdf`));
    const plain = await post(job.id, proposalForm(six));
    expect(new URL(plain.headers.get('location')!, 'http://x').searchParams.get('files')).toBe(
      'too-many',
    );
    const state = await (
      await post(job.id, proposalForm(six), { accept: 'application/json' })
    ).json();
    expect(state.fieldErrors.files).toEqual([
      'Attach at most 5 files; you chose 6. Put the rest in a ZIP or share a link.',
    ]);
    const nul = await post(job.id, proposalForm([pdf()], { coverLetter: 'Hi\u0000' }), {
      accept: 'application/json',
    });
    expect((await nul.json()).fieldErrors.coverLetter).toEqual([
      'This field contains a hidden character we cannot store. Please retype it.',
    ]);
    await nothingStored(f.userId);
  });

  it('refuses a body over the cap from its declared length, unread', async () => {
    const { job } = await freelancerAndJob();
    const body = streamingRequest(`${getEnv().APP_URL}/jobs/${job.id}/propose/send`, 300 * MB, {
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(300 * MB),
      'sec-fetch-site': 'same-origin',
    });
    const response = await send(body.request, { params: Promise.resolve({ id: job.id }) });
    expect(response.headers.get('location')).toBe(`/jobs/${job.id}/propose?error=too-large`);
    expect(body.bytesRead()).toBeLessThanOrEqual(128 * 1024);
  });
});

describe('a proposal with files', () => {
  it('lists them on both pages; they download for the freelancer, the client and ops only', async () => {
    const { f, job } = await freelancerAndJob();
    const zip = new File([Buffer.from(zipBytes())], 'sources.zip', { type: 'application/zip' });
    const response = await post(job.id, proposalForm([pdf(), zip]));
    const id = /^\/proposals\/([0-9a-f-]{36})\?notice=sent$/.exec(
      response.headers.get('location') ?? '',
    )?.[1];
    expect(id).toBeDefined();
    const files = await database.db
      .select({ id: storedFiles.id, fileName: storedFiles.fileName })
      .from(proposalAttachments)
      .innerJoin(storedFiles, eq(storedFiles.id, proposalAttachments.fileId))
      .where(eq(proposalAttachments.proposalId, id!));
    expect(files.map((x) => x.fileName).sort()).toEqual(['Portfolio.pdf', 'sources.zip']);
    const pdfId = files.find((x) => x.fileName === 'Portfolio.pdf')!.id;
    const link = `<a href="/proposals/${id}/files/${pdfId}" download="">Portfolio.pdf</a>`;

    const own = await render(
      ProposalPage({ params: Promise.resolve({ id: id! }), searchParams: Promise.resolve({}) }),
    );
    expect(own).toContain(link);
    expect(own).toContain('(PDF, 1 KB)');
    expect(own).toContain('sources.zip');
    await signIn(client.userId);
    const theirs = await render(
      ClientProposalPage({
        params: Promise.resolve({ id: job.id, proposalId: id! }),
        searchParams: Promise.resolve({}),
      }),
    );
    expect(theirs).toContain(link);
    expect(theirs).toContain('(ZIP,');

    const get = (fileId = pdfId, proposalId = id!) =>
      download(new Request(`${getEnv().APP_URL}/x`), {
        params: Promise.resolve({ id: proposalId, fileId }),
      });
    for (const who of [f.userId, client.userId]) {
      await signIn(who);
      const got = await get();
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer())).toEqual(Buffer.from(pdfBytes()));
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('content-disposition')).toBe('attachment; filename="Portfolio.pdf"');
      expect(got.headers.get('cache-control')).toBe('no-store');
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    }

    const otherFreelancer = await createFreelancer(database.db);
    const otherClient = await createClient(database.db);
    for (const who of [otherFreelancer.userId, otherClient.userId, null]) {
      await signIn(who);
      expect((await get()).status).toBe(404);
    }
    // A file asked for under another proposal's id is not found, even by that one's sender.
    const { job: other } = await freelancerAndJob();
    const elsewhere = await post(other.id, proposalForm([]));
    const otherId = elsewhere.headers.get('location')!.split('/')[2].split('?')[0];
    expect((await get(pdfId, otherId)).status).toBe(404);

    const ops = await createFreelancer(database.db);
    await withEnv({ ADMIN_EMAILS: ops.email }, async () => {
      await signIn(ops.userId);
      expect((await get()).status).toBe(200);
    });
  });
});
