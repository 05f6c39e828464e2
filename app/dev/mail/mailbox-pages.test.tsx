import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { emailOutbox, mailboxMessages } from '@/db/schema';
import { isMailboxEnabled } from '@/lib/email/mailbox';
import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';
import EmailPreviewsPage from '../emails/page';
import MailboxMessagePage from './[id]/page';
import MailboxPage from './page';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let messageId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const [outbox] = await database.db
    .insert(emailOutbox)
    .values({
      toAddress: 'dana@example.com',
      fromAddress: 'no-reply@workbridge.test',
      subject: 'Mailbox page test',
      template: 'test',
    })
    .returning({ id: emailOutbox.id });
  const [message] = await database.db
    .insert(mailboxMessages)
    .values({
      outboxId: outbox.id,
      toAddress: 'dana@example.com',
      fromAddress: 'no-reply@workbridge.test',
      subject: 'Mailbox page test',
      html: '<p><a href="http://localhost:3000/sign-in/confirm?token=t&amp;email=d">Sign in</a></p>',
      text: 'Sign in',
    })
    .returning({ id: mailboxMessages.id });
  messageId = message.id;
});
afterAll(() => database.dispose());

/** The production set-up: Resend configured, so no local mailbox. */
const PRODUCTION_EMAIL = { RESEND_API_KEY: 're_mailbox_page_test', EMAIL_TRANSPORT: undefined };

/** Renders a page, or says it answered not-found (the digest Next turns into a 404). */
async function renderPage(page: () => Promise<ReactElement>): Promise<string> {
  try {
    return renderToStaticMarkup(await page());
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not-found';
    throw error;
  }
}

const listPage = () => MailboxPage({ searchParams: Promise.resolve({}) });
const messagePage = () => MailboxMessagePage({ params: Promise.resolve({ id: messageId }) });
const previewsPage = async () => EmailPreviewsPage();

describe('/dev/mail', () => {
  it('lists messages and shows one with its links while email goes to the local mailbox', async () => {
    expect(isMailboxEnabled()).toBe(true);
    expect(await renderPage(listPage)).toContain(`href="/dev/mail/${messageId}"`);
    expect(await renderPage(messagePage)).toContain(
      'href="http://localhost:3000/sign-in/confirm?token=t&amp;email=d"',
    );
    expect(await renderPage(previewsPage)).toContain('href="/dev/emails/sign-in"');
  });

  it('does not exist with Resend configured: the mailbox and the email previews answer not-found', async () => {
    await withEnv(PRODUCTION_EMAIL, async () => {
      expect(isMailboxEnabled()).toBe(false);
      expect(await renderPage(listPage)).toBe('not-found');
      expect(await renderPage(messagePage)).toBe('not-found');
      expect(await renderPage(previewsPage)).toBe('not-found');
    });
  });
});
