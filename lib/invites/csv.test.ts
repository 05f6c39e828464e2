import fc from 'fast-check';
import { parseCsv as parseCsvResult } from './csv';

/** The rows of a text that can be read; a test of unreadable text calls parseCsvResult. */
function parseCsv(text: string, maxRows: number) {
  const parsed = parseCsvResult(text, maxRows);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const { rows } = parseCsv(
      '"a@example.com","Smith, Jr.","O""Brien","1,250.00"\n"b@example.com","Multi\nLine",Last,\n',
      10,
    );
    expect(rows).toEqual([
      ['a@example.com', 'Smith, Jr.', 'O"Brien', '1,250.00'],
      ['b@example.com', 'Multi\nLine', 'Last', ''],
    ]);
  });

  it('accepts CRLF, LF and CR line ends, a byte-order mark and no final newline', () => {
    expect(parseCsv('\uFEFFa,b\r\nc,d\re,f\ng,h', 10).rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('skips blank lines but keeps rows of empty fields', () => {
    expect(parseCsv('a,b\n\n   \n,,\n', 10).rows).toEqual([
      ['a', 'b'],
      ['', '', ''],
    ]);
  });

  it('says on which line of the text each row starts', () => {
    const parsed = parseCsv('email\n\na@x.io,"two\nlines",z\r\n\r\nb@x.io,c,d\n', 10);
    expect(parsed.rows.map((r) => r[0])).toEqual(['email', 'a@x.io', 'b@x.io']);
    expect(parsed.lines).toEqual([1, 3, 6]);
  });

  // Mending '"a@x.io"x' into 'a@x.iox' could make another valid address; kept as written,
  // the row is refused with a reason the person can act on.
  it('keeps a badly quoted field and a quote inside an unquoted field as written', () => {
    expect(parseCsv('"a"b,c"d\n', 10).rows).toEqual([['"a"b', 'c"d']]);
  });

  it('counts a CRLF once, inside a quoted field and after a blank line', () => {
    const parsed = parseCsv('email\r\n\r\na@x.io,"two\r\nlines"\r\n \r\nb@x.io\rc@x.io', 10);
    expect(parsed.rows.map((r) => r[0])).toEqual(['email', 'a@x.io', 'b@x.io', 'c@x.io']);
    expect(parsed.lines).toEqual([1, 3, 6, 7]);
  });

  it('stops after maxRows and says the text was longer', () => {
    const text = Array.from({ length: 20 }, (_, i) => `row${i}@example.com,A,B`).join('\n');
    const parsed = parseCsv(text, 5);
    expect(parsed.rows).toHaveLength(5);
    expect(parsed.lines).toEqual([1, 2, 3, 4, 5]);
    expect(parsed.truncated).toBe(true);
    expect(parseCsv(text, 20).truncated).toBe(false);
  });

  it('refuses a quote that is never closed, naming the line where it opens', () => {
    expect(parseCsvResult('email\n\na@x.io,"Ann\nb@x.io,Bo\n', 10)).toEqual({
      ok: false,
      message:
        'Line 3 opens a quoted field (") that is never closed, so the rest of the file can\'t be read. Close or remove that quote and try again.',
    });
  });

  it('reads any text or refuses it with a message, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ') }), (text) => {
        const parsed = parseCsvResult(text, 10);
        if (parsed.ok) expect(parsed.lines).toHaveLength(parsed.rows.length);
        else expect(parsed.message).toMatch(/^Line \d+ opens a quoted field/);
      }),
      { numRuns: 500 },
    );
  });
});
