import type { DbOrTx } from '@/db/client';
import { collectAll, collectClientHistory, historyCsv, listFreelancerHistory } from './history';

/** Bigger pages than on screen: the export reads them all, so fewer round trips. */
const EXPORT_PAGE_SIZE = 500;

/** The CSV download: an attachment, never cached (it is someone's money). */
export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

export async function clientHistoryCsv(db: DbOrTx, workspaceId: string): Promise<string> {
  return historyCsv(await collectClientHistory(db, workspaceId, EXPORT_PAGE_SIZE));
}

export async function freelancerHistoryCsv(db: DbOrTx, freelancerId: string): Promise<string> {
  return historyCsv(
    await collectAll((cursor) =>
      listFreelancerHistory(db, freelancerId, { cursor, limit: EXPORT_PAGE_SIZE }),
    ),
  );
}
