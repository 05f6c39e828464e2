import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInBehaviour = 'ok' | 'error-500' | 'error-429' | 'hang' | 'slow';

/**
 * How long a 'slow' answer takes (then it is an 'ok'): long enough for a busy machine to
 * deliver a signal and stop listening meanwhile, and within the 10 s that stopJobs gives a
 * running job.
 */
export const SLOW_ANSWER_MS = 5_000;

export type ReceivedEmail = {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: { from: string; to: string | string[]; subject: string; html?: string; text?: string };
};

/**
 * A local stand-in for Resend's API (POST /emails). It answers with the behaviours queued
 * by the test for the recipient, else with the shared queue's, then 'ok'; it records every
 * request, and counts each idempotency key once, as Resend does.
 */
export async function startResendStandIn() {
  const requests: ReceivedEmail[] = [];
  const delivered = new Map<string, string>();
  const queue: StandInBehaviour[] = [];
  const byRecipient = new Map<string, StandInBehaviour[]>();
  let counter = 0;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => resolve(data));
    });

  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/emails') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(await readBody(req));
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    requests.push({ idempotencyKey, authorization: req.headers.authorization, body });
    const recipient = Array.isArray(body.to) ? body.to[0] : body.to;
    const behaviour = byRecipient.get(recipient)?.shift() ?? queue.shift() ?? 'ok';
    if (behaviour === 'hang') return; // never answers
    if (behaviour === 'slow') await new Promise((r) => setTimeout(r, SLOW_ANSWER_MS));
    if (behaviour === 'error-500') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          name: 'internal_server_error',
          message: 'Resend is down',
          statusCode: 500,
        }),
      );
      return;
    }
    if (behaviour === 'error-429') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(
        JSON.stringify({
          name: 'rate_limit_exceeded',
          message: 'Too many requests',
          statusCode: 429,
        }),
      );
      return;
    }
    const key = idempotencyKey ?? `no-key-${counter++}`;
    if (!delivered.has(key)) delivered.set(key, `re_${counter++}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: delivered.get(key) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** Distinct messages delivered, by idempotency key. */
    delivered,
    queue(...behaviours: StandInBehaviour[]) {
      queue.push(...behaviours);
    },
    /** Behaviours for the requests to one address, ahead of the shared queue. */
    queueFor(recipient: string, ...behaviours: StandInBehaviour[]) {
      byRecipient.set(recipient, [...(byRecipient.get(recipient) ?? []), ...behaviours]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
