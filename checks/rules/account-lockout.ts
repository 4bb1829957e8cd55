import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";
import type { TriggerFunction } from "../model/index.js";
import { describeFirstFactors, firstFactorEvidence, firstFactors } from "./utils/sign-in.js";
import { matchingGlob, triggerGlobsSchema, triggerLabel } from "./utils/trigger-globs.js";

type MessageId = "pass" | "unreviewed" | "missing";

const evidenceOfTrigger = (trigger: TriggerFunction | null) =>
  trigger === null ? "none" : `${triggerLabel(trigger)}${trigger.arn ? ` (${trigger.arn})` : ""}`;

export default defineRule<{ lockoutTriggers: string[] }, MessageId>({
  meta: {
    id: "account-lockout",
    title: "Pools where a password or one-time code signs in lock the user ID with a pre authentication trigger",
    description:
      "PCI DSS 8.3.4 requires that a user ID be locked out after at most 10 invalid attempts, for at least 30 minutes or until an administrator unlocks it. Cognito's own lockout (after 5 failures, 1 second doubling to about 15 minutes, reset after 15 quiet minutes) never reaches 30 minutes, so a pre_authentication Lambda trigger must count failures and refuse the sign-in. The policy names its lockout functions (option lockoutTriggers, globs matched against the function name and ARN); another pre_authentication trigger must be verified by hand. Consumer pools and pools whose only first factor is WEB_AUTHN are not applicable.",
    severity: "high",
    pci: [{ id: "8.3.4", relation: "meets" }],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          lockoutTriggers: triggerGlobsSchema(
            "Functions that enforce the lockout: globs (* wildcard, case-sensitive) matched against the pre_authentication trigger's function name and its full ARN. Default: none, so any trigger is to be verified.",
          ),
        },
      },
      defaults: { lockoutTriggers: [] },
    },
    messages: {
      pass: "{{resource}} enforces the lockout in its pre_authentication trigger {{trigger}} (policy: {{glob}})",
      unreviewed:
        "{{resource}} has the pre_authentication trigger {{trigger}}, which the policy does not list as a lockout trigger: verify that it locks the user ID for 30 minutes after at most 10 failures",
      missing:
        "{{resource}} allows {{factors}} as first factors and has no pre_authentication trigger: Cognito's own lockout lasts about 15 minutes at most, short of 30 minutes after at most 10 attempts",
    },
    remediation: {
      summary:
        "Add a pre_authentication Lambda trigger that counts failed sign-ins per user ID (e.g. in DynamoDB, updated by a post_authentication trigger and the failure events) and refuses the sign-in for 30 minutes after 10 failures; list it in the policy's lockoutTriggers.",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  lambdaConfig: { preAuthentication: lockout.arn },\n});`,
    },
  },
  check(estate, context) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      if (context.audience(pool).audience === "consumer")
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "8.3.4 does not apply to consumer accounts" },
        };
      const factors = firstFactors(pool);
      if (!factors.known) return unknownFinding(pool, "sign_in_policy.allowed_first_auth_factors", factors);
      if (factors.value.every((factor) => factor === "WEB_AUTHN"))
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "passkeys are its only first factor: no password or code to guess" },
        };
      const trigger = pool.preAuthenticationTrigger;
      if (!trigger.known) return unknownFinding(pool, "lambda_config.pre_authentication", trigger);
      const evidence = [
        firstFactorEvidence(pool),
        evidenceOf("lambda_config.pre_authentication", trigger, evidenceOfTrigger),
      ];
      if (trigger.value === null)
        return {
          resource: pool,
          status: "FAIL",
          messageId: "missing",
          data: { factors: describeFirstFactors(factors) },
          evidence,
        };
      const glob = matchingGlob(trigger.value, context.options(pool).lockoutTriggers);
      if (!glob.known)
        return { ...unknownFinding(pool, "the pre_authentication trigger's function name", glob), evidence };
      const data = { trigger: triggerLabel(trigger.value) };
      return glob.value === null
        ? { resource: pool, status: "UNKNOWN", messageId: "unreviewed", data, evidence }
        : { resource: pool, status: "PASS", messageId: "pass", data: { ...data, glob: glob.value }, evidence };
    });
  },
});
