// blockLines gives the line of each resource and data block of pretty-printed Terraform JSON, whatever
// the strings inside hold (braces of "${...}", escaped quotes, key-like text).

import { describe, expect, it } from "vitest";
import { blockLines } from "../../../checks/sources/terraform/json-lines.js";

describe("blockLines", () => {
  it("names the line of every resource and data block, skipping braces and quotes inside strings", () => {
    const document = {
      terraform: { required_providers: { aws: { source: "hashicorp/aws" } } },
      resource: {
        aws_iam_role: {
          app: { assume_role_policy: '${jsonencode({"a" = "}"})}', tags: { note: 'say "{" then \\' } },
          other: { name: 'x": {' },
        },
        aws_cognito_user_pool: { pool: { schema: [{ name: "email" }, { name: "{[" }] } },
      },
      data: { aws_iam_policy_document: { doc: { statement: [{ actions: ["s3:*"] }] } } },
      output: { resource: { value: { aws_x: {} } } },
    };
    const text = JSON.stringify(document, null, 2);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;
    expect([...blockLines(text)]).toEqual([
      ["resource.aws_iam_role.app", lineOf('"app"')],
      ["resource.aws_iam_role.other", lineOf('"other"')],
      ["resource.aws_cognito_user_pool.pool", lineOf('"pool"')],
      ["data.aws_iam_policy_document.doc", lineOf('"doc"')],
    ]);
  });

  it("reads compact JSON as one line", () => {
    const text = JSON.stringify({ resource: { aws_x: { a: {}, b: { c: [] } } } });
    expect([...blockLines(text)]).toEqual([
      ["resource.aws_x.a", 1],
      ["resource.aws_x.b", 1],
    ]);
  });
});
