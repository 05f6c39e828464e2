import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { profileFormDefaults } from '@/lib/profile/form';
import type { ProfileRow } from '@/lib/profile/queries';
import { getProfileSettings } from '@/lib/profile/service';
import { RedirectNotice } from '@/components/redirect-notice';
import { ContinueToNext, StepRail } from '../../onboarding/step-rail';
import { requireFreelancerViewer } from '../viewer';
import { CompletenessMeter } from './completeness-meter';
import { PhotoSection } from './photo-section';
import { ProfileForm } from './profile-form';
import { ProfileSummary } from './profile-summary';

export const metadata: Metadata = { title: 'Profile', robots: { index: false } };
export const dynamic = 'force-dynamic';

const NOTICES = {
  saved: 'Profile saved.',
  'photo-saved': 'Photo saved.',
  'photo-removed': 'Photo removed.',
};

/** The form was saved once: a row made by a photo upload alone has neither of these. */
const isSaved = (profile: ProfileRow) => Boolean(profile.title || profile.overview);

type Props = { searchParams: Promise<{ notice?: string; photo?: string; edit?: string }> };

export default async function ProfileSettingsPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const { notice, photo, edit } = await searchParams;
  const { db } = await getDatabase();
  const { profile, completeness, publicPath } = await getProfileSettings(db, viewer.user.id);
  const photoPath =
    profile?.photoFileId && publicPath
      ? `${publicPath}/photo?v=${profile.photoFileId.slice(0, 8)}`
      : null;
  return (
    <>
      <StepRail current="profile" />
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
      {/* A saved profile shows as a summary; ?edit=1 (its "Edit" link) opens the form, and a
          form posted without JavaScript comes back to that same address, errors and all. */}
      {profile && isSaved(profile) && edit !== '1' ? (
        <ProfileSummary profile={profile} />
      ) : (
        <ProfileForm defaults={profileFormDefaults(profile)} />
      )}
      <ContinueToNext current="profile" />
    </>
  );
}
