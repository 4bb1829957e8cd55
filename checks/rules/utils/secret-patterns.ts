// Secrets recognisable by their shape: a PEM private key block, an AWS access key id, an AWS secret
// access key. What is found is described by kind, length and a mask that keeps only the prefix
// naming the kind of key; the value itself never leaves this module.

export type SecretKind = "private-key" | "access-key-id" | "secret-access-key";

export interface FoundSecret {
  readonly kind: SecretKind;
  readonly length: number;
  /** The secret with everything but its non-secret prefix replaced: "AKIA****************". */
  readonly masked: string;
}

const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
/** Access key ids: AKIA (long-term), ASIA (temporary) and the other documented four-letter prefixes. */
const ACCESS_KEY_ID =
  /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16}(?![A-Z0-9])/g;
/** A secret access key is 40 characters of base64; only with a name saying so, or it is any hash. */
const SECRET_KEY_VALUE = /^[A-Za-z0-9/+]{40}$/;
const SECRET_KEY_INLINE = /aws_?secret_?access_?key\s*[=:]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi;
const SECRET_KEY_NAME = /secret|aws_?key|access_?key/i;

const mask = (text: string, keep: number) => `${text.slice(0, keep)}${"*".repeat(Math.max(0, text.length - keep))}`;

/**
 * The secrets in a string, in the order found. `name` is the key the string is stored under (a tag
 * key): a bare 40-character value counts as a secret access key only when the name says it is one.
 */
export function findSecrets(text: string, name?: string): FoundSecret[] {
  const found: FoundSecret[] = [];
  for (const match of text.matchAll(PRIVATE_KEY))
    found.push({
      kind: "private-key",
      length: match[0].length,
      masked: `-----BEGIN ${match[1] ?? ""}PRIVATE KEY----- (content withheld)`,
    });
  for (const match of text.matchAll(ACCESS_KEY_ID))
    found.push({ kind: "access-key-id", length: match[0].length, masked: mask(match[0], 4) });
  for (const match of text.matchAll(SECRET_KEY_INLINE))
    found.push({ kind: "secret-access-key", length: match[1]!.length, masked: mask(match[1]!, 0) });
  const bare = text.trim();
  if (
    name !== undefined &&
    SECRET_KEY_NAME.test(name) &&
    SECRET_KEY_VALUE.test(bare) &&
    /[a-z]/.test(bare) &&
    /[A-Z]/.test(bare)
  )
    found.push({ kind: "secret-access-key", length: bare.length, masked: mask(bare, 0) });
  return found;
}
