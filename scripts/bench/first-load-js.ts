import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fetchRenderedPage } from './fetch-page';
import type { PageVisit } from './pages';
import type { Seeded } from './seed';

export type ScriptSize = { path: string; rawBytes: number; gzipBytes: number };
export type FirstLoadJs = {
  name: string;
  scripts: ScriptSize[];
  rawBytes: number;
  gzipBytes: number;
};

const STATIC_PREFIX = '/_next/static/';
const STATIC_DIR = path.resolve('.next/static');

const attribute = (attrs: string, name: string) =>
  attrs.match(new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i'))?.[1]?.replaceAll('&amp;', '&');

/**
 * Every script file the page makes a modern browser load: <script src> (except `nomodule`
 * ones, which modern browsers skip) and <link rel="modulepreload"> or
 * <link rel="preload" as="script">. Inline scripts (the RSC payload) are part of the HTML.
 */
export function scriptPaths(html: string, baseUrl: string): string[] {
  const found: string[] = [];
  for (const [, attrs] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = attribute(attrs, 'src');
    if (src && !/\bnomodule\b/i.test(attrs)) found.push(src);
  }
  for (const [, attrs] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const rel = attribute(attrs, 'rel')?.toLowerCase() ?? '';
    const as = attribute(attrs, 'as')?.toLowerCase();
    const href = attribute(attrs, 'href');
    if (
      href &&
      (rel.split(/\s+/).includes('modulepreload') ||
        (rel.split(/\s+/).includes('preload') && as === 'script'))
    )
      found.push(href);
  }
  const paths = found.map((src) => {
    const url = new URL(src, baseUrl);
    if (url.origin !== new URL(baseUrl).origin || !url.pathname.startsWith(STATIC_PREFIX)) {
      throw new Error(`a script outside ${STATIC_PREFIX}: ${src}`);
    }
    return decodeURIComponent(url.pathname);
  });
  return [...new Set(paths)];
}

/** From the build on disk; a file not there (never expected) is fetched from the server. */
async function readScript(baseUrl: string, urlPath: string): Promise<Buffer> {
  const file = path.resolve(STATIC_DIR, urlPath.slice(STATIC_PREFIX.length));
  if (!file.startsWith(STATIC_DIR + path.sep)) throw new Error(`bad script path ${urlPath}`);
  try {
    return await readFile(file);
  } catch {
    const res = await fetch(`${baseUrl}${urlPath}`);
    if (!res.ok)
      throw new Error(`${urlPath}: not in .next/static and HTTP ${res.status} from the server`);
    return Buffer.from(await res.arrayBuffer());
  }
}

/** Sums each script file's raw size and its own gzip (node:zlib, level 9). */
export async function measureFirstLoadJs(
  baseUrl: string,
  pages: PageVisit[],
  seeded: Seeded,
): Promise<FirstLoadJs[]> {
  const results: FirstLoadJs[] = [];
  for (const page of pages) {
    const html = await fetchRenderedPage(baseUrl, page, seeded);
    const scripts = scriptPaths(html, baseUrl);
    if (scripts.length === 0)
      throw new Error(`${page.name}: no scripts found in the HTML; the parser needs a look`);
    const sizes: ScriptSize[] = [];
    for (const script of scripts) {
      const body = await readScript(baseUrl, script);
      sizes.push({
        path: script,
        rawBytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
      });
    }
    const sum = (key: 'rawBytes' | 'gzipBytes') => sizes.reduce((total, s) => total + s[key], 0);
    results.push({
      name: page.name,
      scripts: sizes,
      rawBytes: sum('rawBytes'),
      gzipBytes: sum('gzipBytes'),
    });
  }
  return results;
}
