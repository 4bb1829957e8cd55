// A tagged template that escapes every interpolated value unless it is already SafeHtml, so the
// HTML writer cannot forget to escape a value from the estate.

import { htmlEscape } from "../escape.js";

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

/** A value as markup: SafeHtml as it is, anything else escaped (shared with the streaming template, stream.ts). */
export function renderValue(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(renderValue).join("");
  return htmlEscape(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Markup the writer itself produced (CSS, SVG built from numbers). Never pass estate values here. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
