import http from 'node:http';

export type LoadResult = {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
};

export type LoadOptions = {
  url: string;
  connections?: number;
  durationMs?: number;
  warmupMs?: number;
  headers?: Record<string, string>;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function requestOnce(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
  });
}

/** A closed-loop load: `connections` clients each send the next request when one ends. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const connections = options.connections ?? 20;
  const durationMs = options.durationMs ?? 5_000;
  const warmupMs = options.warmupMs ?? 1_000;
  const url = new URL(options.url);
  const headers = options.headers ?? {};
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  // Latencies of 2xx answers only: a redirect or an error page is not the page measured.
  const latencies: number[] = [];
  let errors = 0;
  const runPhase = async (ms: number, record: boolean) => {
    const end = Date.now() + ms;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < end) {
          const start = performance.now();
          try {
            const status = await requestOnce(agent, url, headers);
            if (record) {
              if (status >= 200 && status < 300) latencies.push(performance.now() - start);
              else errors++;
            }
          } catch {
            if (record) errors++;
          }
        }
      }),
    );
  };
  await runPhase(warmupMs, false);
  const started = performance.now();
  await runPhase(durationMs, true);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
