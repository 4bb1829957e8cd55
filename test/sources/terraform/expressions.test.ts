import { describe, expect, it } from "vitest";
import {
  jsonencodeArgument,
  parseReference,
  splitTemplate,
  templateTerm,
} from "../../../checks/sources/terraform/expressions.js";

describe("templateTerm", () => {
  it("reads a whole-string reference as an exact reference", () => {
    const term = templateTerm("${aws_cognito_identity_pool.Pool_1A2B.id}");
    expect(term.exactRef).toEqual({ address: "aws_cognito_identity_pool.Pool_1A2B", attribute: "id" });
  });

  it("keeps $${ IAM policy variables as literal text, not references", () => {
    const term = templateTerm("arn:aws:s3:::bucket/private/$${cognito-identity.amazonaws.com:sub}/*");
    expect(term.refs).toEqual([]);
    expect(term.text).toBe("arn:aws:s3:::bucket/private/${cognito-identity.amazonaws.com:sub}/*");
  });

  it("reads references inside templates and keeps function calls opaque", () => {
    const mixed = templateTerm("arn:aws:s3:::${aws_s3_bucket.pictures.bucket}/*");
    expect(mixed.refs).toEqual([{ address: "aws_s3_bucket.pictures", attribute: "bucket" }]);
    expect(mixed.exactRef).toBeUndefined();
    const call = templateTerm('${lower("X")}');
    expect(call.opaque).toBe('lower("X")');
  });

  it("splits literal text and interpolations", () => {
    expect(splitTemplate("a${var.x}b")).toEqual([{ literal: "a" }, { expression: "var.x" }, { literal: "b" }]);
  });
});

describe("parseReference", () => {
  it.each([
    ["var.min_length", { address: "var.min_length", attribute: "" }],
    ["data.aws_iam_policy_document.trust.json", { address: "data.aws_iam_policy_document.trust", attribute: "json" }],
    ["aws_iam_role.r[0].arn", { address: "aws_iam_role.r[0]", attribute: "arn" }],
    ["module.auth.pool_id", { address: "module.auth", attribute: "pool_id" }],
  ])("%s", (source, expected) => {
    expect(parseReference(source)).toEqual(expected);
  });

  it("rejects expressions that are not bare references", () => {
    expect(parseReference("var.a + 1")).toBeUndefined();
    expect(parseReference('"text"')).toBeUndefined();
  });
});

describe("jsonencodeArgument", () => {
  it("evaluates cdktf's Fn.jsonencode HCL object syntax with references", () => {
    const value = jsonencodeArgument(
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Condition" = {"StringEquals" = {"cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.P.id}}}]})}',
    );
    expect(value).toMatchObject({
      Version: { $term: { text: "2012-10-17" } },
      Statement: [
        {
          Condition: {
            StringEquals: {
              "cognito-identity.amazonaws.com:aud": {
                $term: { exactRef: { address: "aws_cognito_identity_pool.P", attribute: "id" } },
              },
            },
          },
        },
      ],
    });
  });

  it("reads HCL's newline-separated object syntax and numbers, booleans, null", () => {
    const value = jsonencodeArgument('${jsonencode({\n  a = 1\n  b = true\n  c = null\n  d = ["x", var.y]\n})}');
    expect(value).toMatchObject({
      a: 1,
      b: true,
      c: null,
      d: [{ $term: { text: "x" } }, { $term: { exactRef: { address: "var.y" } } }],
    });
  });

  it("returns undefined for what it cannot evaluate rather than guessing", () => {
    expect(jsonencodeArgument('${jsonencode(merge(local.a, {"b" = 1}))}')).toBeUndefined();
    expect(jsonencodeArgument('${jsonencode({"a" = var.x ? 1 : 2})}')).toBeUndefined();
    expect(jsonencodeArgument("plain text")).toBeUndefined();
  });
});

describe("jsonencodeArgument on hand-written HCL", () => {
  const trust = (body: string) => jsonencodeArgument(`\${jsonencode(${body})}`);

  it.each([
    ["# comments", '{\n  # who may assume\n  Version = "2012-10-17" # trailing\n  Statement = []\n}'],
    ["// comments", '{\n  // who may assume\n  Version = "2012-10-17" // trailing\n  Statement = []\n}'],
    ["/* */ comments", '{ /* who */ Version = /* may */ "2012-10-17", Statement = [/* none */] }'],
    ["a heredoc value", "{\n  Version = <<EOT\n2012-10-17\nEOT\n  Statement = []\n}"],
    ["an indented heredoc value", "{\n  Version = <<-EOT\n    2012-10-17\n    EOT\n  Statement = []\n}"],
  ])("reads a policy with %s", (_, body) => {
    const value = trust(body) as Record<string, unknown>;
    expect(value).toBeDefined();
    expect(value.Version).toEqual({ $term: { text: "2012-10-17" + (body.includes("<<") ? "\n" : ""), refs: [] } });
    expect(value.Statement).toEqual([]);
  });

  it("keeps a template directive as an opaque term, not a guessed value", () => {
    const value = trust('{ Effect = "%{ if var.allow }Allow%{ else }Deny%{ endif }" }') as Record<string, unknown>;
    const effect = value.Effect as { $term: { opaque?: string; refs: unknown[] } };
    expect(effect.$term.opaque).toContain("if var.allow");
  });

  it("reads $${ escapes and references in strings of a commented policy", () => {
    const value = trust(
      '{\n  # per-identity prefix\n  Resource = "arn:aws:s3:::${aws_s3_bucket.b.bucket}/$${cognito-identity.amazonaws.com:sub}/*"\n}',
    ) as Record<string, { $term: { text: string; refs: unknown[] } }>;
    expect(value.Resource!.$term.text).toBe(
      "arn:aws:s3:::${aws_s3_bucket.b.bucket}/${cognito-identity.amazonaws.com:sub}/*",
    );
    expect(value.Resource!.$term.refs).toEqual([{ address: "aws_s3_bucket.b", attribute: "bucket" }]);
  });

  it("refuses computed data (operators, calls) instead of guessing", () => {
    expect(trust("{ a = 1 + 2 }")).toBeUndefined();
    expect(trust('{ a = lower("X") }')).toBeUndefined();
  });
});

describe("parseReference across module instances", () => {
  it.each([
    [
      'module.brand["acme"].aws_cognito_user_pool.this.arn',
      { address: 'module.brand["acme"].aws_cognito_user_pool.this', attribute: "arn" },
    ],
    [
      "module.a[0].module.b.data.aws_iam_policy_document.t.json",
      { address: "module.a[0].module.b.data.aws_iam_policy_document.t", attribute: "json" },
    ],
    ["module.auth.user_pool_arn", { address: "module.auth", attribute: "user_pool_arn" }],
    ['module.a["x"].module.b.out', { address: 'module.a["x"].module.b', attribute: "out" }],
  ])("%s", (source, expected) => {
    expect(parseReference(source)).toEqual(expected);
  });
});

describe("jsonencodeArgument on a policy rendered back from a module instance", () => {
  it("keeps a $${...} IAM policy variable in a string without interpolations literal", () => {
    const value = jsonencodeArgument(
      '${jsonencode({"Resource" = "arn:aws:s3:::p/private/$${cognito-identity.amazonaws.com:sub}/*"})}',
    ) as Record<string, { $term: { text: string; refs: unknown[]; opaque?: string } }>;
    expect(value.Resource!.$term).toEqual({
      text: "arn:aws:s3:::p/private/${cognito-identity.amazonaws.com:sub}/*",
      refs: [],
    });
  });
});
