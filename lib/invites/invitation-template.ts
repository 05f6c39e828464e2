import type { RenderedEmail } from '@/lib/email/render';

/**
 * Marks rendered where the freelancer's first name and the invite link go, for the bulk path
 * (prepareInvites). Only the marks are replaced: everything else is React Email's output.
 */
export const NAME_MARK = 'WBFIRSTNAMEMARK';
export const URL_MARK = 'https://wb-invite-link.invalid/WBURLMARK';
const MARKS = new RegExp(`${NAME_MARK}|${URL_MARK.replaceAll('.', '\\.')}`, 'g');

/** What React escapes in text and in quoted attributes, escaped the same way. */
const escapeHtml = (v: string) =>
  v
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');

/**
 * The template with one invite's name and link filled in, as React Email would have rendered
 * them: escaped like React, a lone surrogate made U+FFFD as React's UTF-8 output makes it, in
 * one pass over the marks, so a name that spells a mark is left as typed.
 */
export function fillInvitation(
  template: RenderedEmail,
  invite: { firstName: string; url: string },
): RenderedEmail {
  const valueOf = (mark: string) =>
    (mark === NAME_MARK ? invite.firstName : invite.url).toWellFormed();
  return {
    html: template.html.replace(MARKS, (mark) => escapeHtml(valueOf(mark))),
    text: template.text.replace(MARKS, valueOf),
  };
}
