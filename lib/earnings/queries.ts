/*
 * The balance page's reads. They aggregate ledger entries, and the ledger tables are read
 * only inside lib/ledger (lint), so the SQL lives in lib/ledger/earnings.ts.
 */
export {
  loadEarningsBuckets,
  loadEarningsFigures,
  type EarningsBucket,
  type EarningsFigures,
  type PendingItem,
} from '@/lib/ledger/earnings';
