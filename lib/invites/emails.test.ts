import type { Inviter } from '@/lib/accounts/inviter';
import { getEnv } from '@/lib/env';
import { hashToken } from '@/lib/security/tokens';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  daysFromToday,
  findInvite,
  findOutbox,
  fixedOfferInput,
  hourlyOfferInput,
  inviteData,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import type { InviteInput } from './schemas';
import { createInvite } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db, { name: 'Dana Lee', workspaceName: 'Acme' });
});
afterAll(() => database.dispose());

const SCRIPT = '<script>alert(1)</script>';

/** Creates an invite and reads its email back from the outbox, before delivery. */
async function sendAndRead(email: string, overrides: Partial<InviteInput> = {}, inviter = client) {
  const result = await createInvite(database.db, { inviter, input: inviteData(email, overrides) });
  if (!result.ok) throw new Error(result.message);
  const invite = await findInvite(database.db, result.inviteId);
  const outbox = await findOutbox(database.db, invite.lastOutboxId!);
  return { invite, outbox, html: outbox.html ?? '', text: outbox.text ?? '' };
}

const expiryDate = (d: Date) =>
  d.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** The HTML with tags removed and entities decoded, collapsed to single spaces. */
function visibleText(html: string): string {
  return html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the invitation email', () => {
  it('names the client and workspace in the subject', async () => {
    const { outbox } = await sendAndRead('subject@example.com');
    expect(outbox.subject).toBe('Dana Lee of Acme invited you to work together on Workbridge');
    expect(outbox.template).toBe('invitation');
  });

  it('carries one link to APP_URL/invite/<token>, whose hash is the stored one', async () => {
    const { invite, html, text } = await sendAndRead('link@example.com');
    const token = await tokenFromOutbox(database.db, invite.lastOutboxId!);
    const url = `${getEnv().APP_URL}/invite/${token}`;
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([url]);
    expect(hashToken(token)).toBe(invite.tokenHash);
    expect(text).toContain(url);
    expect(text.split(url)).toHaveLength(2); // once in the plain text as well
  });

  it('shows the net pay after the 5% fee, the expiry date and the "Not you" line', async () => {
    const { invite, html, text } = await sendAndRead('pay@example.com', {
      offer: hourlyOfferInput({ hourlyRateDollars: '50.00', weeklyLimit: '40' }),
    });
    for (const body of [visibleText(html), text]) {
      expect(body).toContain(
        '$50.00 an hour; you receive $47.50 an hour after the 5% service fee.',
      );
      expect(body).toContain('Up to 40 hours a week: $1,900.00 for a full week after the fee.');
      expect(body).toContain(`This invitation expires on ${expiryDate(invite.expiresAt)}`);
      expect(body).toContain('Not you, or wrong address? Ignore this email or tell Dana Lee.');
      expect(body).toContain('Looking forward to it!');
      expect(body).toContain('Website redesign');
      expect(body).toContain('Hi Alex,');
    }
  });

  it('lists each milestone with its net amount for a fixed-price offer', async () => {
    const { html, text } = await sendAndRead('fixed-pay@example.com', { offer: fixedOfferInput() });
    for (const body of [visibleText(html), text]) {
      expect(body).toContain(
        `Milestone 1, Sketches: $500.00; you receive $475.00 (due ${daysFromToday(14)}).`,
      );
      expect(body).toContain(
        `Milestone 2, Final files: $1,250.00; you receive $1,187.50 (due ${daysFromToday(28)}).`,
      );
      expect(body).toContain('Total $1,750.00; you receive $1,662.50 after the 5% service fee.');
    }
  });

  it('says when there is no weekly limit and leaves out an empty message', async () => {
    const { html, text } = await sendAndRead('nolimit@example.com', {
      message: '',
      offer: hourlyOfferInput({ weeklyLimit: '' }),
    });
    expect(text).toContain('No weekly limit on hours.');
    expect(html).not.toContain('Message from');
    expect(text).not.toContain('Message from');
  });

  it('escapes HTML and script typed by the client and the freelancer names', async () => {
    const hostile = await createClient(database.db, {
      name: `Eve ${SCRIPT}`,
      workspaceName: `<img src=x onerror=alert(2)>`,
    });
    const { outbox, html, text } = await sendAndRead(
      'xss@example.com',
      {
        firstName: SCRIPT,
        message: `Hello ${SCRIPT} & <a href="https://evil.test">click</a>`,
        offer: hourlyOfferInput({ title: `<b>${SCRIPT}</b>` }),
      },
      hostile,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toContain('href="https://evil.test"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(visibleText(html)).toContain(`Hello ${SCRIPT} & <a href="https://evil.test">click</a>`);
    expect(visibleText(html)).toContain(`Hi ${SCRIPT},`);
    // The subject is a header, not HTML: it reads exactly as typed.
    expect(outbox.subject).toBe(
      `Eve ${SCRIPT} of <img src=x onerror=alert(2)> invited you to work together on Workbridge`,
    );
    // The plain-text part shows the text as typed (no HTML is interpreted there).
    expect(text).toContain(`Hello ${SCRIPT}`);
  });

  it('falls back to the workspace name when the client has no name', async () => {
    const nameless = await createClient(database.db, { name: '', workspaceName: 'Solo LLC' });
    const { outbox, text } = await sendAndRead('nameless@example.com', {}, nameless);
    expect(outbox.subject).toBe('Solo LLC invited you to work together on Workbridge');
    expect(text).toContain('Not you, or wrong address? Ignore this email or tell Solo LLC.');
  });
});
