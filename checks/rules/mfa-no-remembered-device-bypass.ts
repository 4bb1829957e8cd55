import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";
import { USER_POOL_FIELDS } from "../model/fields/index.js";
import { defaultNote } from "./utils/value-rule.js";

type MessageId = "pass" | "bypass";

const CHALLENGE = USER_POOL_FIELDS.deviceChallengeRequiredOnNewDevice.label;
const ON_PROMPT = USER_POOL_FIELDS.deviceOnlyRememberedOnUserPrompt.label;

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "mfa-no-remembered-device-bypass",
    title: "A remembered device does not stand in for the second factor (challenge_required_on_new_device not true)",
    description:
      "PCI DSS 8.5.1 requires that MFA cannot be bypassed by any users. With device_configuration.challenge_required_on_new_device true, a remembered device signs in with device authentication instead of the SMS or TOTP factor, so anyone holding the device's keys skips MFA. Applies to workforce and business-customer pools with MFA ON or OPTIONAL; MFA OFF and consumer pools are not applicable.",
    severity: "high",
    pci: [{ id: "8.5.1", relation: "meets" }],
    resourceKinds: ["UserPool"],
    messages: {
      pass: "{{resource}} has MFA {{mfa}} and does not let remembered devices skip it ({{attribute}} {{actual}}{{origin}})",
      bypass:
        "{{resource}} has MFA {{mfa}}, but with {{attribute}} true a remembered device signs in without the second factor",
    },
    remediation: {
      summary:
        "Leave device_configuration out, or set challenge_required_on_new_device to false, so every sign-in asks for the second factor.",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  mfaConfiguration: "ON",\n  deviceConfiguration: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: true },\n});`,
    },
  },
  check(estate, context) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      if (context.audience(pool).audience === "consumer")
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "8.5.1 does not apply to consumer accounts" },
        };
      const mfa = pool.mfaConfiguration;
      if (!mfa.known) return unknownFinding(pool, "mfa_configuration", mfa);
      if (mfa.value === "OFF")
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "MFA is OFF, so there is no second factor to skip (see mfa-required)" },
        };
      const challenge = pool.deviceChallengeRequiredOnNewDevice;
      if (!challenge.known) return unknownFinding(pool, CHALLENGE, challenge);
      const evidence = [
        evidenceOf("mfa_configuration", mfa),
        evidenceOf(CHALLENGE, challenge),
        evidenceOf(ON_PROMPT, pool.deviceOnlyRememberedOnUserPrompt),
      ];
      const data = { mfa: mfa.value, attribute: CHALLENGE };
      return challenge.value
        ? { resource: pool, status: "FAIL", messageId: "bypass", data, evidence }
        : {
            resource: pool,
            status: "PASS",
            messageId: "pass",
            data: { ...data, actual: String(challenge.value), origin: defaultNote(challenge) },
            evidence,
          };
    });
  },
});
