import type { ChildProcess } from 'node:child_process';

/**
 * Stops a child started with `detached: true` (so it leads its own process group) and
 * everything it started: SIGTERM to the group, SIGKILL if it is still there after `graceMs`.
 * `npx` and `next start` do not pass signals on, so stopping only the child leaves servers behind.
 */
export function stopProcessGroup(child: ChildProcess, graceMs = 15_000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, graceMs).unref();
  });
}
