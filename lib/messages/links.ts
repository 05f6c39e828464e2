/**
 * A message's text cut into plain text and links, for the page to render as React nodes
 * (so everything else stays escaped text). Only http and https addresses become links.
 */
export type MessageSegment =
  { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string };

// Stops at whitespace and at characters that rarely end an address in prose.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

export function segmentMessage(body: string): MessageSegment[] {
  const segments: MessageSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const trimmed = raw.replace(TRAILING_PUNCTUATION, '');
    const start = match.index;
    if (!isHttpUrl(trimmed)) continue;
    if (start > last) segments.push({ kind: 'text', text: body.slice(last, start) });
    segments.push({ kind: 'link', href: trimmed, text: trimmed });
    last = start + trimmed.length;
  }
  if (last < body.length) segments.push({ kind: 'text', text: body.slice(last) });
  return segments;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
