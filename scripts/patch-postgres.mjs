/**
 * postgres.js 3.4.9 can crash the whole process when the database drops a connection
 * (porsager/postgres#1154, #1208; fixes proposed in #1168/#1209, not released): a small
 * write is deferred with setImmediate, the socket closes first, and the deferred write
 * dereferences a null socket from a timer, where no caller can catch it. A reserved
 * connection whose backend was killed hits it on its very next query. This runs after
 * `npm ci` (postinstall) and makes the deferred write settle the pending query with
 * CONNECTION_CLOSED instead; teardown also forgets the buffered bytes. Idempotent.
 * Remove once a postgres release carries the guard
 * (tests/faults/postgres-dropped-connection.test.ts proves it is installed).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARK = '/* workbridge: null-socket guard */';
const EXPECTED_VERSION = '3.4.9';

const connectionEdits = [
  [
    '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      query = null\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  // Both teardown paths cancel the deferred write: forget it too, or the connection never flushes again.
  [
    '    clearImmediate(nextWriteTimer)\n    if (socket) {',
    '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {',
  ],
  [
    '    incomings = null\n    clearImmediate(nextWriteTimer)\n',
    '    incomings = null\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n',
  ],
];
// A reserved connection that closed while reserved is back in the "closed" queue: releasing
// it must leave it there (to reconnect on demand), not hand a socketless connection to the pool.
const indexEdits = [
  [
    '      c.reserved = null\n      onopen(c)\n',
    `      c.reserved = null\n      ${MARK}\n      c.queue === closed || onopen(c)\n`,
  ],
];

const pkgFile = path.join(root, 'node_modules/postgres/package.json');
if (!existsSync(pkgFile)) process.exit(0);
const { version } = JSON.parse(readFileSync(pkgFile, 'utf8'));
if (version !== EXPECTED_VERSION) {
  console.error(
    `patch-postgres: postgres is ${version}, the patch was written for ${EXPECTED_VERSION}; check whether it is still needed.`,
  );
  process.exit(1);
}
for (const flavour of ['src', 'cjs/src', 'cf/src']) {
  for (const [name, edits] of [
    ['connection.js', connectionEdits],
    ['index.js', indexEdits],
  ]) {
    const file = path.join(root, 'node_modules/postgres', flavour, name);
    if (!existsSync(file)) continue;
    let text = readFileSync(file, 'utf8');
    if (text.includes(MARK)) continue;
    for (const [from, to] of edits) {
      if (!text.includes(from)) {
        console.error(
          `patch-postgres: ${flavour}/${name} no longer has the expected code; not patched.`,
        );
        process.exit(1);
      }
      text = text.replace(from, to);
    }
    writeFileSync(file, text);
  }
}
