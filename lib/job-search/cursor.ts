import { z } from 'zod';

/** Where the next page starts: after (rank, id) for relevance, after (opened_at, id) for newest. */
export type Cursor =
  { kind: 'rank'; rank: number; id: string } | { kind: 'new'; at: string; id: string };

const cursorSchema = z.union([
  z.object({ kind: z.literal('rank'), rank: z.number().finite(), id: z.string().uuid() }),
  // opened_at as Postgres printed it (microseconds and offset kept: a JS Date drops microseconds).
  z.object({ kind: z.literal('new'), at: z.string().max(40), id: z.string().uuid() }),
]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor that does not decode is ignored: the search starts at its first page. */
export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString()));
    if (!parsed.success) return undefined;
    if (parsed.data.kind === 'new' && Number.isNaN(Date.parse(parsed.data.at))) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}
