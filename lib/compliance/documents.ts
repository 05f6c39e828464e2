import { checkUpload, toSafeFileName, type FileType } from '@/lib/files/sniff';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS } from './limits';

export { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS };
export const DOCUMENT_TYPES: readonly FileType[] = ['pdf', 'png', 'jpeg'];

export type DocumentUpload = { fileName: string; bytes: Uint8Array };

export type CheckedDocument = {
  safeName: string;
  mime: 'application/pdf' | 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
};

export type DocumentsCheck =
  { ok: true; documents: CheckedDocument[] } | { ok: false; errors: string[] };

/**
 * Every problem with the uploaded documents at once, each naming its file (by its safe
 * name: a control character in a name is never echoed back). Documents are only taken
 * when the check needs them; otherwise they are dropped unread.
 */
export async function checkDocuments(
  uploads: readonly DocumentUpload[],
  { required }: { required: boolean },
): Promise<DocumentsCheck> {
  if (!required) return { ok: true, documents: [] };
  if (uploads.length === 0) {
    return {
      ok: false,
      errors: [
        'Upload at least one business document, such as your business registration or a recent invoice.',
      ],
    };
  }
  if (uploads.length > MAX_DOCUMENTS) {
    return {
      ok: false,
      errors: [
        `You can upload at most ${MAX_DOCUMENTS} documents; you chose ${uploads.length}. Choose the most relevant ones.`,
      ],
    };
  }
  const errors: string[] = [];
  const documents: CheckedDocument[] = [];
  for (const upload of uploads) {
    const result = await checkUpload({
      bytes: upload.bytes,
      fileName: upload.fileName,
      allowed: DOCUMENT_TYPES,
      maxBytes: MAX_DOCUMENT_BYTES,
    });
    if (!result.ok) {
      errors.push(`${toSafeFileName(upload.fileName)}: ${result.message}`);
      continue;
    }
    documents.push({
      safeName: result.safeName,
      mime: result.mime as CheckedDocument['mime'],
      bytes: upload.bytes,
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, documents };
}

/**
 * The uploads in a submitted form. A file input left empty still posts one nameless,
 * empty part; that is "no file", not an empty file. (Posted by React with JavaScript on,
 * that empty part arrives without a usable name: "undefined" or "blob".)
 */
export async function uploadsFromForm(
  formData: FormData,
  field = 'documents',
): Promise<DocumentUpload[]> {
  const files = formData.getAll(field).filter((v): v is File => typeof v !== 'string');
  const chosen = files.filter((f) => !isEmptyInputPart(f));
  return Promise.all(
    chosen.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

function isEmptyInputPart(file: File): boolean {
  return file.size === 0 && ['', 'blob', 'undefined'].includes(String(file.name ?? ''));
}
