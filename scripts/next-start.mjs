// `npm start`: the production server, with the V8 flags it is measured with. The benchmark,
// the browser journeys and the scale-out journey start it through nextStartArgs too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A larger young generation: server rendering makes many short-lived objects, and with V8's
 * default (16 MB semi-spaces) garbage collection took 9-10% of a page's time. With 64 MB,
 * `npm run bench` measured the pages 8-14% faster and /api/health 3% faster, for about
 * 100 MB more memory per server.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/**
 * Environment of the server process. With NEXT_MANUAL_SIG_HANDLE set, Next.js installs no
 * SIGTERM/SIGINT handler (next/dist/server/lib/start-server.js). Its own handler closes the
 * HTTP server and exits at once: it raced lib/server/boot.ts's and cut running deliveries
 * short. Boot's handler is then the only one: it stops the HTTP server, lets running jobs
 * finish, closes the database and exits.
 */
export const SERVER_ENV = { NEXT_MANUAL_SIG_HANDLE: 'true' };

/** Arguments for `node` that start `next start` (on `port`, if given; else PORT or 3000). */
export function nextStartArgs(port, extra = []) {
  return [
    ...SERVER_NODE_FLAGS,
    'node_modules/next/dist/bin/next',
    'start',
    ...(port ? ['-p', String(port)] : []),
    ...extra,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = spawn(process.execPath, nextStartArgs(undefined, process.argv.slice(2)), {
    stdio: 'inherit',
    env: { ...process.env, ...SERVER_ENV },
  });
  const stop = (signal) => () => server.kill(signal);
  process.on('SIGTERM', stop('SIGTERM'));
  process.on('SIGINT', stop('SIGINT'));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
