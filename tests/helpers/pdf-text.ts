import { inflateSync } from 'node:zlib';

/**
 * The text a PDF from @react-pdf/renderer shows, for assertions: each content stream is
 * inflated (react-pdf compresses them) and the hex strings of its TJ operators decoded
 * (the standard fonts write WinAnsi codes), one line per text run. Enough for our own
 * files' Latin text; not a general PDF reader.
 */
export function pdfText(pdf: Uint8Array): string {
  const bytes = Buffer.from(pdf);
  const raw = bytes.toString('latin1');
  const runs: string[] = [];
  const starts = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = starts.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a compressed stream (a font, an image)
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...array[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      runs.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return runs.join('\n');
}
