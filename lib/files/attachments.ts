// Files sent with work or a proposal: PDF, PNG, JPEG or ZIP, judged by content.
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachment-limits';
import { checkUpload, toSafeFileName, type FileType } from './sniff';

export const ATTACHMENT_TYPES: readonly FileType[] = ['pdf', 'png', 'jpeg', 'zip'];

export type AttachmentUpload = { fileName: string; bytes: Uint8Array };
export type CheckedAttachment = {
  safeName: string;
  mime: 'application/pdf' | 'image/png' | 'image/jpeg' | 'application/zip';
  bytes: Uint8Array;
};

/**
 * Every problem with the files at once, each naming its file by its safe name. Judged by
 * content (file-type), never by the name: an .exe renamed work.pdf is refused.
 */
export async function checkAttachments(
  uploads: readonly AttachmentUpload[],
): Promise<{ ok: true; files: CheckedAttachment[] } | { ok: false; errors: string[] }> {
  if (uploads.length > MAX_ATTACHMENTS) {
    return {
      ok: false,
      errors: [
        `Attach at most ${MAX_ATTACHMENTS} files; you chose ${uploads.length}. Put the rest in a ZIP or share a link.`,
      ],
    };
  }
  const errors: string[] = [];
  const files: CheckedAttachment[] = [];
  for (const upload of uploads) {
    const result = await checkUpload({
      bytes: upload.bytes,
      fileName: upload.fileName,
      allowed: ATTACHMENT_TYPES,
      maxBytes: MAX_ATTACHMENT_BYTES,
    });
    if (!result.ok) {
      errors.push(`${toSafeFileName(upload.fileName)}: ${result.message}`);
      continue;
    }
    files.push({
      safeName: result.safeName,
      mime: result.mime as CheckedAttachment['mime'],
      bytes: upload.bytes,
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, files };
}

/**
 * What a refused set of files is called in a page's query (keys, never sentences): 'too-many',
 * or the safe names of the files refused.
 */
export async function refusedAttachments(uploads: readonly AttachmentUpload[]): Promise<string[]> {
  if (uploads.length > MAX_ATTACHMENTS) return ['too-many'];
  const checks = await Promise.all(uploads.map((u) => checkAttachments([u])));
  return uploads.filter((_, i) => !checks[i].ok).map((u) => toSafeFileName(u.fileName));
}
