// One linear pass over JSON text for what JSON.parse silently accepts: duplicate keys in an object
// (last one wins; Terraform rejects them) and nesting past a depth limit (later readers recurse).
// It runs on text JSON.parse has accepted or is about to parse, so it does not validate syntax:
// on malformed text it stops quietly and JSON.parse reports the error.

import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  closingQuote,
  COLON,
  isJsonSpace,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from "./json-text.js";

/** Deepest nesting of objects and arrays any input may have; real plans and stacks stay under 40. */
export const MAX_NESTING_DEPTH = 256;

export type JsonScanProblem =
  | { readonly kind: "duplicate-key"; readonly key: string; readonly offset: number }
  | { readonly kind: "too-deep"; readonly limit: number; readonly offset: number };

/** Keys an object may hold before they move from the linear list into a Set. */
const LINEAR_KEYS = 24;

/**
 * The first duplicate key or nesting past `maxDepth`, by offset into `text`. The keys of the open
 * objects are kept as offsets on one stack and compared in place, so the pass allocates nothing
 * for small objects; an object with many keys (or an escaped one) moves its keys into a Set.
 */
export function scanJson(text: string, maxDepth = MAX_NESTING_DEPTH): JsonScanProblem | undefined {
  const starts: number[] = [];
  const ends: number[] = [];
  let top = 0;
  const base: number[] = [0];
  const sets: (Set<string> | undefined)[] = [undefined];
  const inObject: boolean[] = [false];
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i + 1);
      if (end < 0) return undefined;
      if (inObject[depth]) {
        let next = end + 1;
        while (next < n && isJsonSpace(text.charCodeAt(next))) next++;
        if (text.charCodeAt(next) === COLON) {
          const start = i + 1;
          let set = sets[depth];
          if (!set && (top - base[depth]! >= LINEAR_KEYS || hasBackslash(text, start, end))) {
            set = new Set();
            for (let k = base[depth]!; k < top; k++) set.add(keyText(text, starts[k]!, ends[k]!));
            sets[depth] = set;
          }
          if (set) {
            const before = set.size;
            const key = keyText(text, start, end);
            if (set.add(key).size === before) return { kind: "duplicate-key", key, offset: i };
          } else {
            for (let k = base[depth]!; k < top; k++) {
              if (sameText(text, starts[k]!, ends[k]!, start, end))
                return { kind: "duplicate-key", key: text.slice(start, end), offset: i };
            }
            starts[top] = start;
            ends[top] = end;
            top++;
          }
          i = next;
          continue;
        }
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth > maxDepth) return { kind: "too-deep", limit: maxDepth, offset: i };
      inObject[depth] = c === OPEN_OBJECT;
      base[depth] = top;
      sets[depth] = undefined;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 0) return undefined;
      top = base[depth]!;
      sets[depth] = undefined;
      depth--;
    }
  }
  return undefined;
}

/**
 * scanJson's answer for text already parsed into `value`, found without comparing keys when there is
 * no problem (the usual case): JSON.parse keeps one property per distinct key, so the text holds a
 * duplicate exactly when it has more keys than the parsed value. Only text with a duplicate or
 * nesting past the limit is scanned again by scanJson, for the first problem and its offset.
 */
export function scanParsedJson(
  text: string,
  value: unknown,
  maxDepth = MAX_NESTING_DEPTH,
): JsonScanProblem | undefined {
  const keys = countKeys(text, maxDepth);
  if (keys !== undefined && keys === propertyCount(value)) return undefined;
  return scanJson(text, maxDepth);
}

/** The keys of every object in the text, or undefined when it nests past `maxDepth` (or is malformed). */
function countKeys(text: string, maxDepth: number): number | undefined {
  const inObject: boolean[] = [false];
  let depth = 0;
  let keys = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i + 1);
      if (end < 0) return undefined;
      if (inObject[depth]) {
        let next = end + 1;
        while (next < n && isJsonSpace(text.charCodeAt(next))) next++;
        if (text.charCodeAt(next) === COLON) {
          keys++;
          i = next;
          continue;
        }
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth > maxDepth) return undefined;
      inObject[depth] = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 0) return undefined;
      depth--;
    }
  }
  return keys;
}

/** The properties of every object in a parsed value, counted without recursion. */
function propertyCount(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === "object" && item !== null) stack.push(item);
      continue;
    }
    // for-in allocates no key list; an enumerable key inherited from a polluted prototype only adds to
    // the count, which sends the text to scanJson.
    for (const key in node) {
      count++;
      const item = (node as Record<string, unknown>)[key];
      if (typeof item === "object" && item !== null) stack.push(item);
    }
  }
  return count;
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === BACKSLASH) return true;
  return false;
}

function sameText(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  const length = aEnd - aStart;
  if (length !== bEnd - bStart) return false;
  for (let k = 0; k < length; k++) if (text.charCodeAt(aStart + k) !== text.charCodeAt(bStart + k)) return false;
  return true;
}

/** The key as JSON.parse reads it: "\u0061" and "a" are the same key. */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  if (raw.indexOf("\\") < 0) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** 1-based line and column of an offset, computed only when a problem is reported. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Nesting depth of a parsed value, counted without recursion and stopping once past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
