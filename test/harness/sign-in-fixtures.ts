// Building blocks for sign-in fixtures: a Lambda function to use as a trigger, and the sign-in
// settings of RULES.md's sign-in model as cdktf writes them.

import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function/index.js";
import type { Construct } from "constructs";

/** A Lambda function named `functionName`, as a pool's trigger would reference it. */
export function lambdaFunction(scope: Construct, functionName: string): LambdaFunction {
  return new LambdaFunction(scope, `fn-${functionName}`, {
    functionName,
    role: "arn:aws:iam::123456789012:role/lambda",
    runtime: "nodejs20.x",
    handler: "index.handler",
    filename: "function.zip",
  });
}

export const TOTP = { softwareTokenMfaConfiguration: { enabled: true } };

/** Passkeys as the only first factor, with the given user verification. */
export function passkeysOnly(userVerification: "required" | "preferred") {
  return {
    signInPolicy: { allowedFirstAuthFactors: ["WEB_AUTHN"] },
    webAuthnConfiguration: { relyingPartyId: "auth.shop.example", userVerification },
  };
}
