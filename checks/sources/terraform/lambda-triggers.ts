// The functions behind a user pool's Lambda triggers, as a policy names them: a literal ARN gives
// its function name; a reference to an aws_lambda_function (or its data source) in the same
// configuration gives that function's function_name; anything else is unknown with the reason.

import { lambdaFunctionName } from "../../model/lambda-arn.js";
import {
  isLiteral,
  known,
  renderRef,
  unknown,
  type Term,
  type TriggerFunction,
  type Value,
} from "../../model/index.js";
import { Attributes } from "./attributes.js";
import type { ResourceIndex } from "./iam.js";

const FUNCTION_TYPES = new Set(["aws_lambda_function", "aws_lambda_alias"]);

/** The trigger `name` of lambda_config, or, for pre_token_generation, its versioned config's lambda_arn. */
export function readTriggerFunction(
  pool: Attributes,
  name: "pre_authentication" | "pre_token_generation",
  index: ResourceIndex | undefined,
): Value<TriggerFunction | null> {
  if (pool.isDynamic("lambda_config")) return unknown(`${pool.describe("lambda_config")} is computed by an expression`);
  const lambda = pool.block("lambda_config");
  if (!lambda) return known(null, "default");
  let term = lambda.term(name);
  if (!term && name === "pre_token_generation") {
    if (lambda.isDynamic("pre_token_generation_config"))
      return unknown(`${lambda.describe("pre_token_generation_config")} is computed by an expression`);
    term = lambda.block("pre_token_generation_config")?.term("lambda_arn") ?? null;
  }
  return term ? known(functionOf(term, index)) : known(null, "default");
}

function functionOf(term: Term, index: ResourceIndex | undefined): TriggerFunction {
  if (isLiteral(term)) {
    const functionName = lambdaFunctionName(term.text);
    return {
      term,
      functionName: functionName ? known(functionName) : unknown(`${term.text} is not a Lambda function ARN`),
      arn: term.text.startsWith("arn:") ? term.text : null,
    };
  }
  return { term, functionName: referencedName(term, index), arn: null };
}

function referencedName(term: Term, index: ResourceIndex | undefined): Value<string> {
  const ref = term.exactRef;
  if (!ref) return unknown(`the trigger is set from ${term.text}, not a reference to one function`);
  const resource = index?.get(ref.address);
  if (!resource || !FUNCTION_TYPES.has(resource.type))
    return unknown(`the trigger is ${renderRef(ref)}, a function not defined in this configuration`);
  return Attributes.of(resource).string("function_name");
}
