import { getDatabase } from '@/db';
import { loadViewer } from '@/lib/auth/session';
import { fileStorage } from '@/lib/files/storage';
import { findVisiblePhotoId } from '@/lib/profile/public';

type Params = { params: Promise<{ slug: string }> };

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'X-Content-Type-Options': 'nosniff' } });

/**
 * A profile photo, under the profile's visibility: whoever may not see the profile gets the
 * same 404 as for a profile that does not exist. The type comes from the stored (sniffed)
 * content, and nosniff stops a browser from guessing another one.
 */
export async function GET(_request: Request, { params }: Params) {
  const { slug } = await params;
  const viewer = await loadViewer();
  const { db } = await getDatabase();
  const fileId = await findVisiblePhotoId(db, slug, viewer?.user.id ?? null);
  const file = fileId ? await fileStorage.get(db, fileId) : undefined;
  if (!file || file.purpose !== 'profile-photo') return notFound();
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.sizeBytes),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `inline; filename="${file.fileName}"`,
      // Visibility can change at any time, so nothing may keep a copy for others.
      'Cache-Control': 'private, no-cache',
      ETag: `"${file.sha256}"`,
      'X-Robots-Tag': 'noindex',
    },
  });
}
