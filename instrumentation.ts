export async function register() {
  // Only the Node.js server boots the database and the job worker.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before any request: the client address must come from the connection (lib/server/request).
  const { installPeerAddressHook } = await import('@/lib/server/peer-address');
  installPeerAddressHook();
  const { boot } = await import('@/lib/server/boot');
  await boot();
}
