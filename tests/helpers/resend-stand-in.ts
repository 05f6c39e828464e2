import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInBehaviour = 'ok' | 'error-500' | 'error-429' | 'hang' | 'slow';

/**
 * How long a 'slow' answer takes (then it is an 'ok'): long enough for a busy machine to
 * deliver a signal and stop listening meanwhile, and within the 10 s that stopJobs gives a
 * running job.
 */
export const SLOW_ANSWER_MS = 5_000;

type EmailBody = {
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  tags?: { name: string; value: string }[];
};

export type ReceivedEmail = {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: EmailBody;
};

export type ReceivedBatch = {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  validation: 'strict' | 'permissive';
  body: EmailBody[];
};

const recipientOf = (body: EmailBody) => (Array.isArray(body.to) ? body.to[0] : body.to);
const outboxIdOf = (body: EmailBody) => body.tags?.find((t) => t.name === 'outbox_id')?.value;

/**
 * A local stand-in for Resend's API: POST /emails and POST /emails/batch (up to 100
 * messages; `x-batch-validation: permissive` answers `{ data, errors }`, where `data` holds
 * the accepted messages and `errors` the index of each refused one). It answers with the
 * behaviours queued by the test for a recipient (for a batch: its first recipient that has
 * one), else with the shared queue's, then 'ok'; it records every request, and counts each
 * idempotency key once, as Resend does: a repeated key gets the first answer again.
 * `answerDelayMs` holds every answer back that long, as a round trip to Resend would.
 */
export async function startResendStandIn(options: { answerDelayMs?: number } = {}) {
  const requests: ReceivedEmail[] = [];
  const batches: ReceivedBatch[] = [];
  /** Distinct messages delivered: by idempotency key, or by outbox id for batch messages. */
  const delivered = new Map<string, string>();
  const batchAnswers = new Map<string, string>();
  const refusedAddresses = new Set<string>();
  const queue: StandInBehaviour[] = [];
  const byRecipient = new Map<string, StandInBehaviour[]>();
  let counter = 0;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => resolve(data));
    });

  const nextBehaviour = (recipients: string[]): StandInBehaviour => {
    const own = recipients.find((r) => (byRecipient.get(r)?.length ?? 0) > 0);
    return (own ? byRecipient.get(own)!.shift() : undefined) ?? queue.shift() ?? 'ok';
  };

  const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  /** Answers a failure behaviour; false when the request is to be answered normally. */
  async function answerBehaviour(res: ServerResponse, behaviour: StandInBehaviour) {
    if (behaviour === 'hang') return true; // never answers
    if (behaviour === 'slow') await new Promise((r) => setTimeout(r, SLOW_ANSWER_MS));
    if (behaviour === 'error-500') {
      json(res, 500, { name: 'internal_server_error', message: 'Resend is down', statusCode: 500 });
      return true;
    }
    if (behaviour === 'error-429') {
      json(
        res,
        429,
        { name: 'rate_limit_exceeded', message: 'Too many requests', statusCode: 429 },
        { 'retry-after': '1' },
      );
      return true;
    }
    return false;
  }

  const deliverOne = (key: string) => {
    if (!delivered.has(key)) delivered.set(key, `re_${counter++}`);
    return delivered.get(key)!;
  };

  async function handleBatch(req: IncomingMessage, res: ServerResponse, body: EmailBody[]) {
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    const validation = req.headers['x-batch-validation'] === 'permissive' ? 'permissive' : 'strict';
    batches.push({ idempotencyKey, authorization: req.headers.authorization, validation, body });
    if (!Array.isArray(body) || body.length === 0 || body.length > 100) {
      json(res, 422, {
        name: 'validation_error',
        message: 'A batch holds 1 to 100 emails',
        statusCode: 422,
      });
      return;
    }
    if (await answerBehaviour(res, nextBehaviour(body.map(recipientOf)))) return;
    const answered = idempotencyKey ? batchAnswers.get(idempotencyKey) : undefined;
    if (answered) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(answered);
      return;
    }
    const refused = body.flatMap((email, index) =>
      refusedAddresses.has(recipientOf(email))
        ? [{ index, message: `Invalid \`to\` field: ${recipientOf(email)}` }]
        : [],
    );
    if (refused.length > 0 && validation === 'strict') {
      json(res, 422, { name: 'validation_error', message: refused[0].message, statusCode: 422 });
      return;
    }
    const data = body
      .filter((_, index) => !refused.some((r) => r.index === index))
      .map((email) => ({ id: deliverOne(outboxIdOf(email) ?? `batch-${counter++}`) }));
    const answer = JSON.stringify(
      validation === 'permissive' ? { data, errors: refused } : { data },
    );
    if (idempotencyKey) batchAnswers.set(idempotencyKey, answer);
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
  }

  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || (req.url !== '/emails' && req.url !== '/emails/batch')) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(await readBody(req));
    // The bench's stand-in for the network and Resend's own work on a request.
    if (options.answerDelayMs) await new Promise((r) => setTimeout(r, options.answerDelayMs));
    if (req.url === '/emails/batch') return handleBatch(req, res, body);
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    requests.push({ idempotencyKey, authorization: req.headers.authorization, body });
    if (await answerBehaviour(res, nextBehaviour([recipientOf(body)]))) return;
    json(res, 200, { id: deliverOne(idempotencyKey ?? `no-key-${counter++}`) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    /** Requests to POST /emails. */
    requests,
    /** Requests to POST /emails/batch. */
    batches,
    delivered,
    queue(...behaviours: StandInBehaviour[]) {
      queue.push(...behaviours);
    },
    /** Behaviours for the requests to one address, ahead of the shared queue. */
    queueFor(recipient: string, ...behaviours: StandInBehaviour[]) {
      byRecipient.set(recipient, [...(byRecipient.get(recipient) ?? []), ...behaviours]);
    },
    /** An address the batch endpoint refuses (an error for its index, or the whole batch). */
    refuseAddress(address: string) {
      refusedAddresses.add(address);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
