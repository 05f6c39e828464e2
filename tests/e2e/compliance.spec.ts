import { expect, test, type Browser, type Page } from '@playwright/test';
import { makeClient, makeFreelancer, signedInPage, signIn } from './factories';
import { expectNoAxeViolations, openLatestEmail } from './helpers';

/** Listed in ADMIN_EMAILS for the e2e server (playwright.config.ts). */
const OPS_EMAIL = 'ops@workbridge.test';

/** Lisbon's offset from UTC at an instant: 0 in winter, one hour in summer. */
function lisbonOffsetMs(at: number): number {
  const zone = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Lisbon',
    timeZoneName: 'shortOffset',
  })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')!.value;
  return Number(/GMT([+-]\d+)?/.exec(zone)?.[1] ?? 0) * 3_600_000;
}
const DAY_MS = 86_400_000;

/** A minimal, valid one-page PDF, built here so the test needs no fixture file. */
function minimalPdf(): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += object;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * An enterprise client's offer to a freelancer who has done basic info, built by the server
 * (invite-journey walks those steps through the pages and the mailbox). The freelancer
 * accepts the contract, opens the compliance step from the checklist, answers the seven
 * questions and uploads a PDF. Returns the pages for the review that follows.
 */
async function inviteAndSubmit(browser: Browser, javaScriptEnabled: boolean) {
  const checkAxe = async (page: Page) => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
  const context = await browser.newContext({ javaScriptEnabled });
  const globex = await makeClient(context.request, {
    name: 'Dana Lee',
    workspaceName: 'Globex',
    workspaceType: 'enterprise',
  });
  const made = await makeFreelancer(context.request, {
    clientEmail: globex.email,
    firstName: 'Alex',
    lastName: 'Kim',
    title: 'Data platform',
    step: 'basic-info',
  });
  const clientEmail = globex.email;
  const freelancerEmail = made.email;
  const inviteUrl = `/client/invites/${made.inviteId}`;
  const client = await signedInPage(browser, clientEmail, { javaScriptEnabled });
  await signIn(context, freelancerEmail);
  const freelancer = await context.newPage();

  await freelancer.goto('/onboarding');
  await expect(freelancer.getByRole('heading', { name: 'Welcome, Alex' })).toBeVisible();
  await freelancer
    .getByRole('navigation', { name: 'Onboarding steps' })
    .getByRole('link', { name: 'Review the contract' })
    .click();
  await expect(freelancer.getByRole('heading', { name: 'Review the contract' })).toBeVisible();
  await expect(freelancer.getByText('upload business documents')).toBeVisible();
  await freelancer.getByRole('button', { name: 'Accept the contract' }).click();
  await expect(freelancer.getByRole('heading', { name: 'Welcome, Alex' })).toBeVisible();
  await expect(
    freelancer.getByText('The contract “Data platform” starts after the compliance check.'),
  ).toBeVisible();

  // The compliance step is in the checklist.
  await freelancer
    .getByRole('navigation', { name: 'Onboarding steps' })
    .getByRole('link', { name: 'Compliance check' })
    .click();
  await expect(
    freelancer.getByRole('heading', { name: 'Compliance check', level: 1 }),
  ).toBeVisible();
  await expect(
    freelancer.getByText(
      'Your compliance check is waiting for your answers and business documents.',
    ),
  ).toBeVisible();
  await checkAxe(freelancer);

  // Submitting with nothing answered names every question; the form keeps working.
  await freelancer.getByRole('button', { name: 'Submit for review' }).click();
  await expect(freelancer.getByText('Tell us whose equipment and software you use.')).toBeVisible();
  await expect(freelancer.getByText(/Upload at least one business document/)).toBeVisible();

  const questions = freelancer.getByRole('group');
  await expect(questions).toHaveCount(7);
  for (let i = 0; i < 7; i += 1) await questions.nth(i).getByRole('radio').first().check();
  await freelancer.getByLabel('Business documents').setInputFiles({
    name: 'business-registration.pdf',
    mimeType: 'application/pdf',
    buffer: minimalPdf(),
  });
  await freelancer.getByRole('button', { name: 'Submit for review' }).click();
  await expect(freelancer.getByText('Your compliance check is under review.')).toBeVisible();
  // The freelancer can open what they sent.
  const ownDocument = freelancer.getByRole('link', { name: 'business-registration.pdf' });
  const ownHref = new URL((await ownDocument.getAttribute('href'))!, freelancer.url()).toString();
  expect((await freelancer.request.get(ownHref)).status()).toBe(200);
  await freelancer.goto('/onboarding');
  await expect(freelancer.getByText('Your compliance check is under review.')).toBeVisible();

  // The client sees the status only.
  await client.goto(inviteUrl);
  await expect(
    client.getByText('Under review by Workbridge; the contract starts when it is approved.'),
  ).toBeVisible();

  return { client, freelancer, clientEmail, freelancerEmail, inviteUrl, checkAxe };
}

/** Ops opens the oldest-first queue and the freelancer's check, and tries the document link. */
async function openReview(
  browser: Browser,
  javaScriptEnabled: boolean,
  freelancerEmail: string,
  client: Page,
) {
  const ops = await signedInPage(browser, OPS_EMAIL, { javaScriptEnabled });
  await ops.goto('/admin/compliance');
  await expect(ops.getByRole('heading', { name: 'Compliance review queue' })).toBeVisible();
  await ops
    .getByRole('row', { name: new RegExp(freelancerEmail) })
    .getByRole('link', { name: /Review the check of/ })
    .click();
  await expect(ops.getByRole('heading', { name: 'Compliance check: Alex Kim' })).toBeVisible();
  await expect(ops.getByRole('region', { name: 'Answers' })).toContainText(
    'Do you use your own equipment and software for this work?',
  );

  const documentLink = ops.getByRole('link', { name: 'business-registration.pdf' });
  const href = new URL((await documentLink.getAttribute('href'))!, ops.url()).toString();
  const download = await ops.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toBe(
    'attachment; filename="business-registration.pdf"',
  );
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(download.headers()['cache-control']).toBe('no-store');
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // The client may see the status, never the document.
  expect((await client.request.get(href)).status()).toBe(404);
  // Nor the ops pages: people not listed in ADMIN_EMAILS get a 404 there.
  for (const path of ['/admin', '/admin/compliance', '/admin/audit', ops.url()]) {
    expect((await client.request.get(path)).status(), path).toBe(404);
  }
  return ops;
}

test.describe.configure({ timeout: 240_000 });

test('enterprise contract: the freelancer submits the check, ops approves, the contract starts for both sides', async ({
  browser,
}) => {
  const { client, freelancer, freelancerEmail, inviteUrl, checkAxe } = await inviteAndSubmit(
    browser,
    true,
  );
  const ops = await openReview(browser, true, freelancerEmail, client);
  await checkAxe(ops);
  // The rejection's confirmation page passes axe too; Cancel returns to the check unchanged.
  await ops.getByRole('link', { name: 'Reject the check…' }).click();
  await expect(
    ops.getByRole('heading', { name: 'Reject the compliance check of Alex Kim?' }),
  ).toBeVisible();
  await checkAxe(ops);
  await ops.getByRole('link', { name: 'Cancel, go back to the check' }).click();

  await ops.getByRole('button', { name: 'Approve the check' }).click();
  await expect(ops.getByText('The check is approved')).toBeVisible();
  await expect(ops.getByRole('row', { name: new RegExp(freelancerEmail) })).toHaveCount(0);

  await freelancer.goto('/onboarding/compliance');
  await expect(
    freelancer.getByText(/Your compliance check is approved until \w+ \d{1,2}, \d{4}/),
  ).toBeVisible();
  await freelancer.goto('/onboarding');
  await expect(freelancer.getByRole('region', { name: 'Your contracts' })).toContainText(
    'Data platform from Globex: active',
  );
  await expect(freelancer.getByText('starts after the compliance check')).toHaveCount(0);
  await openLatestEmail(
    freelancer,
    freelancerEmail,
    'Your Workbridge compliance check is approved',
  );

  await client.goto(inviteUrl);
  await expect(client.getByText('Approved; the contract is active.')).toBeVisible();

  // The reviewer's decision and the download are in the audit log, found by the person.
  await ops.goto(`/admin/audit?person=${encodeURIComponent(freelancerEmail)}`);
  const log = ops.getByRole('table');
  for (const action of [
    'compliance.submitted',
    'compliance.document_uploaded',
    'compliance.document_downloaded',
    'compliance.approved',
  ]) {
    await expect(log).toContainText(action);
  }
});

test('the same journey with JavaScript off, and a rejection: the reason and the date a new check opens', async ({
  browser,
}) => {
  const reason = 'The registration document is unreadable; please upload a clearer scan.';
  const { client, freelancer, freelancerEmail, inviteUrl } = await inviteAndSubmit(browser, false);
  const ops = await openReview(browser, false, freelancerEmail, client);

  // Rejecting is a confirmation step of its own page: it says what will happen first.
  await ops.getByRole('link', { name: 'Reject the check…' }).click();
  await expect(
    ops.getByRole('heading', { name: /^Reject the compliance check of / }),
  ).toBeVisible();
  await expect(ops.getByText('They cannot submit a new check before')).toBeVisible();
  await ops.getByRole('button', { name: 'Reject the check' }).click();
  await expect(ops.getByText('Tell the freelancer why the check is rejected')).toBeVisible();
  await ops.getByLabel('Reason for the rejection').fill(reason);
  const before = Date.now();
  await ops.getByRole('button', { name: 'Reject the check' }).click();
  await expect(ops.getByText('The check is rejected')).toBeVisible();
  const after = Date.now();

  await freelancer.goto('/onboarding/compliance');
  const status = freelancer.getByText(
    `Your compliance check was rejected: ${reason.replace(/\.$/, '')}. You can submit again from`,
  );
  await expect(status).toBeVisible();
  // In the freelancer's own time zone (the factory's Europe/Lisbon), named after the time.
  const shown =
    /submit again from (\w+ \d{1,2}, \d{4}), (\d\d:\d\d) Lisbon time \(Europe\/Lisbon\)/.exec(
      await status.innerText(),
    );
  expect(shown).not.toBeNull();
  const wallClock = new Date(`${shown![1]} ${shown![2]} UTC`).getTime();
  const opensAt = wallClock - lisbonOffsetMs(wallClock);
  expect(opensAt).toBeGreaterThanOrEqual(before + 60 * DAY_MS - 60_000);
  expect(opensAt).toBeLessThanOrEqual(after + 60 * DAY_MS);
  await expect(freelancer.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);

  await freelancer.goto('/onboarding');
  await expect(
    freelancer.getByText(`Your compliance check was rejected: ${reason.replace(/\.$/, '')}.`),
  ).toBeVisible();
  await expect(freelancer.getByRole('region', { name: 'Your contracts' })).toContainText(
    'accepted; starts after the compliance check',
  );
  const { text } = await openLatestEmail(
    freelancer,
    freelancerEmail,
    'Your Workbridge compliance check was not approved',
  );
  expect(text).toContain(reason);
  expect(text).toContain(`${shown![1]}, ${shown![2]} UTC`);

  // The client sees that it was not approved and when it can be tried again, not why.
  await client.goto(inviteUrl);
  await expect(
    client.getByText(/Not approved; the freelancer can submit again from/),
  ).toBeVisible();
  await expect(client.getByText(reason)).toHaveCount(0);
});
