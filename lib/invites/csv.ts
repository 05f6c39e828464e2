/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF line ends.
 * `lines[i]` is the line of the text on which row i starts, for reports that point at a
 * line (blank lines are skipped and a quoted field may span lines, so it is not i + 1).
 */
export function parseCsv(
  text: string,
  maxRows: number,
): { rows: string[][]; lines: number[]; truncated: boolean } {
  const rows: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let row: string[] = [];
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  const input = text.replace(/^\uFEFF/, '');
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0].trim() === '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (inQuotes) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        inQuotes = false;
      } else {
        if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') inQuotes = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
      if (rows.length > maxRows)
        return { rows: rows.slice(0, maxRows), lines: lines.slice(0, maxRows), truncated: true };
    } else field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  return {
    rows: rows.slice(0, maxRows),
    lines: lines.slice(0, maxRows),
    truncated: rows.length > maxRows,
  };
}
