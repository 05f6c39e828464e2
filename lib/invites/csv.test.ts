import { parseCsv } from './csv';

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

  it('keeps text after a closing quote and a quote inside an unquoted field', () => {
    expect(parseCsv('"a"b,c"d\n', 10).rows).toEqual([['ab', 'c"d']]);
  });

  it('stops after maxRows and says the text was longer', () => {
    const text = Array.from({ length: 20 }, (_, i) => `row${i}@example.com,A,B`).join('\n');
    const parsed = parseCsv(text, 5);
    expect(parsed.rows).toHaveLength(5);
    expect(parsed.lines).toEqual([1, 2, 3, 4, 5]);
    expect(parsed.truncated).toBe(true);
    expect(parseCsv(text, 20).truncated).toBe(false);
  });
});
