import { toSafeFileName } from './sniff';

/** Never cached by a browser or a proxy, and never rendered as anything but what it is. */
export const PRIVATE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** The Content-Disposition of a download: the stored name made safe once more, ASCII only. */
export function attachmentDisposition(fileName: string): string {
  const safe = toSafeFileName(fileName).replace(/"/g, '');
  return `attachment; filename="${safe}"`;
}

/** The one answer for an unknown id, someone else's file and a signed-out visitor. */
export function privateFileNotFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...PRIVATE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/** A stored private file (compliance document, milestone or proposal file) as a download. */
export function privateFileDownload(file: {
  data: Uint8Array;
  mimeType: string;
  fileName: string;
}): Response {
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      'content-type': file.mimeType,
      'content-length': String(file.data.length),
      'content-disposition': attachmentDisposition(file.fileName),
    },
  });
}
