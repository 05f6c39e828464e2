import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
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
  const message = notice ? NOTICES[notice] : undefined;
  return (
    <>
      <PageHeader
        title="Billing methods"
        back={<a href="/client">← Dashboard</a>}
        description="The card we charge for invoices and milestones: the default one. Add one before your first payment is due."
        actions={<a href="/client/transactions">Transactions</a>}
      />
      {message && (
        <Notice tone="success" announce>
          {message}
        </Notice>
      )}
      <Card title="Your cards">
        <BillingMethodList methods={methods} />
      </Card>
      <Card title="Add a card">
        {provider.name === 'stripe' ? (
          stripeSetup ? (
            <StripeCardForm
              publishableKey={getEnv().STRIPE_PUBLISHABLE_KEY!}
              clientSecret={stripeSetup.clientSecret}
            />
          ) : (
            <Notice tone="danger">
              We could not reach our card processor. Reload the page in a moment to add a card.
            </Notice>
          )
        ) : (
          <>
            <Notice>Test mode: cards go to our simulated card processor and no money moves.</Notice>
            <SimulatedCardForm />
          </>
        )}
      </Card>
    </>
  );
}
