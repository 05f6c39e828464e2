import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = [
  'app',
  'lib',
  'db',
  'components',
  'emails',
  'next.config.ts',
  'instrumentation.ts',
];

function newestFile(entry: string): { file: string; mtimeMs: number } | undefined {
  if (!existsSync(entry)) return undefined;
  const stat = statSync(entry);
  if (!stat.isDirectory())
    return /\.test\.tsx?$/.test(entry) ? undefined : { file: entry, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const name of readdirSync(entry)) {
    const found = newestFile(path.join(entry, name));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/**
 * Builds when there is no build. An existing build is never rebuilt here (another process may
 * be serving it); when sources changed after it, the report says so, since it measures the build.
 */
export function ensureBuild(): string {
  if (!existsSync('.next/BUILD_ID')) {
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const builtAt = statSync('.next/BUILD_ID').mtimeMs;
  const newest = SOURCES.map(newestFile).reduce(
    (a, b) => (b && (!a || b.mtimeMs > a.mtimeMs) ? b : a),
    undefined,
  );
  const build = `build of ${new Date(builtAt).toISOString()}`;
  if (!newest || newest.mtimeMs <= builtAt) return build;
  const warning = `${build}, OLDER than ${newest.file} (changed ${new Date(newest.mtimeMs).toISOString()}): run \`npx next build\` to measure the current code`;
  console.warn(`Warning: measuring the ${warning}.`);
  return warning;
}
