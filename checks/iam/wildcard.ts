// The one glob matcher: IAM actions and resources, waiver resource selectors and rule option
// patterns. It lives in checks/iam because IAM is its strictest user, and every layer that needs
// it (engine, rules, iam) may import iam, which imports nothing but the model.

export interface GlobOptions {
  /** Match letters regardless of case, as IAM does for actions. Default: case-sensitive. */
  readonly ignoreCase?: boolean;
  /** Whether ? matches any one character (IAM) or only itself (waiver selectors). Default: any one character. */
  readonly questionMark?: boolean;
}

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** The anchored regular expression of a glob: * matches any run of characters. */
export function globRegExp(pattern: string, options: GlobOptions = {}): RegExp {
  const { ignoreCase = false, questionMark = true } = options;
  let source = "";
  for (const char of pattern) {
    if (char === "*") source += ".*";
    else if (char === "?" && questionMark) source += ".";
    else source += char.replace(SPECIAL, "\\$&");
  }
  return new RegExp(`^${source}$`, ignoreCase ? "i" : "");
}

export function globMatch(pattern: string, value: string, options: GlobOptions = {}): boolean {
  return globRegExp(pattern, options).test(value);
}
