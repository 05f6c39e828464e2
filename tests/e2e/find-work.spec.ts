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

/** The focused element's accessible name, as the walk records it: its label, else its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return '(nothing)';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent;
    return (label ?? '').trim();
  });
}

/**
 * Something has the focus and draws the app's focus ring. A date input is a shadow host whose
 * day, month, year and picker button take the focus one by one: the ring is then on the host,
 * drawn while the focus is within it.
 */
async function expectFocusVisible(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      name: `${el.tagName} ${el.id || el.textContent?.slice(0, 40)}`,
      focusVisible:
        el.matches(':focus-visible') ||
        (el.matches('input[type=date]') && el.matches(':focus-within')),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
  expect(ring, 'something has the focus').not.toBeNull();
  expect(ring!.focusVisible, `the focus is shown on ${ring!.name}`).toBe(true);
  expect(ring!.outline, `the focus ring of ${ring!.name}`).toMatch(/^solid [1-9]/);
}

/**
 * Tabs from `from` to `to`, each stop's focus visible, and answers the names of the stops
 * in the order Tab reached them.
 */
async function tabWalk(page: Page, from: Locator, to: Locator, limit = 60): Promise<string[]> {
  await tabTo(page, from);
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    stops.push(await focusedName(page));
    await expectFocusVisible(page);
    if (await to.evaluate((el) => el === document.activeElement)) return stops;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the end of the walk; stops: ${stops.join(' | ')}`);
}

/** The stops of `walk` that are among `expected`, once each (a date input takes several Tabs). */
function inOrder(walk: string[], expected: string[]): string[] {
  return walk.filter((name, i) => expected.includes(name) && name !== walk[i - 1]);
}

/** A freelancer's hourly proposal to the job, made with the mouse (not what is walked here). */
async function propose(page: Page, jobId: string, rate: string) {
  await page.goto(`/jobs/${jobId}/propose`);
  await page.getByLabel('Cover letter').fill('I keep the tuning logs of three concert halls.');
  await page.getByLabel('Your hourly rate (USD)').fill(rate);
  await page
    .getByLabel('How long you expect the work to take')
    .selectOption({ label: '1 to 3 months' });
  await page.getByRole('button', { name: 'Send the proposal' }).click();
  await expect(
    page.getByText('Proposal sent. The client sees it among the job’s proposals.'),
  ).toBeVisible();
  return page.url().match(/\/proposals\/([0-9a-f-]{36})/)![1];
}

/** Types a date into a focused date input as a person would: month, day, year (en-US). */
async function typeDate(page: Page, iso: string) {
  const [year, month, day] = iso.split('-');
  await page.keyboard.type(`${month}${day}${year}`);
}

test('the offer from a proposal and both sides of its conversation work by keyboard alone, and without JavaScript', async ({
  browser,
}) => {
  const setup = await browser.newContext();
  const client = await makeClient(setup.request, { name: 'Noor Haddad', workspaceName: 'Keys Co' });
  const rui = await makeFreelancer(setup.request, { firstName: 'Rui', lastName: 'Tavares' });
  const mei = await makeFreelancer(setup.request, { firstName: 'Mei', lastName: 'Sato' });
  const clientPage = await signedInPage(browser, client.email);
  const jobId = await postJob(clientPage, 'Tuning log for a harpsichord workshop');
  const ruiPage = await signedInPage(browser, rui.email);
  const ruiProposal = await propose(ruiPage, jobId, '48');
  const meiNoJs = await signedInPage(browser, mei.email, { javaScriptEnabled: false });
  const meiProposal = await propose(meiNoJs, jobId, '52');

  // The client opens the offer form from the proposal by keyboard; Tab goes down the form.
  await clientPage.goto(`/client/jobs/${jobId}/proposals/${ruiProposal}`);
  await tabTo(clientPage, clientPage.getByRole('link', { name: 'Send an offer' }));
  await clientPage.keyboard.press('Enter');
  await expect(
    clientPage.getByRole('heading', { name: 'Send Rui Tavares an offer' }),
  ).toBeVisible();
  await expectNoAxeViolations(clientPage);
  const rate = clientPage.getByLabel('Hourly rate (USD)');
  await expect(rate).toHaveValue('48.00');
  const send = clientPage.getByRole('button', { name: 'Send the offer' });
  const order = [
    'Back to the proposal',
    'Contract title',
    'Description (optional)',
    'Start date',
    'Hourly',
    'Hourly rate (USD)',
    'Weekly limit in hours',
    'Allow manual time entries',
    'Send the offer',
  ];
  const walk = await tabWalk(
    clientPage,
    clientPage.getByRole('link', { name: 'Back to the proposal' }),
    send,
  );
  expect(inOrder(walk, order)).toEqual(order);

  // Back up with Shift+Tab past the start date, then Tab into its month and type the date;
  // then a rate below the minimum.
  const description = clientPage.getByLabel('Description (optional)');
  for (let i = 0; i < 12; i++) {
    if (await description.evaluate((el) => el === document.activeElement)) break;
    await clientPage.keyboard.press('Shift+Tab');
  }
  await expect(description).toBeFocused();
  await clientPage.keyboard.press('Tab');
  const startDate = clientPage.getByLabel('Start date');
  await expect(startDate).toBeFocused();
  await typeDate(clientPage, isoDate(1));
  await expect(startDate).toHaveValue(isoDate(1));
  await tabTo(clientPage, rate);
  await clientPage.keyboard.press('ControlOrMeta+A');
  await clientPage.keyboard.type('2');
  await tabTo(clientPage, send);
  await clientPage.keyboard.press('Enter');
  // Refused: the focus moves to the field to correct, which says what is wrong.
  await expect(rate).toBeFocused();
  await expectFocusVisible(clientPage);
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(rate).toHaveAccessibleDescription(/\$3\.00/);
  await expectNoAxeViolations(clientPage);
  await clientPage.keyboard.press('ControlOrMeta+A');
  await clientPage.keyboard.type('50');
  await tabTo(clientPage, send);
  await clientPage.keyboard.press('Space');
  await expect(
    clientPage.getByText(
      'The offer from the proposal is sent: the freelancer gets an email to review and accept it.',
    ),
  ).toBeVisible();

  // The conversation, by keyboard: the client starts it from the proposal.
  await clientPage.goto(`/client/jobs/${jobId}/proposals/${ruiProposal}`);
  await tabTo(clientPage, clientPage.getByRole('link', { name: 'Message Rui Tavares' }));
  await clientPage.keyboard.press('Enter');
  await expect(clientPage.getByText('No messages yet.')).toBeVisible();
  await expectNoAxeViolations(clientPage);
  const box = clientPage.getByLabel('Your message');
  const sendMessage = clientPage.getByRole('button', { name: 'Send', exact: true });
  const threadOrder = ['← All messages', 'Your message', 'Send'];
  expect(
    inOrder(
      await tabWalk(
        clientPage,
        clientPage.getByRole('link', { name: '← All messages' }),
        sendMessage,
      ),
      threadOrder,
    ),
  ).toEqual(threadOrder);
  // Only spaces: refused, and the focus goes back to the box, which says why.
  await tabTo(clientPage, box);
  await clientPage.keyboard.type('   ');
  await clientPage.keyboard.press('Tab');
  await expect(sendMessage).toBeFocused();
  await clientPage.keyboard.press('Enter');
  await expect(box).toBeFocused();
  await expectFocusVisible(clientPage);
  await expect(box).toHaveAccessibleDescription('Write a message.');
  await expectNoAxeViolations(clientPage);
  await clientPage.keyboard.press('ControlOrMeta+A');
  await clientPage.keyboard.type('The offer is on its way. Can you start on Monday?');
  await clientPage.keyboard.press('Tab');
  await clientPage.keyboard.press('Space');
  await expect(clientPage).toHaveURL(/\/messages\/[0-9a-f-]{36}#latest$/);
  await expect(
    clientPage.getByRole('list', { name: 'Messages' }).getByText('Can you start on Monday?'),
  ).toBeVisible();
  // Sent, the box is emptied and the next Tab goes back into it, for the next message.
  await expect(box).toHaveValue('');
  await clientPage.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await expectFocusVisible(clientPage);
  await expectNoAxeViolations(clientPage);
  const threadUrl = clientPage.url().replace(/#latest$/, '');

  // The freelancer's side of the same thread.
  await ruiPage.goto(threadUrl);
  await expect(ruiPage.getByText('Can you start on Monday?')).toBeVisible();
  await expectNoAxeViolations(ruiPage);
  const ruiSend = ruiPage.getByRole('button', { name: 'Send', exact: true });
  expect(
    inOrder(
      await tabWalk(ruiPage, ruiPage.getByRole('link', { name: '← All messages' }), ruiSend),
      threadOrder,
    ),
  ).toEqual(threadOrder);
  await tabTo(ruiPage, ruiPage.getByLabel('Your message'));
  await ruiPage.keyboard.type('Monday works. I will bring my own tuning forks.');
  await ruiPage.keyboard.press('Tab');
  await expect(ruiSend).toBeFocused();
  await ruiPage.keyboard.press('Enter');
  const ruiMessages = ruiPage.getByRole('list', { name: 'Messages' });
  await expect(ruiMessages.getByText('Monday works.', { exact: false })).toBeVisible();
  await expect(ruiMessages.getByRole('listitem')).toHaveCount(2);
  await ruiPage.keyboard.press('Tab');
  await expect(ruiPage.getByLabel('Your message')).toBeFocused();
  await expectNoAxeViolations(ruiPage);
  await clientPage.goto(threadUrl);
  await expect(clientPage.getByText('Monday works.', { exact: false })).toBeVisible();

  // Without JavaScript: the offer form refuses a bad rate beside the field, then sends.
  const clientNoJs = await signedInPage(browser, client.email, { javaScriptEnabled: false });
  await clientNoJs.goto(`/client/jobs/${jobId}/proposals/${meiProposal}/offer`);
  await expect(clientNoJs.getByLabel('Hourly rate (USD)')).toHaveValue('52.00');
  await clientNoJs.getByLabel('Start date').fill(isoDate(1));
  await clientNoJs.getByLabel('Hourly rate (USD)').fill('2');
  await clientNoJs.getByRole('button', { name: 'Send the offer' }).click();
  await expect(clientNoJs.getByText('Please correct the highlighted fields.')).toBeVisible();
  const noJsRate = clientNoJs.getByLabel('Hourly rate (USD)');
  await expect(noJsRate).toHaveAttribute('aria-invalid', 'true');
  await expect(noJsRate).toHaveAccessibleDescription(/\$3\.00/);
  await expect(noJsRate).toBeFocused();
  await expect(clientNoJs.getByLabel('Start date')).toHaveValue(isoDate(1));
  await noJsRate.fill('52');
  await clientNoJs.getByRole('button', { name: 'Send the offer' }).click();
  await expect(
    clientNoJs.getByText(
      'The offer from the proposal is sent: the freelancer gets an email to review and accept it.',
    ),
  ).toBeVisible();

  // Without JavaScript: the freelancer starts the conversation, the client answers.
  await meiNoJs.goto(`/proposals/${meiProposal}`);
  await meiNoJs.getByRole('link', { name: 'Messages with the client' }).click();
  const meiBox = meiNoJs.getByLabel('Your message');
  await meiBox.fill('   ');
  await meiNoJs.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(meiBox).toHaveAccessibleDescription('Write a message.');
  await expect(meiBox).toBeFocused();
  await meiBox.fill('Thank you for the offer; I read it tonight.');
  await meiNoJs.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(meiNoJs).toHaveURL(/\/messages\/[0-9a-f-]{36}/);
  await expect(meiNoJs.getByText('I read it tonight.', { exact: false })).toBeVisible();
  await meiNoJs.keyboard.press('Tab');
  await expect(meiBox).toBeFocused();
  await clientNoJs.goto(meiNoJs.url().replace(/#latest$/, ''));
  await clientNoJs.getByLabel('Your message').fill('Take your time.');
  await clientNoJs.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(
    clientNoJs.getByRole('list', { name: 'Messages' }).getByText('Take your time.'),
  ).toBeVisible();

  await setup.close();
  for (const page of [clientPage, ruiPage, meiNoJs, clientNoJs]) await page.context().close();
});
