import type { ReactElement } from 'react';
import { renderEmail, type RenderedEmail } from './render';

/**
 * Mail merge, for emails sent by the thousand in one go (Monday's invoices): the template
 * is rendered once with a mark in place of each field, and each message is that output
 * with the marks replaced, escaped as React escapes text and quoted attributes. Rendering
 * an email takes 5–30 ms and a fill a few microseconds (`npm run bench:tick`). Only for
 * fields that are plain text in the template: a value that decides what the template
 * renders (a condition, a list) must be a separate template. One difference is left: React
 * Email pads the hidden preview text with invisible characters to a fixed length, and the
 * padding follows the marks' length, not the values'.
 */
export type MergeTemplate<F extends string> = RenderedEmail & { fields: readonly F[] };

const markOf = (index: number) => `WBMERGEMARK${index}END`;
const MARK = /WBMERGEMARK(\d+)END/g;

/** What React escapes in text and in quoted attributes, escaped the same way. */
const escapeHtml = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');

export async function renderMergeTemplate<F extends string>(
  fields: readonly F[],
  element: (marks: Record<F, string>) => ReactElement,
): Promise<MergeTemplate<F>> {
  const marks = Object.fromEntries(fields.map((field, i) => [field, markOf(i)])) as Record<
    F,
    string
  >;
  return { ...(await renderEmail(element(marks))), fields };
}

/**
 * One message: every mark replaced by its field's value in one pass (so a value that spells
 * a mark stays as typed), a lone surrogate made U+FFFD as React's UTF-8 output makes it.
 */
export function fillMergeTemplate<F extends string>(
  template: MergeTemplate<F>,
  values: Record<F, string>,
): RenderedEmail {
  const valueOf = (index: string) => values[template.fields[Number(index)]].toWellFormed();
  return {
    html: template.html.replace(MARK, (_, index: string) => escapeHtml(valueOf(index))),
    text: template.text.replace(MARK, (_, index: string) => valueOf(index)),
  };
}
