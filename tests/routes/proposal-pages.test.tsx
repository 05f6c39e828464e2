import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { formDrafts } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { createSession } from '@/lib/auth/service';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { getEnv } from '@/lib/env';
import { useFakeClock } from '@/lib/clock';
import { FORM_DRAFT_TTL_MS } from '@/lib/form-drafts/service';

/* Issue 18, the freelancer's side of proposals: the form, the list, one proposal, withdrawing. */
installRequestMocks();
installTestEncryptionKey();
const { default: ProposePage } = await import('@/app/(app)/jobs/[id]/propose/page');
const { POST: sendProposal } = await import('@/app/(app)/jobs/[id]/propose/send/route');
const { default: ProposalsPage } = await import('@/app/(app)/proposals/page');
const { default: ProposalPage } = await import('@/app/(app)/proposals/[id]/page');
const { default: WithdrawPage } = await import('@/app/(app)/proposals/[id]/withdraw/page');
const { withdrawProposalAction } = await import('@/app/(app)/proposals/actions');
const { default: PublicJobPage } = await import('@/app/(public)/jobs/[id]/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;
beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
});
afterAll(() => database.dispose());

const draftOf = (userId: string) =>
  database.db.select().from(formDrafts).where(eq(formDrafts.userId, userId));

const SCRIPT = '<script>alert(1)</script> I build dashboards.';

/** Runs a page or action as a request of `userId` (null: signed out); redirects and 404s as text. */
async function as(userId: string | null, run: () => Promise<unknown>): Promise<string> {
  startRequest(userId ? (await createSession(database.db, userId)).token : null);
  try {
    const result = await run();
    return typeof result === 'object' && result && 'type' in result
      ? renderToStaticMarkup(result as React.ReactElement)
      : result && typeof result === 'object' && 'redirect' in result
        ? `redirect ${String(result.redirect)}`
        : JSON.stringify(result);
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest.split(';')[2]}`;
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not-found';
    throw error;
  }
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const notice = (value?: string) => ({ searchParams: Promise.resolve({ notice: value }) });
const propose = (id: string, query: Record<string, string> = {}) => ({
  ...params(id),
  searchParams: Promise.resolve(query),
});

/**
 * Posts the form to its route as the browser does: with the form's script (JSON back) or
 * without (a 303, answered here as "redirect <location>").
 */
function submit(body: FormData, { script = false } = {}) {
  return async () => {
    const jobPostId = String(body.get('jobPostId'));
    const response = await sendProposal(
      new Request(`${getEnv().APP_URL}/jobs/${jobPostId}/propose/send`, {
        method: 'POST',
        headers: {
          'sec-fetch-site': 'same-origin',
          ...(script ? { accept: 'application/json' } : {}),
        },
        body,
      }),
      params(jobPostId),
    );
    return response.status === 303
      ? { redirect: response.headers.get('location') }
      : await response.json();
  };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const proposal = (jobPostId: string, overrides: Record<string, string> = {}) =>
  form({
    jobPostId,
    coverLetter: SCRIPT,
    'answers.0': 'Line charts.',
    'answers.1': 'Monday.',
    bidShape: 'hourly',
    hourlyRateDollars: '45',
    estimatedDuration: '1_to_3_months',
    ...overrides,
  });

describe('/jobs/[id]/propose', () => {
  it('shows the job and a form with one answer per question and the bid its budget asks for', async () => {
    const f = await createFreelancer(database.db);
    const hourly = await insertJobPost(database.db, client);
    const html = await as(f.userId, () => ProposePage(propose(hourly.id)));
    expect(html).toContain('Build charts for our dashboard.');
    expect(html).toContain('<label for="field-answers.0">Which charts have you built?</label>');
    expect(html).toContain('<label for="field-answers.1">When can you start?</label>');
    expect(html).toContain('name="hourlyRateDollars"');
    expect(html).not.toContain('name="bidDollars"');

    const fixed = await insertJobPost(database.db, client, { budgetKind: 'fixed', questions: [] });
    const fixedHtml = await as(f.userId, () => ProposePage(propose(fixed.id)));
    expect(fixedHtml).toContain('name="bidDollars"');
    // Without JavaScript: every milestone row, the ones after the third folded away.
    expect(fixedHtml.match(/name="milestones\.\d\.amountDollars"/g)).toHaveLength(10);
    expect(fixedHtml).toMatch(
      /<details><summary>More milestones[^<]*<\/summary><div class="milestone">/,
    );
    expect(fixedHtml).toMatch(/enctype="multipart\/form-data"/i);
    expect(fixedHtml).toContain(`action="/jobs/${fixed.id}/propose/send"`);
    expect(fixedHtml).toMatch(
      /<input id="field-files"[^>]*type="file"[^>]*multiple=""[^>]*name="files"/,
    );
    expect(fixedHtml).not.toContain('field-answers.0');
  });

  it('says a closed or expired job takes no proposals, and is not found when hidden', async () => {
    const f = await createFreelancer(database.db);
    const closed = await insertJobPost(database.db, client, {
      status: 'closed',
      closedAt: new Date(),
      closeReason: 'hired',
    });
    const closedHtml = await as(f.userId, () => ProposePage(propose(closed.id)));
    expect(closedHtml).toContain('This job is closed and no longer takes proposals.');
    expect(closedHtml).not.toContain('<form');

    const lapsed = await insertJobPost(database.db, client, {
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await as(f.userId, () => ProposePage(propose(lapsed.id)))).toContain(
      'This job has expired and no longer takes proposals.',
    );

    const inviteOnly = await insertJobPost(database.db, client, { visibility: 'invite_only' });
    expect(await as(f.userId, () => ProposePage(propose(inviteOnly.id)))).toBe('not-found');
    expect(await as(f.userId, () => ProposePage(propose('not-a-uuid')))).toBe('not-found');
  });

  it('sends every field error back beside its field, with the text as typed', async () => {
    const f = await createFreelancer(database.db);
    const job = await insertJobPost(database.db, client);
    const answer = JSON.parse(
      await as(f.userId, () =>
        submit(proposal(job.id, { coverLetter: '', 'answers.1': '', hourlyRateDollars: '2' }), {
          script: true,
        })(),
      ),
    );
    expect(answer.ok).toBe(false);
    expect(Object.keys(answer.fieldErrors).sort()).toEqual([
      'answers.1',
      'coverLetter',
      'hourlyRateDollars',
    ]);
    expect(answer.values['answers.0']).toBe('Line charts.');

    const rate = JSON.parse(
      await as(f.userId, () =>
        submit(proposal(job.id, { hourlyRateDollars: '2' }), { script: true })(),
      ),
    );
    expect(rate.fieldErrors.hourlyRateDollars).toEqual([
      'The hourly rate must be between $3.00 and $999.99.',
    ]);
    expect(rate.values.coverLetter).toBe(SCRIPT);

    // Without JavaScript: a 303 back to the form, the problems as keys the page puts in words.
    const plain = await as(f.userId, submit(proposal(job.id, { coverLetter: '' })));
    expect(plain).toBe(`redirect /jobs/${job.id}/propose?error=invalid&fields=coverLetter`);
    const shown = await as(f.userId, () =>
      ProposePage(propose(job.id, { error: 'invalid', fields: 'coverLetter,<b>x</b>' })),
    );
    expect(shown).toContain('Correct the highlighted fields');
    expect(shown).toContain(
      '<p id="field-coverLetter-error" class="field-error">Write a cover letter of up to 5,000 characters.</p>',
    );
    expect(shown).not.toContain('<b>x');
  });
});

describe('a proposal refused without JavaScript', () => {
  it('comes back with the text typed, to its freelancer only, on every reload until sent, never in the address', async () => {
    const f = await createFreelancer(database.db);
    const other = await createFreelancer(database.db);
    const job = await insertJobPost(database.db, client, { budgetKind: 'fixed' });
    const typed = proposal(job.id, {
      'answers.0': 'Line charts & maps.',
      'answers.1': '',
      bidShape: 'milestones',
      hourlyRateDollars: '',
      'milestones.0.description': 'Wireframes',
      'milestones.0.amountDollars': '400',
      'milestones.1.description': 'Charts',
      'milestones.1.amountDollars': '600',
      'milestones.2.description': 'Tests',
      'milestones.2.amountDollars': '300',
      // The fourth row is folded in a <details>, open when it holds text.
      'milestones.3.description': 'Launch week',
      'milestones.3.amountDollars': 'lots',
      estimatedDuration: '3_to_6_months',
    });
    const plain = await as(f.userId, submit(typed));
    const location = new URL(plain.replace(/^redirect /, ''), 'http://x');
    expect(location.pathname).toBe(`/jobs/${job.id}/propose`);
    expect([...location.searchParams.keys()].sort()).toEqual(['error', 'fields']);
    expect(location.searchParams.get('fields')!.split(',').sort()).toEqual([
      'answers.1',
      'milestones.3.amountDollars',
    ]);
    const query = Object.fromEntries(location.searchParams);

    // Someone else on the same address: the errors, none of the text.
    const theirs = await as(other.userId, () => ProposePage(propose(job.id, query)));
    expect(theirs).toContain('Answer this question');
    expect(theirs).not.toContain('I build dashboards');
    expect(theirs).not.toContain('Wireframes');

    const page = await as(f.userId, () => ProposePage(propose(job.id, query)));
    expect(page).toContain(
      'Correct the highlighted fields and send it again. What you typed is kept below, but not the files: choose any attachments again.',
    );
    expect(page).toMatch(
      /<textarea[^>]*name="coverLetter"[^>]*>&lt;script&gt;alert\(1\)&lt;\/script&gt; I build dashboards\.<\/textarea>/,
    );
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toMatch(
      /<textarea[^>]*name="answers.0"[^>]*>Line charts &amp; maps\.<\/textarea>/,
    );
    expect(page).toMatch(/<input[^>]*name="milestones.0.description"[^>]*value="Wireframes"/);
    expect(page).toMatch(/<input[^>]*name="milestones.0.amountDollars"[^>]*value="400"/);
    expect(page).toMatch(/<input[^>]*name="milestones.3.amountDollars"[^>]*value="lots"/);
    expect(page).toMatch(/<details open="">/);
    expect(page).toMatch(/<input type="radio" id="bidShape-milestones"[^>]*checked=""/);
    expect(page).toMatch(/<option value="3_to_6_months" selected="">/);

    // Only read: a reload (or a second tab on the same address) shows the text again.
    const again = await as(f.userId, () => ProposePage(propose(job.id, query)));
    expect(again).toContain('Answer this question');
    expect(again).toContain('kept below');
    expect(again).toMatch(/<input[^>]*name="milestones.0.description"[^>]*value="Wireframes"/);

    // A corrected proposal is sent: the draft goes in its transaction.
    expect(await draftOf(f.userId)).toHaveLength(1);
    const sent = await as(
      f.userId,
      submit(
        proposal(job.id, {
          bidShape: 'project',
          hourlyRateDollars: '',
          bidDollars: '1300',
        }),
      ),
    );
    expect(sent).toMatch(/^redirect \/proposals\/[0-9a-f-]{36}\?notice=sent$/);
    expect(await draftOf(f.userId)).toEqual([]);
  });

  it('comes back without the text once the draft has expired', async () => {
    const f = await createFreelancer(database.db);
    const job = await insertJobPost(database.db, client);
    const plain = await as(f.userId, submit(proposal(job.id, { hourlyRateDollars: '2' })));
    const query = Object.fromEntries(
      new URL(plain.replace(/^redirect /, ''), 'http://x').searchParams,
    );
    expect(await as(f.userId, () => ProposePage(propose(job.id, query)))).toContain('kept below');

    const clock = useFakeClock(new Date(Date.now() + FORM_DRAFT_TTL_MS));
    try {
      const late = await as(f.userId, () => ProposePage(propose(job.id, query)));
      expect(late).toContain('Enter an hourly rate between $3.00 and $999.99.');
      expect(late).not.toContain('kept below');
      expect(late).not.toContain('I build dashboards');
    } finally {
      clock.restore();
    }
  });
});

describe('a sent proposal', () => {
  it('is shown to its freelancer as text, listed, linked from the job, and not found for others', async () => {
    const f = await createFreelancer(database.db);
    const other = await createFreelancer(database.db);
    const job = await insertJobPost(database.db, client);
    expect(await as(null, () => PublicJobPage(params(job.id)))).toContain(
      `href="/sign-in?next=${encodeURIComponent(`/jobs/${job.id}/propose`)}"`,
    );
    expect(await as(f.userId, () => PublicJobPage(params(job.id)))).toContain(
      `href="/jobs/${job.id}/propose"`,
    );

    const sent = await as(f.userId, submit(proposal(job.id)));
    const id = /^redirect \/proposals\/([0-9a-f-]{36})\?notice=sent$/.exec(sent)?.[1];
    expect(id).toBeDefined();

    const page = await as(f.userId, () => ProposalPage({ ...params(id!), ...notice('sent') }));
    expect(page).toContain('Proposal sent.');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; I build dashboards.');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('$45.00 an hour');
    expect(page).toContain(`href="/proposals/${id}/withdraw"`);
    expect(page).toContain(`href="/messages/proposal/${id}"`);
    expect(await as(other.userId, () => ProposalPage({ ...params(id!), ...notice() }))).toBe(
      'not-found',
    );
    expect(await as(other.userId, () => WithdrawPage(params(id!)))).toBe('not-found');

    const list = await as(f.userId, () => ProposalsPage());
    expect(list).toContain(`<a href="/jobs/${job.id}">React developer for a dashboard</a>`);
    expect(list).toContain('Sent');
    expect(await as(other.userId, () => ProposalsPage())).not.toContain(job.id);

    // A second proposal: the page and the job link to the first; the action refuses.
    expect(await as(f.userId, () => ProposePage(propose(job.id)))).toContain(
      `<a href="/proposals/${id}">View your proposal</a>`,
    );
    expect(await as(f.userId, () => PublicJobPage(params(job.id)))).toContain(
      `href="/proposals/${id}"`,
    );
    expect(
      JSON.parse(await as(f.userId, submit(proposal(job.id), { script: true }))),
    ).toMatchObject({
      ok: false,
      message: 'You already sent a proposal to this job.',
      link: { href: `/proposals/${id}` },
    });
  });

  it('is withdrawn after its own confirmation page, once', async () => {
    const f = await createFreelancer(database.db);
    const job = await insertJobPost(database.db, client);
    const sent = await as(f.userId, submit(proposal(job.id)));
    const id = sent.split('/proposals/')[1].split('?')[0];

    const confirm = await as(f.userId, () => WithdrawPage(params(id)));
    expect(confirm).toContain('Withdraw your proposal for “React developer for a dashboard”?');
    expect(confirm).toMatch(new RegExp(`<input[^>]*name="proposalId"[^>]*value="${id}"`));
    expect(await as(f.userId, () => withdrawProposalAction(null, form({ proposalId: id })))).toBe(
      `redirect /proposals/${id}?notice=withdrawn`,
    );

    const page = await as(f.userId, () => ProposalPage({ ...params(id), ...notice('withdrawn') }));
    expect(page).toContain('You withdrew this proposal.');
    expect(page).not.toContain(`href="/proposals/${id}/withdraw"`);
    const again = await as(f.userId, () => WithdrawPage(params(id)));
    expect(again).toContain('You already withdrew this proposal.');
    expect(again).not.toContain('<form');
    expect(
      JSON.parse(await as(f.userId, () => withdrawProposalAction(null, form({ proposalId: id })))),
    ).toMatchObject({ ok: false, message: 'You already withdrew this proposal.' });
  });
});
