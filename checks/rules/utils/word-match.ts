// Attribute names matched by whole words (RULES.md, client-privileged-attributes-readonly): a name
// is split into words at "_", "-", "." and where lowercase turns to uppercase; digits are words of
// their own, and a run of capitals ends before a capital followed by lowercase ("ADMINRole" is
// ADMIN, Role). A pattern is split the same way and matches a run of consecutive whole words,
// case-insensitively: "tier" matches loyalty_tier and loyaltyTier, not frontier; "tenant_id"
// matches tenantId. A word of a pattern may hold * (any run of characters within one word).

import { compileGlob, type Glob } from "../../iam/wildcard.js";

/** The words of a name, lowercased. */
export function wordsOf(name: string): string[] {
  const words: string[] = [];
  // A capital run before a capital-and-lowercase, a capital with its lowercase, a lowercase run, a digit run, a * run.
  const word = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z*]+|[A-Z*]+|[0-9]+|\*+/g;
  for (const part of name.split(/[_\-.\s:]+/)) {
    for (const match of part.matchAll(word)) words.push(match[0].toLowerCase());
  }
  return words;
}

/** A prepared pattern: test(name) is true when the pattern's words appear as consecutive words of the name. */
export interface WordPattern {
  readonly pattern: string;
  test(name: string): boolean;
}

export function wordPattern(pattern: string): WordPattern {
  const globs: Glob[] = wordsOf(pattern).map((w) => compileGlob(w, { ignoreCase: true, questionMark: false }));
  return {
    pattern,
    test(name) {
      const words = wordsOf(name);
      if (globs.length === 0) return false;
      for (let start = 0; start + globs.length <= words.length; start += 1)
        if (globs.every((glob, i) => glob.test(words[start + i]!))) return true;
      return false;
    },
  };
}
