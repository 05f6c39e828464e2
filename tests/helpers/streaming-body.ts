/** A body generated as it is read, so a test can offer 300 MB and see how much was taken. */
export function streamingRequest(url: string, totalBytes: number, headers: Record<string, string>) {
  const chunkBytes = 64 * 1024;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
  const request = new Request(url, {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
  return { request, bytesRead: () => sent };
}
