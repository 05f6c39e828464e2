import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { RedirectNotice } from '@/components/redirect-notice';
import { requireClient } from '@/lib/auth/session';
import { listBillingMethods, startBillingMethodSetup } from '@/lib/billing/service';
import { getEnv } from '@/lib/env';
import { selectPaymentProvider } from '@/lib/payments/select';
import { BillingMethodList } from './method-list';
import { SimulatedCardForm } from './simulated-card-form';
import { StripeCardForm } from './stripe-card-form';

export const metadata: Metadata = { title: 'Billing methods', robots: { index: false } };
export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  added: 'Card added.',
  default: 'Default card changed.',
  removed: 'Card removed.',
};

/** A SetupIntent for this visit; Stripe being unreachable leaves the rest of the page working. */
async function startStripeSetup(
  ...args: Parameters<typeof startBillingMethodSetup>
): Promise<{ clientSecret: string } | null> {
  try {
    return await startBillingMethodSetup(...args);
  } catch (error) {
    console.error('[billing] could not start a card setup:', (error as Error).message);
    return null;
  }
}

type Props = { searchParams: Promise<{ notice?: string }> };

export default async function ClientBillingPage({ searchParams }: Props) {
  const { inviter } = await requireClient();
  const { notice } = await searchParams;
  const { db } = await getDatabase();
  const provider = selectPaymentProvider(db);
  const methods = await listBillingMethods(db, inviter.workspaceId);
  const stripeSetup =
    provider.name === 'stripe' ? await startStripeSetup(db, provider, inviter) : null;
  return (
    <>
      <h1>Billing methods</h1>
      <p>
        The card we charge for invoices and milestones: the default one. Add one before your first
        payment is due.
      </p>
      <RedirectNotice notice={notice} messages={NOTICES} />
      <section aria-labelledby="methods-heading" className="card">
        <h2 id="methods-heading">Your cards</h2>
        <BillingMethodList methods={methods} />
      </section>
      <section aria-labelledby="add-heading" className="card">
        <h2 id="add-heading">Add a card</h2>
        {provider.name === 'stripe' ? (
          stripeSetup ? (
            <StripeCardForm
              publishableKey={getEnv().STRIPE_PUBLISHABLE_KEY!}
              clientSecret={stripeSetup.clientSecret}
            />
          ) : (
            <p className="notice error">
              We could not reach our card processor. Reload the page in a moment to add a card.
            </p>
          )
        ) : (
          <>
            <p className="notice">
              Test mode: cards go to our simulated card processor and no money moves.
            </p>
            <SimulatedCardForm />
          </>
        )}
      </section>
    </>
  );
}
