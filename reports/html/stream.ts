// The evidence report as a stream: a large estate's document outgrows one string (about 170 MB at
// 100,000 resources; V8 stops near 512 MB), so it is described as nested parts that are rendered
// only when written and gathered into chunks of about CHUNK_CHARS. Values are escaped by the same
// function as the html`` template's, so streaming changes when markup is made, never what it is.

import { CHUNK_CHARS } from "../line-chunks.js";
import { renderValue, trusted, type HtmlValue } from "./template.js";

/** A value, markup rendered on demand, or a list of either. */
export type HtmlPart = HtmlValue | HtmlStream | readonly HtmlPart[];

/** Markup whose parts are produced when it is written, not when it is built. */
export class HtmlStream {
  constructor(readonly parts: () => Iterable<HtmlPart>) {}
}

/** The html`` template with its values kept as parts: the same markup, rendered as it is written. */
export function htmlStream(strings: TemplateStringsArray, ...values: readonly HtmlPart[]): HtmlStream {
  const parts: HtmlPart[] = [trusted(strings[0] ?? "")];
  values.forEach((value, i) => parts.push(value, trusted(strings[i + 1] ?? "")));
  return new HtmlStream(() => parts);
}

/** One part per item, made as it is written: a list of 100,000 rows is never held as markup. */
export function each<T>(items: Iterable<T>, render: (item: T, index: number) => HtmlPart): HtmlStream {
  return new HtmlStream(function* () {
    let index = 0;
    for (const item of items) yield render(item, index++);
  });
}

/** The markup in consecutive chunks of at least `size` characters (the last may be shorter); joined, they are the document. */
export function* htmlChunks(markup: HtmlPart, size = CHUNK_CHARS): Generator<string> {
  let pending: string[] = [];
  let chars = 0;
  // A stack of iterators rather than recursive generators: parts nest several levels deep, and
  // every level of yield* would hand each small piece up once more.
  const stack: Iterator<HtmlPart>[] = [[markup][Symbol.iterator]()];
  while (stack.length > 0) {
    const next = stack[stack.length - 1]!.next();
    if (next.done) {
      stack.pop();
      continue;
    }
    const part = next.value;
    if (part instanceof HtmlStream) stack.push(part.parts()[Symbol.iterator]());
    else if (Array.isArray(part)) stack.push((part as readonly HtmlPart[])[Symbol.iterator]());
    else {
      const text = renderValue(part as HtmlValue);
      if (text.length === 0) continue;
      pending.push(text);
      chars += text.length;
      // Joined once per chunk: a join copies each piece once, where appending builds a rope.
      if (chars >= size) {
        yield pending.join("");
        pending = [];
        chars = 0;
      }
    }
  }
  if (pending.length > 0) yield pending.join("");
}

/** The whole markup as one string, for small documents and tests: the chunks joined. */
export function htmlText(markup: HtmlPart): string {
  return [...htmlChunks(markup)].join("");
}

/** Texts per part of joined(): few enough parts, none of them large. */
const JOIN_BATCH = 256;

/**
 * texts.join(separator) escaped, as parts of JOIN_BATCH texts each. Escaping works character by
 * character (surrogate pairs aside, and a part starts at a separator, which splits none), so the
 * parts escape to the same markup as the whole join.
 */
export function joined(texts: readonly string[], separator: string): HtmlStream {
  return new HtmlStream(function* () {
    for (let start = 0; start < texts.length; start += JOIN_BATCH)
      yield `${start > 0 ? separator : ""}${texts.slice(start, start + JOIN_BATCH).join(separator)}`;
  });
}
