import { CsvError, parse } from 'csv-parse/sync';

const CR = 0x0d;
const LF = 0x0a;

/** Byte offsets at which each line of the text begins; CRLF, LF and CR each end one line. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === CR && bytes[i + 1] === LF) i++;
    if (bytes[i] === CR || bytes[i] === LF) starts.push(i + 1);
  }
  return starts;
}

/**
 * RFC 4180 by csv-parse: quoted fields, doubled quotes, CRLF, LF or CR line ends, a
 * byte-order mark. Lenient where people's files are: rows may differ in length, and a
 * stray quote keeps the field as written (so a damaged address is reported, not mended
 * into another one). `lines[i]` is the line of the text on which row i starts, for
 * reports that point at a line (blank lines are skipped and a quoted field may span
 * lines, so it is not i + 1). csv-parse's own `lines` counts a CRLF inside a quoted
 * field or after a blank line twice, so lines are counted here from `bytes`, the offset
 * just past each record.
 */
export type ParsedCsv =
  | { ok: true; rows: string[][]; lines: number[]; truncated: boolean }
  | { ok: false; message: string };

export function parseCsv(text: string, maxRows: number): ParsedCsv {
  const bytes = Buffer.from(text);
  const starts = lineStarts(bytes);
  const rows: string[][] = [];
  const lines: number[] = [];
  let offset = 0;
  let line = 0;
  const seekRecordStart = () => {
    // Skipped blank lines sit between the last record and this one's first character.
    while (bytes[offset] === CR || bytes[offset] === LF) offset++;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  };
  try {
    parse(bytes, {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      on_record: (record: string[], { bytes: end }) => {
        seekRecordStart();
        offset = end;
        // A line of spaces only is blank too; a line of empty fields (",,") is a row.
        if (!(record.length === 1 && record[0].trim() === '')) {
          rows.push(record);
          lines.push(line + 1);
        }
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')) throw error;
    // The record that never ended is the one after the last complete record.
    seekRecordStart();
    return {
      ok: false,
      message: `Line ${line + 1} opens a quoted field (") that is never closed, so the rest of the file can't be read. Close or remove that quote and try again.`,
    };
  }
  return {
    ok: true,
    rows: rows.slice(0, maxRows),
    lines: lines.slice(0, maxRows),
    truncated: rows.length > maxRows,
  };
}
