// Escaping for the text formats. Every string that comes from the estate (pool names, tag values,
// messages built from them, waiver reasons) is hostile until escaped by one of these.

/**
 * Characters that change what a reader sees without being seen: C0 controls other than tab and
 * line feed, DEL and the C1 controls, the line and paragraph separators, and the bidirectional
 * controls (embeddings and overrides U+202A-U+202E, isolates U+2066-U+2069, the marks U+200E,
 * U+200F and U+061C), which can make a name read backwards ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** INVISIBLE without the global flag, so test() keeps no state between calls. */
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/**
 * The one neutralising function every writer uses: each invisible character becomes the visible
 * six-character escape \uXXXX. Applied to JSON text, the same escape is a JSON string escape, so the
 * document stays valid and parses back to the exact original string.
 */
export function visibleEscapes(text: string): string {
  // Tested first: almost no text needs an escape, and a scan is cheaper than a replace over a large report.
  if (!HAS_INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * visibleEscapes for JSON text that JSON.stringify wrote: it escapes every C0 control, so text that is
 * all ASCII (one byte per character in UTF-8, a native count) can hold no invisible character but DEL.
 * Two native scans instead of the character-class scan, which is a tenth of a large report's run.
 */
export function visibleEscapesOfJson(json: string): string {
  if (Buffer.byteLength(json, "utf8") === json.length && !json.includes("\u007f")) return json;
  return visibleEscapes(json);
}

/**
 * A superset of every character the markup escapes below change (invisible, XML-invalid, lone
 * surrogates taken as any surrogate, markup punctuation): text without one is returned as it is.
 */
const MARKUP_SPECIAL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff&<>"'`]/;

// Characters XML 1.0 does not allow at all (C0 controls other than tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF), plus the C1 controls and line/paragraph separators, which it discourages.
const XML_INVALID = /[^\t\n\r\u0020-\u007e\u00a0-\u2027\u202a-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters that XML 1.0 (and so HTML) cannot carry. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(XML_INVALID, "");
}

const XML_TEXT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const XML_ATTRIBUTE: Record<string, string> = {
  ...XML_TEXT,
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Escapes XML character data (element content). */
export function xmlText(text: string): string {
  if (!MARKUP_SPECIAL.test(text)) return text;
  return stripInvalidXmlChars(visibleEscapes(text)).replace(/[&<>]/g, (ch) => XML_TEXT[ch]!);
}

/** Escapes an XML attribute value; whitespace is kept as character references so it survives normalization. */
export function xmlAttribute(text: string): string {
  if (!MARKUP_SPECIAL.test(text)) return text;
  return stripInvalidXmlChars(visibleEscapes(text)).replace(/[&<>"'\t\n\r]/g, (ch) => XML_ATTRIBUTE[ch]!);
}

const HTML: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Escapes text for HTML element content and quoted attribute values alike. */
export function htmlEscape(text: string): string {
  if (!MARKUP_SPECIAL.test(text)) return text;
  return stripInvalidXmlChars(visibleEscapes(text)).replace(/[&<>"'`]/g, (ch) => HTML[ch]!);
}

/**
 * Makes a configuration string inert in GitHub-flavoured Markdown, inside a table cell or running
 * text: one line, HTML tags and entities shown as text, Markdown punctuation (links, images,
 * emphasis, code spans, table pipes) escaped, and @mentions broken so a pool name cannot ping anyone.
 */
export function markdownText(text: string): string {
  return stripInvalidXmlChars(visibleEscapes(text.replace(/\r\n|\r|\n/g, " ").replace(/\t/g, " ")))
    .replace(/[\\`*_[\]()!|~$]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/@/g, "@\u200b");
}
