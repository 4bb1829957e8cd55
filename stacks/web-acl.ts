// A regional WAFv2 web ACL (AWS managed rule groups + a per-IP rate limit) and its associations
// with the resources a variant names: user pools (their hosted/managed login and auth APIs) and
// the API Gateway stage.
import { Construct } from "constructs";
import { Wafv2WebAcl, type Wafv2WebAclRule } from "@cdktf/provider-aws/lib/wafv2-web-acl/index.js";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association/index.js";
import type { WafProfile, WafTarget } from "./shop-variant.js";

export interface ShopWebAclProps {
  readonly profile: WafProfile;
  /** ARN of each resource the profile may name. */
  readonly targets: Readonly<Record<WafTarget, string>>;
  readonly tags: Readonly<Record<string, string>>;
}

const MANAGED_RULE_GROUPS = [
  "AWSManagedRulesAmazonIpReputationList",
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
] as const;

export class ShopWebAcl extends Construct {
  readonly webAcl: Wafv2WebAcl;
  readonly associations: Readonly<Partial<Record<WafTarget, Wafv2WebAclAssociation>>>;

  constructor(scope: Construct, id: string, props: ShopWebAclProps) {
    super(scope, id);
    const p = props.profile;

    const visibility = (metricName: string) => ({
      cloudwatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });

    // The provider binding types `statement` as any: it is passed through as snake_case JSON.
    const rules: Wafv2WebAclRule[] = [
      {
        name: "per-ip-rate-limit",
        priority: 0,
        action: { block: {} },
        statement: { rate_based_statement: { limit: p.rateLimit, aggregate_key_type: "IP" } },
        visibilityConfig: visibility(`${p.name}-rate-limit`),
      },
      ...MANAGED_RULE_GROUPS.map((group, i) => ({
        name: group,
        priority: i + 1,
        overrideAction: { none: {} },
        statement: { managed_rule_group_statement: { name: group, vendor_name: "AWS" } },
        visibilityConfig: visibility(`${p.name}-${group}`),
      })),
    ];

    this.webAcl = new Wafv2WebAcl(this, "WebAcl", {
      name: p.name,
      description: "SecureCart sign-in and API protection",
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      rule: rules,
      visibilityConfig: visibility(p.name),
      tags: props.tags,
    });

    const associations: Partial<Record<WafTarget, Wafv2WebAclAssociation>> = {};
    for (const target of p.associateWith) {
      associations[target] = new Wafv2WebAclAssociation(this, `Association-${target}`, {
        resourceArn: props.targets[target],
        webAclArn: this.webAcl.arn,
      });
    }
    this.associations = associations;
  }
}
