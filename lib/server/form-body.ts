import { WEBHOOK_BODY_LIMIT_BYTES } from './body-limits';

export type FormBody =
  { ok: true; form: FormData } | { ok: false; problem: 'too-large' | 'unreadable' };

export type CappedBody =
  { ok: true; bytes: Buffer } | { ok: false; problem: 'too-large' | 'unreadable' };

/**
 * Reads a request body, but never more than `maxBytes` of it: a declared Content-Length over
 * the limit is refused before reading, and a body sent without one (chunked) is counted as
 * it arrives and dropped at the limit, so nobody can make the server hold an arbitrarily
 * large body in memory.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<CappedBody> {
  if (declaresMoreThan(request, maxBytes)) return { ok: false, problem: 'too-large' };
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
  return { ok: true, bytes: Buffer.concat(chunks) };
}

export type WebhookBody = { ok: true; raw: string } | { ok: false; response: Response };

/** A provider's event body as text, read with the webhook cap; a refusal comes as its response. */
export async function readWebhookBody(request: Request): Promise<WebhookBody> {
  const received = await readCappedBody(request, WEBHOOK_BODY_LIMIT_BYTES);
  if (received.ok) return { ok: true, raw: received.bytes.toString('utf8') };
  return {
    ok: false,
    response:
      received.problem === 'too-large'
        ? Response.json({ error: 'body too large' }, { status: 413 })
        : Response.json({ error: 'no body' }, { status: 400 }),
  };
}

/** A multipart or urlencoded body, read with readCappedBody's limit. */
export async function readFormBody(request: Request, maxBytes: number): Promise<FormBody> {
  // Checked here too, before the first await: not one chunk more is pulled from the client.
  if (declaresMoreThan(request, maxBytes)) return { ok: false, problem: 'too-large' };
  const body = await readCappedBody(request, maxBytes);
  if (!body.ok) return body;
  const contentType = request.headers.get('content-type') ?? '';
  try {
    const form = await new Response(new Uint8Array(body.bytes), {
      headers: { 'content-type': contentType },
    }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

function declaresMoreThan(request: Request, maxBytes: number): boolean {
  return Number(request.headers.get('content-length') ?? 0) > maxBytes;
}
