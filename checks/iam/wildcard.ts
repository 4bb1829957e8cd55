// The one glob matcher: IAM actions and resources, waiver resource selectors and rule option
// patterns. It lives in checks/iam because IAM is its strictest user, and every layer that needs
// it (engine, rules, iam) may import iam, which imports nothing but the model.
//
// No regular expression: a glob is prepared once into its tokens and matched by the greedy
// two-pointer walk that, on a mismatch, backtracks only to the last star. That is O(n·m) in the
// worst case (n the value's length, m the pattern's), where a backtracking RegExp of `*a*a*b*` is
// exponential: a waiver selector against a long hostile name must not hang the audit.

export interface GlobOptions {
  /** Match letters regardless of case, as IAM does for actions. Default: case-sensitive. */
  readonly ignoreCase?: boolean;
  /** Whether ? matches any one character (IAM) or only itself (waiver selectors). Default: any one character. */
  readonly questionMark?: boolean;
}

/** A prepared glob: * matches any run of characters (line breaks included), anchored at both ends. */
export interface Glob {
  readonly pattern: string;
  test(value: string): boolean;
}

const STAR = 1;
const ANY_ONE = 2;

export function compileGlob(pattern: string, options: GlobOptions = {}): Glob {
  const { ignoreCase = false, questionMark = true } = options;
  const text = ignoreCase ? pattern.toLowerCase() : pattern;
  // One entry per UTF-16 code unit of the pattern, consecutive stars collapsed: the literal code
  // unit, or the negated kind of a wildcard.
  const tokens: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "*") {
      if (tokens[tokens.length - 1] !== -STAR) tokens.push(-STAR);
    } else if (ch === "?" && questionMark) tokens.push(-ANY_ONE);
    else tokens.push(text.charCodeAt(i));
  }
  return {
    pattern,
    test: (value: string) => matchTokens(tokens, ignoreCase ? value.toLowerCase() : value),
  };
}

function matchTokens(tokens: readonly number[], value: string): boolean {
  let v = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    const token = t < tokens.length ? tokens[t] : undefined;
    if (token === -STAR) {
      star = t++;
      resume = v;
    } else if (token !== undefined && (token === -ANY_ONE || token === value.charCodeAt(v))) {
      v++;
      t++;
    } else if (star >= 0) {
      // Let the last star swallow one more character and retry what follows it; earlier stars
      // never need to move, which is what keeps the walk O(n·m).
      t = star + 1;
      v = ++resume;
    } else return false;
  }
  while (t < tokens.length && tokens[t] === -STAR) t++;
  return t === tokens.length;
}

const CACHE_LIMIT = 1024;
const cache = new Map<string, Glob>();

/** Matches one value; the prepared glob is cached, so a pattern used again is not prepared again. */
export function globMatch(pattern: string, value: string, options: GlobOptions = {}): boolean {
  // A pattern without wildcards matches only itself: no glob to prepare or cache.
  if (!pattern.includes("*") && (options.questionMark === false || !pattern.includes("?")))
    return options.ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  const key = `${options.ignoreCase ? "i" : "-"}${options.questionMark === false ? "-" : "?"}${pattern}`;
  let glob = cache.get(key);
  if (!glob) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    glob = compileGlob(pattern, options);
    cache.set(key, glob);
  }
  return glob.test(value);
}
