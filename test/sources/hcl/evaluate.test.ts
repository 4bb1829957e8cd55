// Static evaluation of HCL expressions: what is known is computed, every form HCL writes
// (templates with directives, heredocs, comments, for expressions, functions), and what is not
// known stays a residual expression naming what it depends on, never a guess.

import { describe, expect, it } from "vitest";
import { Evaluator, traversalExpr, type Scope } from "../../../checks/sources/hcl/evaluate.js";
import { emitValue } from "../../../checks/sources/hcl/config-values.js";
import { parseExpression } from "../../../checks/sources/terraform/hcl-syntax.js";
import { Residual, type V } from "../../../checks/sources/hcl/values.js";

const VARIABLES: Record<string, V> = { env: "prod", brands: { acme: "ON", globex: "OFF" }, names: ["b", "a", "b"] };

const scope: Scope = {
  resolve(name, steps) {
    const first = steps[0];
    if (name === "var" && first && "attr" in first && first.attr in VARIABLES) {
      let value: V = VARIABLES[first.attr]!;
      for (const step of steps.slice(1)) value = (value as Record<string, V>)[(step as { attr: string }).attr]!;
      return value;
    }
    return new Residual(traversalExpr(name === "aws_iam_role" ? `module.m.${name}` : name, steps));
  },
};

const evaluate = (source: string) => emitValue(new Evaluator(scope).eval(parseExpression(source)));

describe("HCL static evaluation", () => {
  it.each([
    ['"shop-${var.env}"', "shop-prod"],
    ['"%{ if var.env == "prod" }strict%{ else }lax%{ endif }"', "strict"],
    ['"%{ for n in toset(var.names) }${n};%{ endfor }"', "a;b;"],
    ["<<-EOT\n    pool-${var.env}\n    EOT", "pool-prod\n"],
    ["{\n  # comment\n  a = var.env // trailing\n  /* block */ b = 1\n}", { a: "prod", b: 1 }],
    ['[for k, v in var.brands : k if v == "ON"]', ["acme"]],
    ["{ for k, v in var.brands : v => k }", { ON: "acme", OFF: "globex" }],
    ['merge({ a = 1 }, { b = lookup(var.brands, "acme", "x") })', { a: 1, b: "ON" }],
    ['format("%s-%d", var.env, 2)', "prod-2"],
    ['length(keys(var.brands)) > 1 ? "many" : "one"', "many"],
    ['"$${aws:username}-${var.env}"', "$${aws:username}-prod"],
  ])("%s", (source, expected) => {
    expect(evaluate(source)).toEqual(expected);
  });

  it.each([
    ['"shop-${var.missing}"', "shop-${var.missing}"],
    ["aws_iam_role.r.arn", "${module.m.aws_iam_role.r.arn}"],
    ['"%{ if var.missing }a%{ endif }"', "%{ if var.missing }a%{ endif }"],
    ["var.missing ? 1 : 2", "${var.missing ? 1 : 2}"],
    [
      "jsonencode({ Role = aws_iam_role.r.arn, Env = var.env })",
      '${jsonencode({"Role" = module.m.aws_iam_role.r.arn, "Env" = "prod"})}',
    ],
    ['replace(var.env, "o", "0")', '${replace("prod", "o", "0")}'],
  ])("keeps %s residual, with what is known substituted", (source, expected) => {
    expect(evaluate(source)).toBe(expected);
  });
});
