// The one JSON parser of input files: names are data, prototype pollution, duplicate keys, depth
// and invalid UTF-8 are bad input with the line, and valid JSON parses as JSON.parse parses it.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../checks/errors.js";
import { lineColumn, MAX_NESTING_DEPTH, scanJson } from "../../checks/io/json-scan.js";
import { decodeUtf8, JsonInputProblem, readJsonSource, safeJsonParse } from "../../checks/io/safe-json.js";

const write = (content: string | Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), "authwarden-json-")), "input.json");
  writeFileSync(file, content);
  return file;
};

describe("safeJsonParse", () => {
  it("keeps constructor and prototype as keys, at any depth", () => {
    const value = safeJsonParse(
      '{"resource":{"aws_cognito_user_pool":{"constructor":{"name":"a"},"prototype":{"name":"b"}}},"constructor":1}',
    );
    expect(value).toEqual({
      resource: { aws_cognito_user_pool: { constructor: { name: "a" }, prototype: { name: "b" } } },
      constructor: 1,
    });
    expect(
      Object.keys((value as { resource: { aws_cognito_user_pool: object } }).resource.aws_cognito_user_pool),
    ).toEqual(["constructor", "prototype"]);
  });

  it("parses what JSON.parse parses, to the same value", () => {
    const text = JSON.stringify({ a: [1, 2, { b: "\u00e9\ud83d\ude00", c: null }], d: true, 'e"f': "g\\h" }, null, 2);
    expect(safeJsonParse(text)).toEqual(JSON.parse(text));
  });

  it("refuses __proto__ (also escaped) and constructor.prototype as prototype pollution", () => {
    expect(() => safeJsonParse('{"a":{"__proto__":{"x":1}}}')).toThrow(/"__proto__" key/);
    expect(() => safeJsonParse('{"a":{"\\u005f_proto__":{"x":1}}}')).toThrow(/"__proto__" key/);
    expect(() => safeJsonParse('{"constructor":{"prototype":{"x":1}}}')).toThrow(
      /"constructor" object with a "prototype" key/,
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("refuses a duplicate key at its offset, and keys equal after unescaping", () => {
    const text = '{\n  "a": 1,\n  "b": {"c": 1, "d": 2},\n  "a": 2\n}';
    let problem: unknown;
    try {
      safeJsonParse(text);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(JsonInputProblem);
    expect((problem as JsonInputProblem).message).toBe(
      'has the key "a" twice in one object: Terraform rejects duplicate keys',
    );
    expect(lineColumn(text, (problem as JsonInputProblem).offset!).line).toBe(4);
    expect(() => safeJsonParse('{"a":1,"\\u0061":2}')).toThrow(/has the key "a" twice/);
  });

  it("allows the same key in sibling and nested objects, and strings that look like keys", () => {
    expect(() => safeJsonParse('[{"a":1},{"a":2},{"b":{"a":3},"a":"\\"a\\": 1"}]')).not.toThrow();
  });

  it("finds a duplicate among many keys of one object", () => {
    const keys = Array.from({ length: 500 }, (_, i) => `"k${i}":${i}`);
    expect(() => safeJsonParse(`{${keys.join(",")}}`)).not.toThrow();
    expect(() => safeJsonParse(`{${keys.join(",")},"k250":0}`)).toThrow(/has the key "k250" twice/);
  });

  it(`refuses nesting past ${MAX_NESTING_DEPTH} levels and allows it up to there`, () => {
    const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
    expect(() => safeJsonParse(nested(MAX_NESTING_DEPTH))).not.toThrow();
    expect(() => safeJsonParse(nested(MAX_NESTING_DEPTH + 1))).toThrow(/deeper than the 256-level limit/);
    expect(scanJson(nested(2000))).toEqual({ kind: "too-deep", limit: MAX_NESTING_DEPTH, offset: MAX_NESTING_DEPTH });
  });

  it("throws SyntaxError on malformed JSON, as JSON.parse does", () => {
    expect(() => safeJsonParse('{"a":')).toThrow(SyntaxError);
  });
});

describe("decodeUtf8", () => {
  it("decodes UTF-8 and refuses bad bytes with the offset of the first", () => {
    expect(decodeUtf8(Buffer.from("h\u00e9llo \ud83d\ude00"))).toBe("h\u00e9llo \ud83d\ude00");
    for (const [bytes, offset] of [
      [[0x61, 0xc3, 0x28], 1],
      [[0x61, 0x62, 0xe0, 0x80, 0xaf], 2],
      [[0xed, 0xa0, 0x80], 0],
      [[0x61, 0xf4, 0x90, 0x80, 0x80], 1],
      [[0x61, 0xff], 1],
      [[0x61, 0xe2, 0x82], 1],
    ] as const) {
      expect(() => decodeUtf8(Buffer.from(bytes))).toThrow(`is not valid UTF-8 (first bad byte at offset ${offset})`);
    }
  });
});

describe("readJsonSource", () => {
  it("names the file and the line of a duplicate key in one InputError", () => {
    const file = write('{\n  "resource": {},\n  "resource": {}\n}\n');
    expect(() => readJsonSource(file)).toThrow(InputError);
    expect(() => readJsonSource(file)).toThrow(
      `${file}: has the key "resource" twice in one object (line 3): Terraform rejects duplicate keys`,
    );
  });

  it("refuses invalid UTF-8 instead of replacing it", () => {
    const file = write(Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
    expect(() => readJsonSource(file)).toThrow(`${file}: is not valid UTF-8 (first bad byte at offset 10)`);
  });

  it("reads a byte order mark and whitespace-only files as JSON does, and hashes the bytes", () => {
    const file = write('\ufeff{"a": 1}\n');
    const source = readJsonSource(file);
    expect(source.value).toEqual({ a: 1 });
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(() => readJsonSource(write(" \n\t"))).toThrow(/is empty, expected JSON/);
  });
});
