export type FormBody =
  { ok: true; form: FormData } | { ok: false; problem: 'too-large' | 'unreadable' };

/**
 * Reads a multipart or urlencoded body, but never more than `maxBytes` of it: a declared
 * Content-Length over the limit is refused before reading, and a body sent without one
 * (chunked) is counted as it arrives and dropped at the limit, so nobody can make the
 * server hold an arbitrarily large upload in memory.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<FormBody> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes)
    return { ok: false, problem: 'too-large' };
  if (!request.body) return { ok: false, problem: 'unreadable' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return { ok: false, problem: 'too-large' };
    }
    chunks.push(value);
  }
  const contentType = request.headers.get('content-type') ?? '';
  try {
    const form = await new Response(Buffer.concat(chunks), {
      headers: { 'content-type': contentType },
    }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}
