import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { PageHeader } from '@/components/ui/page-header';
import { requireClient } from '@/lib/auth/session';
import { listBillingMethods } from '@/lib/billing/service';
import { RemoveCardForm } from './remove-form';

export const metadata: Metadata = { title: 'Remove a card', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** "Remove Visa ending in 4242?": what removing the card does, before the action does it. */
export default async function RemoveBillingMethodPage({ params }: Props) {
  const { inviter } = await requireClient();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  // Only the workspace's own cards are listed, so another workspace's id finds nothing.
  const methods = await listBillingMethods(db, inviter.workspaceId);
  const method = methods.find((m) => m.id === id);
  if (!method) notFound();
  // Listed default first, then oldest first: the card the removal makes the default.
  const others = methods.filter((m) => m.id !== id);
  return (
    <>
      <PageHeader title="Remove a card" back={<a href="/client/billing">← Billing methods</a>} />
      <ConfirmStep
        question={`Remove your ${method.title}?`}
        cancelHref="/client/billing"
        consequences={[
          `We stop charging the ${method.title} at once, and our card processor forgets it.`,
          method.isDefault
            ? others.length > 0
              ? `Your ${others[0].title} becomes your default card.`
              : 'You will have no card left: invoices and milestones cannot be paid until you add one.'
            : 'Your default card stays as it is.',
          'Adding the same card again later is possible; charges already made are not affected.',
        ]}
      >
        <RemoveCardForm methodId={method.id} title={method.title} />
      </ConfirmStep>
    </>
  );
}
