import { defineRule, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

type MessageId = "pass" | "notConfigured" | "open";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "open-client-registration-disabled",
    title: "Dynamic client registration is not open to machine-to-machine clients",
    description:
      "With open dynamic client registration, anyone can register an app client at the pool domain's /oauth2/register endpoint without a token; with client_credentials among OpenDcrGrantTypes, such a client gets machine-to-machine access tokens for the pool's resource servers: a system account created by an unknown party (PCI DSS 8.6.1, 7.2.5). The rule passes when the pool has no DCR configuration, registration is disabled, OpenDcrEnabled is false, or OpenDcrGrantTypes leaves client_credentials out (absent: code only). DcrConfiguration has no Terraform attribute: only the live scan can judge it.",
    severity: "high",
    pci: [
      { id: "8.6.1", relation: "supports" },
      { id: "7.2.5", relation: "supports" },
    ],
    resourceKinds: ["UserPool"],
    judgedBy: {
      sources: ["live"],
      reason: "the dynamic client registration configuration (DcrConfiguration) has no Terraform attribute",
    },
    messages: {
      pass: "{{resource}} does not let unauthenticated callers register machine-to-machine clients ({{why}})",
      notConfigured: "{{resource}} has no dynamic client registration configuration",
      open: "{{resource}} has open dynamic client registration with client_credentials: anyone can register a machine-to-machine client without a token",
    },
    remediation: {
      summary:
        "UpdateUserPool with DcrConfiguration OpenDcrEnabled false (or OpenDcrGrantTypes without client_credentials); register machine-to-machine clients through authenticated registration or the API.",
      cdktf: `// No Terraform attribute exists:\n// aws cognito-idp update-user-pool --user-pool-id <pool> ... --dcr-configuration OpenDcrEnabled=false`,
    },
  },
  check(estate) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const dcr = pool.dcrConfiguration;
      if (!dcr.known) return unknownFinding(pool, "DcrConfiguration", dcr);
      if (dcr.value === null)
        return {
          resource: pool,
          status: "PASS",
          messageId: "notConfigured",
          evidence: [{ attribute: "DcrConfiguration", value: "not configured" }],
        };
      const { enabled, openEnabled, openGrantTypes } = dcr.value;
      const evidence = [
        { attribute: "DcrConfiguration.EnableStatus", value: enabled ? "Enabled" : "Disabled" },
        { attribute: "DcrConfiguration.OpenDcrEnabled", value: String(openEnabled) },
        { attribute: "DcrConfiguration.OpenDcrGrantTypes", value: openGrantTypes.join(", ") || "none" },
      ];
      const why = !enabled
        ? "registration is disabled"
        : !openEnabled
          ? "open registration is off"
          : !openGrantTypes.includes("client_credentials")
            ? `open registration grants only ${openGrantTypes.join(", ") || "nothing"}`
            : undefined;
      return why
        ? { resource: pool, status: "PASS", messageId: "pass", data: { why }, evidence }
        : { resource: pool, status: "FAIL", messageId: "open", evidence };
    });
  },
});
