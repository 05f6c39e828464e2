import { cache } from 'react';
import { getDatabase } from '@/db';
import { getViewer } from '@/lib/auth/session';
import { resolvePublicProfile } from '@/lib/profile/public';

/** One decision per request, shared by the page and its metadata. */
export const loadPublicProfile = cache(async (slug: string) => {
  const viewer = await getViewer();
  const { db } = await getDatabase();
  return resolvePublicProfile(db, slug, viewer?.user.id ?? null);
});
