import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { checkSameOrigin } from '@/lib/actions/origin';
import { PROFILE_PHOTO } from '@/lib/profile/schemas';
import { uploadProfilePhoto } from '@/lib/profile/service';
import { seeOther } from '@/lib/security/same-origin';
import { readFormBody } from '@/lib/server/form-body';

// Room for the multipart framing around a photo at the limit.
const MAX_BODY_BYTES = PROFILE_PHOTO.maxBytes + 64 * 1024;

const back = (query: string) => seeOther(`/settings/profile?${query}#photo-heading`);

/**
 * The photo form posts here rather than to a server action: server actions accept 1 MB
 * bodies, photos may be 5 MB. Works the same with or without JavaScript.
 */
export async function POST(request: Request) {
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const actor = await loadActorOf('freelancer');
  if (!actor) return seeOther('/sign-in');
  const body = await readFormBody(request, MAX_BODY_BYTES);
  if (!body.ok) return back(body.problem === 'too-large' ? 'photo=size' : 'photo=missing');
  const file = body.form.get('photo');
  if (!(file instanceof File) || (file.size === 0 && file.name === ''))
    return back('photo=missing');
  const { db } = await getDatabase();
  const result = await uploadProfilePhoto(db, actor.userId, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: file.name,
  });
  return back(result.ok ? 'notice=photo-saved' : `photo=${result.problem}`);
}
