// Names matched by whole words (RULES.md: client-privileged-attributes-readonly,
// no-cardholder-data-attributes): a name is split into words at "_", "-", "." (and any other
// character that is not a letter or digit) and where lowercase turns to uppercase; digits are words
// of their own, and a run of capitals ends before a capital followed by lowercase ("ADMINRole" is
// ADMIN, Role). A pattern is split the same way and matches a run of consecutive whole words,
// case-insensitively: "tier" matches loyalty_tier and loyaltyTier, not frontier; "tenant_id"
// matches tenantId. With wildcards (the default), a word of a pattern may hold * (any run of
// characters within one word), and * is a word character of names too; without (plain-word
// patterns), * separates words like "_" does.

import { compileGlob, type Glob } from "../../iam/wildcard.js";

export interface WordOptions {
  /** Whether * in a pattern's word matches any run of characters within one word. Default: true. */
  readonly wildcards?: boolean;
}

// A capital run before a capital-and-lowercase, a capital with its lowercase, a lowercase run, a digit run (, a * run).
const WILDCARD_WORD = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z*]+|[A-Z*]+|[0-9]+|\*+/g;
const PLAIN_WORD = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g;

/** The words of a name, lowercased. */
export function wordsOf(name: string, options: WordOptions = {}): string[] {
  const word = options.wildcards === false ? PLAIN_WORD : WILDCARD_WORD;
  return Array.from(name.matchAll(word), (match) => match[0].toLowerCase());
}

/** A prepared pattern: test(name) is true when the pattern's words appear as consecutive words of the name. */
export interface WordPattern {
  readonly pattern: string;
  test(name: string): boolean;
  /** The same test on a name already split by wordsOf (with the same options). */
  testWords(words: readonly string[]): boolean;
}

export function wordPattern(pattern: string, options: WordOptions = {}): WordPattern {
  const globs: Glob[] = wordsOf(pattern, options).map((w) => compileGlob(w, { ignoreCase: true, questionMark: false }));
  const testWords = (words: readonly string[]) => {
    if (globs.length === 0) return false;
    for (let start = 0; start + globs.length <= words.length; start += 1)
      if (globs.every((glob, i) => glob.test(words[start + i]!))) return true;
    return false;
  };
  return { pattern, test: (name) => testWords(wordsOf(name, options)), testWords };
}

/** A list of prepared patterns: first(name) is the first that matches the name, split into words once. */
export interface WordPatterns {
  first(name: string): WordPattern | undefined;
}

export interface WordPatternsOptions extends WordOptions {
  /** Dropped from the start of each pattern (case-insensitively): "custom:" where names are tested without it. */
  readonly dropPrefix?: string;
}

// A rule's options, and so its pattern list, are one object for every resource of an audience:
// each list is prepared once, not once per resource.
const preparedLists = new WeakMap<readonly string[], Map<string, WordPatterns>>();

export function wordPatterns(patterns: readonly string[], options: WordPatternsOptions = {}): WordPatterns {
  const variant = `${options.wildcards !== false}:${options.dropPrefix ?? ""}`;
  let byVariant = preparedLists.get(patterns);
  if (!byVariant) {
    byVariant = new Map();
    preparedLists.set(patterns, byVariant);
  }
  let prepared = byVariant.get(variant);
  if (!prepared) {
    const prefix = options.dropPrefix?.toLowerCase();
    const compiled = patterns.map((p) =>
      wordPattern(prefix && p.toLowerCase().startsWith(prefix) ? p.slice(prefix.length) : p, options),
    );
    prepared = {
      first(name) {
        const words = wordsOf(name, options);
        return compiled.find((pattern) => pattern.testWords(words));
      },
    };
    byVariant.set(variant, prepared);
  }
  return prepared;
}
