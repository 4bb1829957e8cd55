// Whole-word matching of attribute names (RULES.md, client-privileged-attributes-readonly and
// no-cardholder-data-attributes): a name is split into words at `_`, `-`, `.` and lower-to-upper case
// changes; digits are words of their own; a run of capitals ends before a capital followed by
// lowercase (ADMINRole is ADMIN, Role). A pattern matches a run of whole words, case-insensitively:
// `tier` matches loyalty_tier and loyaltyTier, not frontier.

const WORD = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g;

/** The lower-case words of a name. */
export function nameWords(name: string): string[] {
  return name
    .split(/[_\-.]+/)
    .flatMap((chunk) => chunk.match(WORD) ?? [])
    .map((word) => word.toLowerCase());
}

/** Whether the pattern's words occur in the name's words as one consecutive run. */
export function matchesWords(name: string, pattern: string): boolean {
  const words = nameWords(name);
  const wanted = nameWords(pattern);
  if (wanted.length === 0) return false;
  for (let start = 0; start + wanted.length <= words.length; start++)
    if (wanted.every((word, i) => words[start + i] === word)) return true;
  return false;
}
