import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The address of the connection, as this process's HTTP server saw it. Route handlers and
 * actions never see the socket, and Next.js fills X-Forwarded-For from it only when the
 * request has none (next/dist/server/base-server.js: `??=`), so a client sending its own
 * header would choose its address. Set on every request, overwriting whatever the client
 * sent under this name.
 */
export const PEER_ADDRESS_HEADER = 'x-workbridge-peer-address';

type RequestStart = { request: IncomingMessage; socket: Socket };

export function recordPeerAddress({ request, socket }: RequestStart): void {
  request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? 'unknown';
}

let installed = false;

/**
 * 'http.server.request.start' is Node's public diagnostics channel, published synchronously
 * before the server's 'request' event: Next's server (same process) sees the header already.
 */
export function installPeerAddressHook(): void {
  if (installed) return;
  installed = true;
  subscribe('http.server.request.start', (message) => recordPeerAddress(message as RequestStart));
}
