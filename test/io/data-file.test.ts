// Policy and waiver files: JSON or YAML, with the limits of the JSON parser and YAML's own
// (aliases, nesting) reported as one line naming the file and the limit.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataFile, MAX_YAML_ALIASES } from "../../checks/io/data-file.js";

const write = (name: string, content: string | Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), "authwarden-data-")), name);
  writeFileSync(file, content);
  return file;
};

describe("readDataFile", () => {
  it("reads YAML anchors and aliases within the limit", () => {
    const file = write("policy.yaml", "base: &base { enabled: true }\nrules:\n  a: *base\n  b: *base\n");
    expect(readDataFile(file)).toEqual({
      base: { enabled: true },
      rules: { a: { enabled: true }, b: { enabled: true } },
    });
  });

  it("refuses an alias bomb, naming the file and the limit", () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
    ])
      rows.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(",")}]`);
    const file = write("bomb.yml", rows.join("\n"));
    expect(() => readDataFile(file)).toThrow(
      `${file}: expands more than the limit of ${MAX_YAML_ALIASES} YAML aliases`,
    );
  });

  it("refuses YAML nested past the limit, flow or block, naming the file", () => {
    const flow = write("flow.yaml", `x: ${"[".repeat(3000)}${"]".repeat(3000)}`);
    expect(() => readDataFile(flow)).toThrow(`${flow}: nests YAML collections deeper than the 256-level limit`);
    const block = write("block.yaml", Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}x:`).join("\n") + " 1");
    expect(() => readDataFile(block)).toThrow(`${block}: nests YAML collections deeper than the 256-level limit`);
  });

  it("reads a file without a YAML or JSON extension as JSON first, keeping JSON's duplicate-key check", () => {
    expect(readDataFile(write("policy", '{"extends": "baseline"}'))).toEqual({ extends: "baseline" });
    const dup = write("policy", '{"extends": "a",\n "extends": "b"}');
    expect(() => readDataFile(dup)).toThrow(`${dup}: has the key "extends" twice in one object (line 2)`);
    expect(readDataFile(write("policy", "extends: baseline\n"))).toEqual({ extends: "baseline" });
  });

  it("refuses invalid UTF-8 in YAML", () => {
    const file = write("latin1.yaml", Buffer.concat([Buffer.from("name: "), Buffer.from([0xe9]), Buffer.from("\n")]));
    expect(() => readDataFile(file)).toThrow(`${file}: is not valid UTF-8 (first bad byte at offset 6)`);
  });
});
