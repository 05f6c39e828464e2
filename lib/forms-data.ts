const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_INDEX = 1000;

type Node = Record<string, unknown> | unknown[];

/**
 * Turns FormData with dotted names ("offer.milestones.0.amount") into nested objects and
 * arrays, the shape react-hook-form submits, so one zod schema parses both.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (name.startsWith('$ACTION') || typeof value !== 'string') continue;
    const path = name.split('.');
    if (path.some((part) => FORBIDDEN.has(part) || part === '')) continue;
    let node: Node = root;
    for (let i = 0; i < path.length; i++) {
      const part = path[i];
      if (Array.isArray(node) && !(/^\d+$/.test(part) && Number(part) <= MAX_INDEX)) break;
      const container = node as Record<string, unknown>;
      if (i === path.length - 1) {
        container[part] = value;
        break;
      }
      const next = container[part];
      if (next === null || typeof next !== 'object') {
        container[part] = /^\d+$/.test(path[i + 1]) ? [] : {};
      }
      node = container[part] as Node;
    }
  }
  return root;
}
