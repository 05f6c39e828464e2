// The billing tick takes up milestone fundings whose process stopped (issue 16's fault case
// "the worker killed between the charge and the escrow posting").
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { milestones, milestoneStates } from '@/db/schema';
import { advanceCharge, type ChargeHookTable } from '@/lib/billing/charges';
import { now } from '@/lib/clock';
import type { InvoiceRow } from '@/lib/invoices/issue';
import type { PaymentProvider } from '@/lib/payments/provider';
import { selectPaymentProvider } from '@/lib/payments/select';
import { chargeFunding, fundingChargeKeyOf, milestoneFundingHooks } from './funding';
import {
  findFundingInvoice,
  listChargesOf,
  MILESTONE_FUNDING_SOURCE,
  type MilestoneRow,
} from './queries';

/** A funding left in `funding` this long (by the clock) is taken up by the tick. */
export const STUCK_FUNDING_AFTER_MS = 5 * 60_000;

const BATCH = 100;

export type ResumeOptions = {
  provider?: PaymentProvider;
  /** The charge hooks (default: the milestone funding's own, the only ones its charge uses). */
  hooks?: ChargeHookTable;
};

/**
 * Tick step: every milestone still `funding` STUCK_FUNDING_AFTER_MS after its request was
 * written. Its charge is asked for again under the key the first attempt used (so a charge
 * already made is the same charge: the provider charges once) and taken one step on through
 * the charge machinery (sent, or asked about); once it settles, milestoneFundingHooks posts
 * the escrow as for any funding. A milestone another worker (or the client's own second
 * submit) holds is skipped and seen on a later tick. Returns the fundings taken up.
 */
export async function resumeStuckFundings(
  db: Db,
  at: Date = now(),
  options: ResumeOptions = {},
): Promise<number> {
  const cutoff = new Date(at.getTime() - STUCK_FUNDING_AFTER_MS);
  const stuck = await db
    .select({ milestone: milestones })
    .from(milestoneStates)
    .innerJoin(milestones, eq(milestones.id, milestoneStates.milestoneId))
    .where(and(eq(milestoneStates.status, 'funding'), lte(milestoneStates.updatedAt, cutoff)))
    .orderBy(asc(milestoneStates.updatedAt))
    .limit(BATCH);
  if (stuck.length === 0) return 0;
  const provider = options.provider ?? selectPaymentProvider(db);
  const hooks = options.hooks ?? { [MILESTONE_FUNDING_SOURCE]: milestoneFundingHooks };
  let resumed = 0;
  for (const { milestone } of stuck) {
    try {
      const funding = await db.transaction((tx) => stillStuck(tx, milestone, cutoff));
      if (!funding) continue;
      const asked = await chargeFunding(db, provider, hooks, milestone, funding);
      if (asked.ok) await advanceCharge(db, provider, hooks, asked.charge);
      resumed += 1;
    } catch (error) {
      console.error(
        `[tick] resuming the funding of milestone ${milestone.id} failed:`,
        (error as Error).message,
      );
    }
  }
  return resumed;
}

/** The invoice and charge key of a funding still stuck, under the milestone's row lock. */
async function stillStuck(
  tx: Tx,
  milestone: MilestoneRow,
  cutoff: Date,
): Promise<{ invoice: InvoiceRow; key: string } | null> {
  const [locked] = await tx
    .select({ id: milestones.id })
    .from(milestones)
    .where(eq(milestones.id, milestone.id))
    .for('update', { skipLocked: true });
  if (!locked) return null;
  const [state] = await tx
    .select()
    .from(milestoneStates)
    .where(eq(milestoneStates.milestoneId, milestone.id));
  if (!state || state.status !== 'funding' || state.updatedAt > cutoff) return null;
  const invoice = await findFundingInvoice(tx, milestone.id);
  if (!invoice) return null;
  const charges = await listChargesOf(tx, MILESTONE_FUNDING_SOURCE, invoice.id);
  const key = fundingChargeKeyOf(milestone.id, charges);
  return key === null ? null : { invoice, key };
}
