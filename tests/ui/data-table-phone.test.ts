import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The data table keeps a date on one line (so "2026-12-02" does not break at its hyphens),
 * but on a phone the earnings timeline's dates ("December 7, 2026, 19:23 Lisbon time
 * (Europe/Lisbon) (December 7, 2026, 19:23 UTC)") then widened /earnings to 864 px at 390
 * (tests/e2e/money-out.spec.ts found it). jsdom lays nothing out, so this reads the rule the
 * phone layout needs: inside the phone media query, dates wrap at their spaces.
 */
const css = readFileSync(path.join(process.cwd(), 'components/ui/data-table.module.css'), 'utf8');

function phoneBlock(source: string): string {
  const start = source.indexOf('@media (max-width: 640px)');
  expect(start).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = source.indexOf('{', start); i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}' && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error('the phone media query is not closed');
}

describe('the data table on a phone', () => {
  it('lets a long date wrap instead of widening the page', () => {
    const rule = /\.table time\s*\{([^}]*)\}/.exec(
      phoneBlock(css).replace(/\/\*[\s\S]*?\*\//g, ''),
    );
    expect(rule?.[1]).toMatch(/white-space:\s*normal/);
  });

  it('keeps dates on one line on wider screens', () => {
    const outside = css.replace(phoneBlock(css), '');
    expect(outside).toMatch(/\.table time\s*\{\s*white-space:\s*nowrap;/);
  });
});
