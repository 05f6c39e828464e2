/** Types for scripts/next-start.mjs (plain JavaScript, so `npm start` needs no TypeScript loader). */
export declare const SERVER_NODE_FLAGS: string[];
export declare const SERVER_ENV: { NEXT_MANUAL_SIG_HANDLE: string };
export declare function nextStartArgs(port?: number | string, extra?: string[]): string[];
