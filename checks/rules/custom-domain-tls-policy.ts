import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "weakPolicy";

export default defineRule<{ allowedPolicies: string[] }, MessageId>({
  meta: {
    id: "custom-domain-tls-policy",
    title: "Custom domains of user pools accept TLS 1.2 or later only (TLS_V1_2_2021 or TLS_V1_3_2025)",
    description:
      "A user pool's custom domain serves managed login and the OAuth endpoints through CloudFront, with the TLS security policy the domain names. TLS_V1 lets a client fall back to TLS 1.0, whose ciphers no longer protect passwords and tokens in transit (PCI DSS 8.3.2: strong cryptography for authentication factors in transmission). No Terraform attribute sets or shows the policy, so only the live scan judges it (DescribeUserPoolDomain CustomDomainConfig.SecurityPolicy); prefix domains on amazoncognito.com use AWS's own policy.",
    severity: "high",
    pci: [{ id: "8.3.2", relation: "meets", audiences: ["workforce"] }],
    sources: [SOURCES.cloudFrontViewerTls],
    resourceKinds: ["UserPoolDomain"],
    judgedBy: {
      sources: ["live"],
      reason: "a custom domain's TLS security policy (CustomDomainConfig.SecurityPolicy) has no Terraform attribute",
    },
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          allowedPolicies: {
            type: "array",
            minItems: 1,
            uniqueItems: true,
            items: { type: "string", enum: ["TLS_V1", "TLS_V1_2_2021", "TLS_V1_3_2025"] },
            description: "Security policies a custom domain may use.",
          },
        },
      },
      defaults: { allowedPolicies: ["TLS_V1_2_2021", "TLS_V1_3_2025"] },
    },
    messages: {
      pass: "{{resource}} uses security policy {{policy}}",
      weakPolicy:
        "{{resource}} uses security policy {{policy}}, which accepts TLS versions before 1.2; use {{allowed}}",
    },
    remediation: {
      summary:
        "Set the custom domain's security policy to TLS_V1_2_2021 (or TLS_V1_3_2025 where every client supports TLS 1.3): aws cognito-idp update-user-pool-domain --domain auth.example.com --user-pool-id <pool> --custom-domain-config CertificateArn=<acm arn>,SecurityPolicy=TLS_V1_2_2021 (no Terraform attribute exists yet).",
      cdktf: `// No provider attribute sets the security policy: run UpdateUserPoolDomain after deploy, e.g. from a\n// LocalExec provisioner or the pipeline.\n// aws cognito-idp update-user-pool-domain --domain auth.example.com --user-pool-id \${pool.id} \\\n//   --custom-domain-config CertificateArn=\${certificate.arn},SecurityPolicy=TLS_V1_2_2021`,
    },
  },
  check(estate, context) {
    // Judged only live: a configuration source cannot know the policy (RULES.md: not an UNKNOWN per resource).
    if (estate.source !== "live") return [];
    return estate.userPoolDomains.map((domain): Finding<MessageId> => {
      if (!domain.customDomain.known) return unknownFinding(domain, "custom domain", domain.customDomain);
      if (!domain.customDomain.value)
        return {
          resource: domain,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "a prefix domain on amazoncognito.com, whose TLS policy AWS sets" },
        };
      const policy = domain.securityPolicy;
      if (!policy.known) return unknownFinding(domain, "CustomDomainConfig.SecurityPolicy", policy);
      const allowed = context.options(domain).allowedPolicies;
      const evidence = [{ attribute: "CustomDomainConfig.SecurityPolicy", value: policy.value ?? "none" }];
      if (policy.value !== null && allowed.includes(policy.value))
        return { resource: domain, status: "PASS", messageId: "pass", data: { policy: policy.value }, evidence };
      return {
        resource: domain,
        status: "FAIL",
        messageId: "weakPolicy",
        data: { policy: policy.value ?? "none", allowed: allowed.join(" or ") },
        evidence,
      };
    });
  },
});
