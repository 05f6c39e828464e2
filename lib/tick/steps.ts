import type { Db } from '@/db/client';
import { makeDueFundsAvailable } from '@/lib/earnings/release';
import { issueDueInvoices } from '@/lib/hourly/invoicing';

/**
 * One thing the billing tick does: everything of its kind due at `at`, idempotent, in
 * batches, safe on several workers at once. Returns how many items it handled.
 */
export type TickStep = { name: string; run: (db: Db, at: Date) => Promise<number> };

/** What the billing tick does, in order (SPEC 4.A–4.D). A new step is one line here. */
export const TICK_STEPS: readonly TickStep[] = [
  { name: 'issueDueInvoices', run: (db, at) => issueDueInvoices(db, at) },
  { name: 'makeDueFundsAvailable', run: (db, at) => makeDueFundsAvailable(db, at) },
];
