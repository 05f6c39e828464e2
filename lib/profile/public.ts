import type { DbOrTx } from '@/db/client';
import { countryName } from '@/lib/geo/countries';
import { findProfileBySlug, type ProfileRow } from './queries';
import { isSlug } from './slug';
import { decideProfileAccess, isIndexable, type Visibility } from './visibility';

/** What anyone allowed to see a profile at all sees: name as "Alex K.", title, photo, country. */
export type ProfileCard = {
  slug: string;
  displayName: string;
  title: string | null;
  country: string | null;
  photoPath: string | null;
};

export type FullProfile = ProfileCard &
  Pick<
    ProfileRow,
    | 'availability'
    | 'overview'
    | 'hourlyRateCents'
    | 'skills'
    | 'languages'
    | 'employment'
    | 'education'
    | 'portfolioLinks'
  >;

export type PublicProfileView =
  | { kind: 'not-found' }
  | { kind: 'sign-in-required' }
  | { kind: 'limited'; profile: ProfileCard }
  | {
      kind: 'full';
      profile: FullProfile;
      indexable: boolean;
      isOwner: boolean;
      visibility: Visibility;
    };

export function displayName(
  firstName: string | null | undefined,
  lastName: string | null | undefined,
): string {
  const first = firstName?.trim() || 'Freelancer';
  const initial = lastName?.trim().charAt(0).toUpperCase();
  return initial ? `${first} ${initial}.` : first;
}

/**
 * The one decision behind the profile page, its metadata and its photo. The limited card is
 * built field by field so nothing more can slip into a private profile's view.
 */
export async function resolvePublicProfile(
  db: DbOrTx,
  slug: string,
  viewerUserId: string | null,
): Promise<PublicProfileView> {
  if (!isSlug(slug)) return { kind: 'not-found' };
  const found = await findProfileBySlug(db, slug);
  if (!found) return { kind: 'not-found' };
  const { profile } = found;
  const isOwner = viewerUserId === profile.userId;
  const access = decideProfileAccess(profile.visibility, {
    signedIn: viewerUserId !== null,
    isOwner,
  });
  if (access === 'not-found' || access === 'sign-in-required') return { kind: access };
  const card: ProfileCard = {
    slug: profile.slug,
    displayName: displayName(found.firstName, found.lastName),
    title: profile.title,
    country: found.country ? (countryName(found.country) ?? found.country) : null,
    photoPath: profile.photoFileId
      ? `/freelancers/${profile.slug}/photo?v=${profile.photoFileId.slice(0, 8)}`
      : null,
  };
  if (access === 'limited') return { kind: 'limited', profile: card };
  return {
    kind: 'full',
    isOwner,
    visibility: profile.visibility,
    indexable: isIndexable(profile.visibility),
    profile: {
      ...card,
      availability: profile.availability,
      overview: profile.overview,
      hourlyRateCents: profile.hourlyRateCents,
      skills: profile.skills,
      languages: profile.languages,
      employment: profile.employment,
      education: profile.education,
      portfolioLinks: profile.portfolioLinks,
    },
  };
}

/** The photo, under the same rule as the page: limited and full views include it. */
export async function findVisiblePhotoId(
  db: DbOrTx,
  slug: string,
  viewerUserId: string | null,
): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const found = await findProfileBySlug(db, slug);
  if (!found?.profile.photoFileId) return null;
  const { profile } = found;
  const access = decideProfileAccess(profile.visibility, {
    signedIn: viewerUserId !== null,
    isOwner: viewerUserId === profile.userId,
  });
  return access === 'full' || access === 'limited' ? profile.photoFileId : null;
}
