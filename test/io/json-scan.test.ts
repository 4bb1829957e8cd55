// scanParsedJson answers as scanJson does (the first duplicate key or nesting past the limit, at its
// offset), taking the shortcut of counting keys only when the text has no problem.

import { describe, expect, it } from "vitest";
import { scanJson, scanParsedJson } from "../../checks/io/json-scan.js";

const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

describe("scanParsedJson", () => {
  it.each([
    ["no problem", '{"a":1,"b":{"a":[{"a":2},{"a":3}]},"c":"x\\":y"}'],
    ["integer-like keys, which objects reorder", '{"b":{"x":1},"1":{"y":2},"0":[{"z":3}]}'],
    ["strings that look like keys", '{"a":"\\"a\\":1","b":["a",":"]}'],
    ["a duplicate key", '{"a":1,"b":2,"a":3}'],
    ["a duplicate key after unescaping", '{"a":1,"\\u0061":2}'],
    ["a nested duplicate after a clean object", '{"x":{"a":1,"b":2},"y":[{"k":1,"k":2}]}'],
    ["a duplicate among many keys", `{${Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`).join(",")},"k7":0}`],
    ["nesting past the limit", `{"a":${deep(10)}}`],
    ["nesting past the limit after a duplicate", `{"a":1,"a":${deep(10)}}`],
    ["a duplicate after nesting past the limit", `{"a":${deep(10)},"a":1}`],
    ["nesting up to the limit", `{"a":${deep(7)}}`],
  ])("finds what scanJson finds in %s", (_what, text) => {
    const expected = scanJson(text, 8);
    expect(scanParsedJson(text, JSON.parse(text), 8)).toEqual(expected);
  });

  it("reports the first duplicate at its offset", () => {
    const text = '{"x":{"a":1},"y":{"b":1,"c":2,"b":3},"z":{"d":1,"d":2}}';
    expect(scanParsedJson(text, JSON.parse(text))).toEqual({
      kind: "duplicate-key",
      key: "b",
      offset: text.indexOf('"b":3'),
    });
  });

  it("still finds no problem when a polluted prototype adds an enumerable key", () => {
    const text = '{"a":{"b":1}}';
    Object.defineProperty(Object.prototype, "polluted", {
      value: 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    let problem: unknown;
    try {
      problem = scanParsedJson(text, JSON.parse(text));
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(problem).toBeUndefined();
  });
});
