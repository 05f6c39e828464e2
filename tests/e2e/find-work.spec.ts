import { expect, test, type Locator, type Page } from '@playwright/test';
import { makeClient, makeFreelancer, signIn, signedInPage } from './factories';
import { expectNoAxeViolations, inviteLinkFromMail, isoDate, openLatestEmail } from './helpers';
import { moveClockTo, resetClock, runTickAndSettle } from './money-helpers';

/**
 * Issue 18's "Must show" journey (SPEC 5). A client posts a job; a freelancer with a private
 * profile finds it by searching with a typo ("Did you mean"), saves the search and sends a
 * proposal with a file; the client downloads the file, shortlists the proposal, sends a
 * message and an offer from it; the freelancer accepts the offer through the usual
 * invitation and contract review. A second matching
 * post arrives in the saved search's digest once the clock moves a day; the visibility set
 * in the Find Work menu shows on the profile. Each Find Work page passes axe at 390 px.
 */
test.setTimeout(300_000);
test.beforeAll(resetClock);
test.afterAll(resetClock);

const DAY_MS = 86_400_000;
// A word no demo or other journey's post uses, and a misspelling of it.
const WORD = 'harpsichord';
const TYPO = 'harpsicord';
const JOB_TITLE = 'Harpsichord tuning scheduler';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function postJob(page: Page, title: string, question?: string) {
  await page.goto('/client/jobs/new');
  await page.getByLabel('Title').fill(title);
  await page
    .getByLabel('Description')
    .fill(`We tune a ${WORD} every week and need a scheduler for the tuner's visits.`);
  await page.getByLabel('Skills').fill('Next.js, Scheduling');
  await page.getByLabel('Hourly rate range').check();
  await page.getByLabel('Lowest hourly rate (USD, for an hourly budget)').fill('40');
  await page.getByLabel('Highest hourly rate (USD, for an hourly budget)').fill('60');
  await page.getByLabel('Experience level').selectOption('intermediate');
  await page.getByLabel('Expected duration').selectOption('1_to_3_months');
  await page.getByLabel('Weekly workload').selectOption('10_to_30');
  if (question) await page.getByLabel('Question 1').fill(question);
  await page.getByRole('button', { name: 'Publish the job post' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  return page.url().match(/\/client\/jobs\/([0-9a-f-]{36})/)![1];
}

/** The freelancer's profile: title, overview and a language (a private profile by default). */
async function fillProfile(page: Page) {
  await page.goto('/settings/profile');
  await page.getByLabel('Professional title').fill('Scheduling apps for small studios');
  await page
    .getByLabel('Overview')
    .fill(
      'I build booking and scheduling apps for studios, clinics and workshops: calendars, reminders, payments and the admin pages that go with them.',
    );
  await page.getByLabel('Hourly rate (USD)').fill('50');
  await page.getByLabel('Skills').fill('Next.js, Scheduling');
  await page.getByLabel('Language', { exact: true }).first().fill('English');
  await page.getByLabel('Level').first().selectOption('fluent');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
}

test('a job is found with a typo, proposed to, offered from the proposal and accepted; the digest and visibility follow', async ({
  browser,
}) => {
  const setup = await browser.newContext();
  const client = await makeClient(setup.request, { name: 'Dana Lee', workspaceName: 'Tune Co' });
  const made = await makeFreelancer(setup.request, { firstName: 'Alex', lastName: 'Kim' });
  const clientPage = await signedInPage(browser, client.email);
  const freelancerContext = await browser.newContext();
  await signIn(freelancerContext, made.email);
  const freelancer = await freelancerContext.newPage();

  // The client posts a job with a screening question.
  await clientPage.goto('/client/jobs');
  await expectNoAxeViolations(clientPage);
  const jobId = await postJob(clientPage, JOB_TITLE, 'Which calendar library would you use?');
  await expectNoAxeViolations(clientPage);

  // The freelancer has a private profile; the Find Work home says so in its menu.
  await fillProfile(freelancer);
  await freelancer.goto('/find-work');
  await expect(freelancer.getByLabel('Private')).toBeChecked();
  await expectNoAxeViolations(freelancer);

  // A search with a typo finds nothing but offers the right word.
  await freelancer.goto('/find-work/search');
  await freelancer.getByLabel('Search jobs').fill(TYPO);
  await freelancer.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(freelancer.getByText('No open jobs match this search.')).toBeVisible();
  await freelancer.getByRole('link', { name: WORD, exact: true }).click();
  const result = freelancer.getByRole('link', { name: JOB_TITLE });
  await expect(result).toBeVisible();
  await expectNoAxeViolations(freelancer);

  // Saved, it is listed with the saved searches.
  await freelancer.getByLabel('Name this search').fill('Harpsichord work');
  await freelancer.getByRole('button', { name: 'Save search' }).click();
  await expect(
    freelancer.getByText('Search saved. New posts that match it come in a daily email.'),
  ).toBeVisible();
  await expect(
    freelancer.getByRole('link', { name: 'Harpsichord work', exact: true }),
  ).toBeVisible();

  // The freelancer opens the job from the results and proposes.
  await result.click();
  await expect(freelancer.getByRole('heading', { name: JOB_TITLE, level: 1 })).toBeVisible();
  await expectNoAxeViolations(freelancer);
  await freelancer.getByRole('link', { name: 'Send a proposal' }).click();
  await freelancer
    .getByLabel('Cover letter')
    .fill(
      'I built the booking calendar of a piano school; <b>tuning visits</b> are the same shape.',
    );
  await freelancer.getByLabel('Which calendar library would you use?').fill('FullCalendar.');
  await freelancer.getByLabel('Your hourly rate (USD)').fill('55');
  await freelancer
    .getByLabel('Attachments (optional)')
    .setInputFiles({ name: 'portfolio.pdf', mimeType: 'application/pdf', buffer: PDF });
  await freelancer
    .getByLabel('How long you expect the work to take')
    .selectOption({ label: '1 to 3 months' });
  await expectNoAxeViolations(freelancer);
  await freelancer.getByRole('button', { name: 'Send the proposal' }).click();
  await expect(
    freelancer.getByText('Proposal sent. The client sees it among the job’s proposals.'),
  ).toBeVisible();
  // Typed markup is shown as text, never as markup.
  await expect(freelancer.getByText('<b>tuning visits</b>', { exact: false })).toBeVisible();
  await expectNoAxeViolations(freelancer);
  const proposalId = freelancer.url().match(/\/proposals\/([0-9a-f-]{36})/)![1];

  // The client sees it through the proposal (the profile is private), shortlists it and writes.
  await clientPage.goto(`/client/jobs/${jobId}/proposals`);
  await expect(clientPage.getByRole('link', { name: 'Alex Kim', exact: true })).toBeVisible();
  await expectNoAxeViolations(clientPage);
  await clientPage.getByRole('link', { name: 'Alex Kim', exact: true }).click();
  const file = clientPage.getByRole('link', { name: 'portfolio.pdf' });
  const download = await clientPage.request.get((await file.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await clientPage.getByRole('button', { name: 'Shortlist' }).click();
  await expect(clientPage.getByText('The proposal is on your shortlist.')).toBeVisible();
  await expectNoAxeViolations(clientPage);
  await clientPage.getByRole('link', { name: 'Message Alex Kim' }).click();
  await clientPage.getByLabel('Your message').fill('Thanks! Could you start tomorrow?');
  await clientPage.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(clientPage.getByText('Thanks! Could you start tomorrow?')).toBeVisible();
  await expectNoAxeViolations(clientPage);
  const threadUrl = clientPage.url();
  await freelancer.goto(threadUrl);
  await expect(freelancer.getByText('Thanks! Could you start tomorrow?')).toBeVisible();

  // The offer form is the invite's, filled from the bid.
  await clientPage.goto(`/client/jobs/${jobId}/proposals/${proposalId}`);
  await clientPage.getByRole('link', { name: 'Send an offer' }).click();
  await expect(clientPage.getByLabel('Hourly rate (USD)')).toHaveValue('55.00');
  await clientPage.getByLabel('Start date').fill(isoDate(1));
  await expectNoAxeViolations(clientPage);
  await clientPage.getByRole('button', { name: 'Send the offer' }).click();
  await expect(
    clientPage.getByText(
      'The offer from the proposal is sent: the freelancer gets an email to review and accept it.',
    ),
  ).toBeVisible();

  // The freelancer accepts it as any invitation: the link, the contract review, acceptance.
  const link = await inviteLinkFromMail(
    freelancer,
    made.email,
    'Dana Lee of Tune Co invited you to work together on Workbridge',
  );
  await freelancer.goto(link);
  await freelancer.getByRole('button', { name: 'Accept the invitation' }).click();
  await freelancer.getByRole('link', { name: 'Continue to review the contract' }).click();
  await expect(freelancer.getByRole('heading', { name: 'Review the contract' })).toBeVisible();
  await expect(freelancer.getByText(JOB_TITLE).first()).toBeVisible();
  await freelancer.getByRole('button', { name: 'Accept the contract' }).click();
  await expect(freelancer).toHaveURL(/notice=accepted/);
  await freelancer.goto(`/proposals/${proposalId}`);
  await expect(freelancer.getByText(/sent you an offer from this proposal/)).toBeVisible();

  // A second matching post; a day later the tick sends the digest with it.
  await postJob(clientPage, `${WORD[0].toUpperCase()}${WORD.slice(1)} repair bookings`);
  await moveClockTo(clientPage, new Date(Date.now() + DAY_MS + 60_000));
  await runTickAndSettle(clientPage);
  const digest = await openLatestEmail(freelancer, made.email, /new jobs? for “Harpsichord work”/);
  expect(digest.text).toContain('Harpsichord repair bookings');
  await resetClock({ browser });

  // Visibility set from the Find Work menu shows on the profile, to a stranger signed out.
  await freelancer.goto('/find-work');
  const profileHref = await freelancer
    .getByRole('link', { name: 'See your profile as others see it' })
    .getAttribute('href');
  const stranger = await browser.newPage();
  const before = await stranger.goto(profileHref!);
  expect(before?.status()).toBe(404);
  await freelancer.getByLabel('Public').check();
  await freelancer.getByRole('button', { name: 'Save visibility' }).click();
  await expect(freelancer.getByLabel('Public')).toBeChecked();
  await stranger.goto(profileHref!);
  await expect(stranger.getByText('Scheduling apps for small studios')).toBeVisible();

  await stranger.close();
  await setup.close();
  await freelancerContext.close();
  await clientPage.context().close();
});

/** Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('search, a job page, the proposal form and the client’s proposal pages work by keyboard alone', async ({
  browser,
}) => {
  const setup = await browser.newContext();
  const made = await makeFreelancer(setup.request, { firstName: 'Kai', lastName: 'Moreno' });
  const page = await signedInPage(browser, made.email);

  // The demo client's fixed-price post (lib/server/seed-jobs.ts), found by two words.
  await page.goto('/find-work/search');
  await tabTo(page, page.getByLabel('Search jobs'));
  await page.keyboard.type('bakery logo');
  await page.keyboard.press('Enter');
  const title = 'Logo and brand colours for a bakery';
  await tabTo(page, page.getByRole('link', { name: title }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Send a proposal' }));
  await page.keyboard.press('Enter');

  await tabTo(page, page.getByLabel('Cover letter'));
  await page.keyboard.type('I drew the signs of two bakeries in Porto; sketches within a week.');
  await expect(page.getByRole('radio', { name: 'For the whole project' })).toBeChecked();
  await tabTo(page, page.getByLabel('Bid for the whole project (USD)'));
  await page.keyboard.type('1100');
  const duration = page.getByLabel('How long you expect the work to take');
  await tabTo(page, duration);
  await page.keyboard.press('ArrowDown');
  await expect(duration).not.toHaveValue('');
  await tabTo(page, page.getByRole('button', { name: 'Send the proposal' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByText('Proposal sent. The client sees it among the job’s proposals.'),
  ).toBeVisible();

  // The demo client finds it by keyboard alone: the job posts, the post, its proposals, the
  // proposal, and shortlists it.
  const client = await signedInPage(browser, 'demo@workbridge.test');
  await client.goto('/client/jobs');
  await tabTo(client, client.getByRole('link', { name: title }));
  await client.keyboard.press('Enter');
  await expect(client.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await tabTo(client, client.getByRole('link', { name: /^Proposals \(\d+\)$/ }));
  await client.keyboard.press('Enter');
  await tabTo(client, client.getByRole('link', { name: 'Kai Moreno', exact: true }).first());
  await client.keyboard.press('Enter');
  await tabTo(client, client.getByRole('button', { name: 'Shortlist' }));
  await client.keyboard.press('Enter');
  await expect(client.getByText('The proposal is on your shortlist.')).toBeVisible();
  await setup.close();
  await page.context().close();
  await client.context().close();
});
