import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every way in from the outside, found from the code: each exported function of a file
 * that starts with 'use server' (a server action) and each HTTP method exported by a
 * route.ts (a route handler). Keys read "<file>#<export>", e.g.
 * "app/(app)/settings/payout/actions.ts#removePayoutMethodAction".
 */
export type EndpointFn = (...args: unknown[]) => Promise<unknown>;
export type Endpoint = { key: string; kind: 'action' | 'route'; fn: EndpointFn };

const SEARCHED = ['app', 'lib', 'components'];
const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;
const TEST = /\.(test|spec)\.[jt]sx?$/;
const ROUTE_FILE = /^route\.(ts|tsx|js|mjs)$/;
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** The directive as the first statement, after any comments. */
const FILE_DIRECTIVE = /^\s*(?:(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*['"]use server['"]/;
const ANY_DIRECTIVE = /['"]use server['"]/;

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full);
    return SOURCE.test(entry.name) && !TEST.test(entry.name) ? [full] : [];
  });
}

export type Discovery = {
  endpoints: Endpoint[];
  /** Files the matrix cannot reach: inline 'use server' functions have no stable export. */
  problems: string[];
};

/** Call after the request mocks are registered: this imports every action and route module. */
export async function discoverEndpoints(root = process.cwd()): Promise<Discovery> {
  const endpoints: Endpoint[] = [];
  const problems: string[] = [];
  const files = SEARCHED.flatMap((dir) => walk(path.join(root, dir))).sort();
  for (const file of files) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    const source = readFileSync(file, 'utf8');
    const isActionFile = FILE_DIRECTIVE.test(source);
    const isRouteFile = ROUTE_FILE.test(path.basename(file)) && relative.startsWith('app/');
    if (!isActionFile && ANY_DIRECTIVE.test(source)) {
      problems.push(
        `${relative} declares a server action inline; move it to an actions.ts so the matrix can call it`,
      );
    }
    if (!isActionFile && !isRouteFile) continue;
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value !== 'function') continue;
      if (isActionFile)
        endpoints.push({ key: `${relative}#${name}`, kind: 'action', fn: value as EndpointFn });
      else if (HTTP_METHODS.includes(name))
        endpoints.push({ key: `${relative}#${name}`, kind: 'route', fn: value as EndpointFn });
    }
  }
  return { endpoints, problems };
}
