import { readFormBody } from './form-body';

const LIMIT = 64 * 1024;

/** A request whose body arrives in chunks with no Content-Length, as a chunked upload does. */
function chunkedRequest(totalBytes: number, chunkBytes = 8 * 1024) {
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  const request = new Request('http://localhost/upload', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    duplex: 'half',
  } as RequestInit);
  return { request, pulledChunks: () => pulled };
}

describe('readFormBody', () => {
  it('reads a form within the limit', async () => {
    const form = new FormData();
    form.set('photo', new File([new Uint8Array(1000)], 'me.png', { type: 'image/png' }));
    form.set('note', 'hello');
    const result = await readFormBody(
      new Request('http://localhost/upload', { method: 'POST', body: form }),
      LIMIT,
    );
    if (!result.ok) throw new Error(result.problem);
    expect(result.form.get('note')).toBe('hello');
    expect((result.form.get('photo') as File).size).toBe(1000);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { request, pulledChunks } = chunkedRequest(LIMIT * 4);
    const declared = new Request(request, {
      headers: { 'content-length': String(LIMIT * 4) },
      duplex: 'half',
    } as RequestInit);
    expect(await readFormBody(declared, LIMIT)).toEqual({ ok: false, problem: 'too-large' });
    expect(pulledChunks()).toBeLessThanOrEqual(1);
  });

  it('stops reading a chunked body at the limit instead of holding it all', async () => {
    const { request, pulledChunks } = chunkedRequest(LIMIT * 100);
    expect(await readFormBody(request, LIMIT)).toEqual({ ok: false, problem: 'too-large' });
    // 8 KB chunks: a little past the 64 KB limit, not the 6.4 MB sent.
    expect(pulledChunks()).toBeLessThan(12);
  });

  it('says a body that is not a form is unreadable', async () => {
    const request = new Request('http://localhost/upload', {
      method: 'POST',
      body: 'not multipart',
      headers: { 'content-type': 'multipart/form-data; boundary=nothing-here' },
    });
    expect(await readFormBody(request, LIMIT)).toEqual({ ok: false, problem: 'unreadable' });
  });
});
