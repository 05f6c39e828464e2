import type { Metadata } from 'next';
import Link from 'next/link';
import { requireClient } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { BulkInviteForm } from './bulk-form';

export const metadata: Metadata = { title: 'Bulk invite' };

export default async function BulkInvitePage() {
  const { viewer } = await requireClient();
  return (
    <>
      <p>
        <Link href="/client">Back to invites</Link>
      </p>
      <h1>Invite many freelancers at once</h1>
      <p>
        One shared offer for everyone on the list; a rate in the list replaces the offer&apos;s
        hourly rate for that person. You will see a report line by line before anything is sent.
      </p>
      <BulkInviteForm
        feeBps={getEnv().SERVICE_FEE_BPS}
        initial={{ 'offer.kind': 'hourly' }}
        clientType={viewer.workspace!.type}
      />
    </>
  );
}
