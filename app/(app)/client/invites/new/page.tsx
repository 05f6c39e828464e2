import type { Metadata } from 'next';
import Link from 'next/link';
import { OfferForm } from '@/components/offer/offer-form';
import { requireClient } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { createInviteAction } from '../actions';

export const metadata: Metadata = { title: 'Invite a freelancer' };

export default async function NewInvitePage() {
  const { viewer } = await requireClient();
  return (
    <>
      <p>
        <Link href="/client">Back to invites</Link>
      </p>
      <h1>Invite a freelancer</h1>
      <p>
        They get an email from {viewer.workspace?.name} with your offer and what they will be paid
        after the service fee.
      </p>
      <OfferForm
        mode="invite"
        action={createInviteAction}
        feeBps={getEnv().SERVICE_FEE_BPS}
        clientType={viewer.workspace!.type}
        initial={{ 'offer.kind': 'hourly' }}
        submitLabel="Send the invite"
      />
    </>
  );
}
