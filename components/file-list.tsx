import { FILE_TYPES } from '@/lib/files/sniff';

export type ListedFile = {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** The download route, which decides again who may have the file. */
  href: string;
};

const typeLabel = (mime: string) =>
  Object.values(FILE_TYPES).find((t) => t.mime === mime)?.label ?? mime;

export const fileSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Private files as download links, each with its type and size. */
export function FileList({ files, label }: { files: readonly ListedFile[]; label: string }) {
  return (
    <ul aria-label={label}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.href} download>
            {f.fileName}
          </a>{' '}
          <span className="muted">
            ({typeLabel(f.mimeType)}, {fileSize(f.sizeBytes)})
          </span>
        </li>
      ))}
    </ul>
  );
}
