// Starts the production build for the browser journeys on a fresh embedded database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { nextStartArgs, SERVER_ENV } from './next-start.mjs';

if (!existsSync('.next/BUILD_ID')) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
rmSync('.data/e2e', { recursive: true, force: true });
const server = spawn(process.execPath, nextStartArgs(process.env.PORT ?? '3100'), {
  stdio: 'inherit',
  env: { ...process.env, ...SERVER_ENV, NODE_ENV: 'production' },
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
