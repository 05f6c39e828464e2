import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { getProfileSettings } from '@/lib/profile/service';
import { VISIBILITY_LABELS } from '@/lib/profile/visibility';
import { VisibilityForm } from '@/components/profile/visibility-form';
import { RedirectNotice } from '@/components/redirect-notice';
import { requireFreelancerViewer } from '../viewer';
import { setVisibilityAction } from './actions';

export const metadata: Metadata = { title: 'Profile visibility', robots: { index: false } };

type Props = { searchParams: Promise<{ notice?: string }> };

export default async function VisibilitySettingsPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const { notice } = await searchParams;
  const { db } = await getDatabase();
  const { profile, publicPath } = await getProfileSettings(db, viewer.user.id);
  const current = profile?.visibility ?? 'private';
  return (
    <>
      <h1>Profile visibility</h1>
      <p>
        Your profile is now: <strong>{VISIBILITY_LABELS[current].label}</strong>.{' '}
        {publicPath ? (
          <>
            Its address is <Link href={publicPath}>{publicPath}</Link>.
          </>
        ) : (
          'It gets its own address when you first save it.'
        )}{' '}
        If you only want to work with the client who invited you, choose private.{' '}
        <Link href="/help/hide-your-profile">How visibility works</Link>.
      </p>
      <RedirectNotice
        notice={notice}
        messages={{ saved: `Visibility saved: ${VISIBILITY_LABELS[current].label}.` }}
      />
      <VisibilityForm
        action={setVisibilityAction}
        current={current}
        legend="Who can see your profile"
        className="card"
      />
    </>
  );
}
