import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { VISIBILITY_LABELS } from '@/lib/profile/visibility';
import { loadPublicProfile } from './load';
import { profileMetadata } from './metadata';
import { FullProfileView, ProfileHeader } from './profile-view';

type Props = { params: Promise<{ slug: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return profileMetadata(await loadPublicProfile((await params).slug));
}

export default async function FreelancerProfilePage({ params }: Props) {
  const { slug } = await params;
  const view = await loadPublicProfile(slug);
  if (view.kind === 'not-found') notFound();
  if (view.kind === 'sign-in-required') {
    return (
      <div className="narrow">
        <h1>Sign in to see this profile</h1>
        <p>This freelancer shows their profile to people signed in to Workbridge only.</p>
        <p>
          <Link href="/sign-in">Sign in</Link> or <Link href="/sign-up">create an account</Link>.
        </p>
      </div>
    );
  }
  if (view.kind === 'limited') {
    return (
      <>
        <ProfileHeader profile={view.profile} />
        <p className="muted">This freelancer keeps the rest of their profile private.</p>
      </>
    );
  }
  return (
    <>
      {view.isOwner && (
        <p className="notice">
          This is your profile as others see it. Visibility:{' '}
          {VISIBILITY_LABELS[view.visibility].label}.{' '}
          <Link href="/settings/profile">Edit your profile</Link> ·{' '}
          <Link href="/find-work">Change visibility or availability</Link>
        </p>
      )}
      <FullProfileView profile={view.profile} />
    </>
  );
}
