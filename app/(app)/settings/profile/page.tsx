import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { profileFormDefaults } from '@/lib/profile/form';
import { getProfileSettings } from '@/lib/profile/service';
import { RedirectNotice } from '@/components/redirect-notice';
import { requireFreelancerViewer } from '../viewer';
import { CompletenessMeter } from './completeness-meter';
import { PhotoSection } from './photo-section';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Profile', robots: { index: false } };
export const dynamic = 'force-dynamic';

const NOTICES = {
  saved: 'Profile saved.',
  'photo-saved': 'Photo saved.',
  'photo-removed': 'Photo removed.',
};

type Props = { searchParams: Promise<{ notice?: string; photo?: string }> };

export default async function ProfileSettingsPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const { notice, photo } = await searchParams;
  const { db } = await getDatabase();
  const { profile, completeness, publicPath } = await getProfileSettings(db, viewer.user.id);
  const photoPath =
    profile?.photoFileId && publicPath
      ? `${publicPath}/photo?v=${profile.photoFileId.slice(0, 8)}`
      : null;
  return (
    <>
      <h1>Your profile</h1>
      <p>
        What clients read about you.{' '}
        {publicPath ? (
          <>
            See it as others do at <Link href={publicPath}>your profile page</Link>, and choose who
            can see it in <Link href="/settings/visibility">profile visibility</Link>.
          </>
        ) : (
          <>It gets its own address once you save it; it is private until you choose otherwise.</>
        )}
      </p>
      <RedirectNotice notice={notice} messages={NOTICES} />
      <CompletenessMeter completeness={completeness} />
      <PhotoSection photoPath={photoPath} problem={photo} />
      <ProfileForm defaults={profileFormDefaults(profile)} />
    </>
  );
}
