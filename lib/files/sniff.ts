import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

/**
 * Uploads are judged by their first bytes, never by the name or the browser's claimed
 * type: an .exe renamed photo.png, or an SVG (which can carry script), is refused.
 */
export type FileType = 'png' | 'jpeg' | 'pdf' | 'zip';

export const FILE_TYPES: Record<
  FileType,
  { mime: string; label: string; extensions: readonly string[] }
> = {
  png: { mime: 'image/png', label: 'PNG', extensions: ['.png'] },
  jpeg: { mime: 'image/jpeg', label: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  pdf: { mime: 'application/pdf', label: 'PDF', extensions: ['.pdf'] },
  zip: { mime: 'application/zip', label: 'ZIP', extensions: ['.zip'] },
};

/**
 * file-type's names for what we accept. An animated PNG is still a PNG, and a PDF saved by
 * Illustrator (which file-type calls "ai") is still a PDF that every reader opens.
 */
const ACCEPTED: Readonly<Record<string, FileType>> = {
  png: 'png',
  apng: 'png',
  jpg: 'jpeg',
  pdf: 'pdf',
  ai: 'pdf',
  // Only a plain ZIP: file-type names Office documents, JARs and APKs by what they are.
  zip: 'zip',
};

/**
 * How much of a file is read for its type. Every type we accept says what it is in its
 * first bytes; given a whole file, file-type walks a PNG's chunks to its end, and a 5 MB PNG
 * header followed by zeros (400,000 empty chunks) took 10 s of CPU: a 25 MB upload so made
 * would hold a worker for a minute.
 */
const SNIFF_BYTES = 64 * 1024;

/** The type file-type reads from the head of the content, if it is one we accept. */
export async function detectFileType(bytes: Uint8Array): Promise<FileType | null> {
  const detected = await fileTypeFromBuffer(bytes.subarray(0, SNIFF_BYTES));
  return (detected && ACCEPTED[detected.ext]) ?? null;
}

const MAX_NAME_LENGTH = 100;

/**
 * A name that is safe in a path and a Content-Disposition header: the last path part only,
 * accents folded, then only letters, digits, dot, underscore, space and dash. Leading dots
 * go, so neither ".." nor a hidden file can come out. When a type is given, the name ends
 * with one of its extensions, so the name never contradicts the content.
 */
export function toSafeFileName(fileName: string, type?: FileType): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._ -]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  let extension = '';
  if (type) {
    const { extensions } = FILE_TYPES[type];
    const current = path.extname(name);
    if (extensions.includes(current.toLowerCase())) {
      extension = current;
      name = name.slice(0, -current.length);
    } else {
      extension = extensions[0];
    }
  }
  const stem = name.slice(0, MAX_NAME_LENGTH - extension.length).trim() || 'file';
  return stem + extension;
}

const MEGABYTE = 1024 * 1024;

/** Rounded up, so a file just over the limit never reads as the limit itself. */
function formatMegabytes(bytes: number): string {
  return `${Math.ceil((bytes / MEGABYTE) * 10) / 10} MB`;
}

function listTypes(types: readonly FileType[]): string {
  const labels = types.map((t) => FILE_TYPES[t].label);
  return labels.length <= 1
    ? labels.join('')
    : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

export type UploadCheck =
  { ok: true; type: FileType; mime: string; safeName: string } | { ok: false; message: string };

export async function checkUpload({
  bytes,
  fileName,
  allowed,
  maxBytes,
}: {
  bytes: Uint8Array;
  fileName: string;
  allowed: readonly FileType[];
  maxBytes: number;
}): Promise<UploadCheck> {
  if (bytes.length === 0) {
    return { ok: false, message: 'This file is empty; choose the file again.' };
  }
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      message: `This file is ${formatMegabytes(bytes.length)}; the limit is ${formatMegabytes(maxBytes)}. Choose a smaller file.`,
    };
  }
  const type = await detectFileType(bytes);
  if (!type || !allowed.includes(type)) {
    return {
      ok: false,
      message: `This file isn't a ${listTypes(allowed)} file. We check what the file contains, not its name; save or export it as ${listTypes(allowed)} and try again.`,
    };
  }
  return { ok: true, type, mime: FILE_TYPES[type].mime, safeName: toSafeFileName(fileName, type) };
}
