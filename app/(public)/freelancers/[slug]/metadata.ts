import type { Metadata } from 'next';
import type { PublicProfileView } from '@/lib/profile/public';

const NOINDEX = { index: false, follow: false } as const;

/**
 * The page's metadata follows the same decision as the page: nothing about a hidden profile
 * leaks into the title or description, and only a public profile may be indexed.
 */
export function profileMetadata(view: PublicProfileView): Metadata {
  switch (view.kind) {
    case 'not-found':
      return { title: 'Not found', robots: NOINDEX };
    case 'sign-in-required':
      return { title: 'Sign in to see this profile', robots: NOINDEX };
    case 'limited':
      return { title: view.profile.displayName, robots: NOINDEX };
    case 'full': {
      const { displayName, title, overview } = view.profile;
      return {
        title: title ? `${displayName}, ${title}` : displayName,
        description: overview ? overview.slice(0, 155) : undefined,
        robots: view.indexable ? { index: true, follow: true } : NOINDEX,
      };
    }
  }
}
