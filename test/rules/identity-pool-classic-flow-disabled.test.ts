import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool/index.js";
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import rule from "../../checks/rules/identity-pool-classic-flow-disabled.js";
import { RuleTester } from "../harness/rule-tester.js";

function pool(scope: Construct, name: string, allowClassicFlow?: boolean): void {
  new CognitoIdentityPool(scope, name, { identityPoolName: name, allowClassicFlow });
}

RuleTester.run(rule, {
  valid: [
    { name: "pass_classic_off", stack: (s) => pool(s, "pass_classic_off", false) },
    { name: "pass_default", stack: (s) => pool(s, "pass_default") },
  ],
  invalid: [
    {
      name: "fail_classic_on",
      stack: (s) => pool(s, "fail_classic_on", true),
      results: [
        {
          resource: "fail_classic_on",
          status: "FAIL",
          messageId: "classicFlowAllowed",
          messageIncludes: "allow_classic_flow = true",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const classic = new TerraformVariable(s, "classic_flow", { type: "bool" });
        pool(s, "unknown_var", classic.booleanValue as unknown as boolean);
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.classic_flow" },
      ],
    },
  ],
});
