import fc from 'fast-check';
import { createElement } from 'react';
import InvitationEmail from '@/emails/invitation';
import { renderEmail, type RenderedEmail } from '@/lib/email/render';
import { generateToken } from '@/lib/security/tokens';
import { HOSTILE_FRAGMENTS, hostileString, SCRIPT } from '@/tests/helpers/hostile';
import { inviteUrl } from './emails';
import { fillInvitation, NAME_MARK, URL_MARK } from './invitation-template';
import { bulkRowSchema } from './schemas';

const render = (firstName: string, url: string) =>
  renderEmail(
    createElement(InvitationEmail, {
      inviterName: 'Dana Lee',
      workspaceName: 'Acme',
      freelancerFirstName: firstName,
      message: 'See you soon',
      offerTitle: 'Logo design',
      payLines: ['$50.00 an hour; you receive $47.50 an hour after the 5% service fee.'],
      url,
      expiresAt: new Date('2027-01-01T00:00:00Z'),
    }),
  );

let template: RenderedEmail;
beforeAll(async () => {
  template = await render(NAME_MARK, URL_MARK);
});

/** First names as the bulk path receives them: anything typed into the list that its schema accepts. */
const firstName = fc
  .oneof(
    hostileString,
    fc.array(fc.constantFrom(...HOSTILE_FRAGMENTS, 'Ann', ' ', '&amp;', '$&', "$'"), {
      maxLength: 8,
    }),
  )
  .map((v) => (Array.isArray(v) ? v.join('') : v))
  .map((v) => bulkRowSchema.in.shape.firstName.safeParse(v))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data!);

const url = fc.oneof(
  fc.constant(null).map(() => inviteUrl(generateToken())),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);

/**
 * The plain text as html-to-text (React Email's plain-text step) would space it: it collapses
 * runs of these characters, so a name holding a tab, a line break or a zero-width space reads
 * with a single space there; the filled-in text keeps the name as typed.
 */
const collapseSpace = (text: string) => text.replace(/[ \t\r\n\f\u200b]+/g, ' ');

describe('fillInvitation', () => {
  it('gives what React Email renders for the same name and link, hostile names included', async () => {
    await fc.assert(
      fc.asyncProperty(firstName, url, async (name, link) => {
        const filled = fillInvitation(template, { firstName: name, url: link });
        const rendered = await render(name, link);
        expect(filled.html).toBe(rendered.html);
        expect(collapseSpace(filled.text)).toBe(collapseSpace(rendered.text));
      }),
      {
        numRuns: 100,
        examples: [
          [SCRIPT, 'https://example.com/a?b=1&c="2"'],
          ['"><img src=x onerror=alert(1)>', inviteUrl('tok')],
          // A name that spells a mark, or a replacement pattern, stays as typed.
          [URL_MARK, inviteUrl('tok')],
          [`${NAME_MARK} $& $' $$`, inviteUrl('tok')],
        ],
      },
    );
  });
});
