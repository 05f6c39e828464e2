import { checkUpload } from '@/lib/files/sniff';
import { PROFILE_PHOTO } from './schemas';

export type PhotoProblem = 'missing' | 'empty' | 'size' | 'type' | 'name';

/** Shown beside the photo field; the upload route passes only the problem's name in the URL. */
export const PHOTO_PROBLEM_MESSAGES: Record<PhotoProblem, string> = {
  missing: 'Choose a photo to upload.',
  empty: 'This file is empty; choose the file again.',
  size: 'This photo is larger than 5 MB. Choose a smaller photo or save it at a lower size.',
  type: "This file isn't a PNG or JPEG photo. We check what the file contains, not its name; save or export it as PNG or JPEG and try again.",
  name: 'This file name is not allowed. Rename the file using letters, digits, dots and dashes, and try again.',
};

export type PhotoCheck =
  | { ok: true; mime: 'image/png' | 'image/jpeg'; safeName: string }
  | { ok: false; problem: PhotoProblem; message: string };

/**
 * Browsers send a bare file name; a name with a path in it ("../x.png") comes from a hand-made
 * request, and is refused rather than cleaned up.
 */
export async function checkProfilePhoto(bytes: Uint8Array, fileName: string): Promise<PhotoCheck> {
  const fail = (problem: PhotoProblem) => ({
    ok: false as const,
    problem,
    message: PHOTO_PROBLEM_MESSAGES[problem],
  });
  if (/[/\\\u0000-\u001f]/.test(fileName) || /^\.+$/.test(fileName.trim())) return fail('name');
  const check = await checkUpload({
    bytes,
    fileName,
    allowed: PROFILE_PHOTO.allowed,
    maxBytes: PROFILE_PHOTO.maxBytes,
  });
  if (check.ok)
    return { ok: true, mime: check.mime as 'image/png' | 'image/jpeg', safeName: check.safeName };
  if (bytes.length === 0) return fail('empty');
  if (bytes.length > PROFILE_PHOTO.maxBytes) return fail('size');
  return fail('type');
}
