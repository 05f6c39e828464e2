import { z } from 'zod';

export const visibilities = ['public', 'signed_in', 'private'] as const;
export type Visibility = (typeof visibilities)[number];

export const VISIBILITY_LABELS: Record<Visibility, { label: string; hint: string }> = {
  public: { label: 'Public', hint: 'Anyone can see your profile, and search engines may list it.' },
  signed_in: {
    label: 'Signed-in users only',
    hint: 'Only people signed in to Workbridge; search engines are asked not to list it.',
  },
  private: {
    label: 'Private',
    hint: 'Not listed anywhere. A signed-in person with the link sees your first name, last initial, title, photo and country; anyone else gets “not found”.',
  },
};

export const visibilitySchema = z.object({
  visibility: z.enum(visibilities, { error: 'Choose who can see your profile.' }),
});

export type VisibilityInput = z.output<typeof visibilitySchema>;

export type ProfileAccess = 'full' | 'limited' | 'sign-in-required' | 'not-found';

/**
 * Who sees what at /freelancers/<slug>. The owner always sees the whole profile; a private
 * profile is a 404 for anonymous visitors and a short card for signed-in strangers.
 */
export function decideProfileAccess(
  visibility: Visibility,
  viewer: { signedIn: boolean; isOwner: boolean },
): ProfileAccess {
  if (viewer.isOwner || visibility === 'public') return 'full';
  if (visibility === 'signed_in') return viewer.signedIn ? 'full' : 'sign-in-required';
  return viewer.signedIn ? 'limited' : 'not-found';
}

/** Only a public profile may be indexed, whoever is looking. */
export function isIndexable(visibility: Visibility): boolean {
  return visibility === 'public';
}
