import { isLiteral, type ApiRoute, type ApiStage, type Term, type WafAssociation } from "../model/index.js";
import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";
import {
  DEFAULT_SENSITIVE_ROUTES,
  SENSITIVE_ROUTES_SCHEMA,
  sensitivityOf,
  type SensitiveRoute,
} from "./utils/api-routes.js";

type Options = { sensitiveRoutes: SensitiveRoute[] };

type MessageId = "pass" | "missing" | "httpApi" | "unresolvedApi" | "unresolvedAssociation";

/** Whether an association whose target is not resolved could still be an API Gateway stage. */
function mayTargetStage(ref: Term): boolean {
  if (isLiteral(ref)) return /\/restapis\/[^/]+\/stages\//.test(ref.text);
  if (ref.exactRef)
    return (
      /^(var|local|data|module)\./.test(ref.exactRef.address) ||
      ref.exactRef.address.startsWith("aws_api_gateway_stage.")
    );
  return true;
}

export default defineRule<Options, MessageId>({
  meta: {
    id: "api-waf-protection",
    title: "API stages that serve sensitive routes are protected by a WAFv2 web ACL",
    description:
      "Checkout, payment-method and order routes are where card-testing and credential-stuffing traffic lands. Each deployed REST API stage that serves a route of the policy's sensitive routes must have a WAFv2 web ACL associated. WAF cannot be associated with an HTTP API (API Gateway v2), so an HTTP API stage serving a sensitive route is UNKNOWN until the CloudFront distribution in front of it is verified to carry a web ACL.",
    severity: "medium",
    pci: [{ id: "6.4.2", relation: "meets" }],
    resourceKinds: ["ApiStage"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: { sensitiveRoutes: SENSITIVE_ROUTES_SCHEMA },
      },
      defaults: { sensitiveRoutes: DEFAULT_SENSITIVE_ROUTES },
    },
    messages: {
      pass: "{{resource}} serves {{route}} and is protected by web ACL {{webAcl}}",
      missing: "{{resource}} serves sensitive route {{route}}, and no WAFv2 web ACL is associated with the stage",
      httpApi:
        "{{resource}} is an HTTP API stage serving sensitive route {{route}}; WAF cannot be associated with HTTP APIs: verify the CloudFront distribution in front of it carries a web ACL",
      unresolvedApi: "{{resource}}: the API of this stage is not in this configuration ({{reason}})",
      unresolvedAssociation:
        "{{resource}} serves sensitive route {{route}} and has no WAF association of its own, and {{association}} targets {{target}}, which may or may not be this stage",
    },
    remediation: {
      summary:
        "Associate a regional WAFv2 web ACL (rate-based rule, AWS managed rule groups) with the REST API stage; put an HTTP API behind a CloudFront distribution with a web ACL, or move the sensitive routes to a REST API.",
      cdktf: `new Wafv2WebAclAssociation(this, "ApiWaf", {\n  resourceArn: stage.arn,\n  webAclArn: webAcl.arn,\n});`,
    },
  },
  check(estate, context) {
    const routesByApi = new Map<string, ApiRoute[]>();
    const orphanRoutes: ApiRoute[] = [];
    for (const route of estate.apiRoutes) {
      if (!route.apiKey.known) orphanRoutes.push(route);
      else routesByApi.set(route.apiKey.value, [...(routesByApi.get(route.apiKey.value) ?? []), route]);
    }
    const byStage = new Map<ApiStage, WafAssociation>();
    for (const association of estate.wafAssociations)
      if (association.apiStage && !byStage.has(association.apiStage)) byStage.set(association.apiStage, association);
    const unresolved = estate.wafAssociations.find((a) => !a.apiStage && !a.userPool && mayTargetStage(a.resourceRef));
    return estate.apiStages.map((stage): Finding<MessageId> => {
      if (!stage.apiKey.known)
        return {
          resource: stage,
          status: "UNKNOWN",
          messageId: "unresolvedApi",
          data: { reason: stage.apiKey.reason },
        };
      const options = context.options(stage);
      const routes = routesByApi.get(stage.apiKey.value) ?? [];
      // The first sensitive route by method and path, so the message does not depend on the order routes were read in.
      let sensitive: string | undefined;
      for (const route of routes) {
        const sensitivity = sensitivityOf(route, options.sensitiveRoutes);
        if (sensitivity.kind === "unknown")
          return unknownFinding(
            stage,
            `${route.name.known ? route.name.value : route.key} ${sensitivity.attribute}`,
            sensitivity.value,
          );
        const served = sensitivity.kind === "sensitive" ? `${sensitivity.method} ${sensitivity.path}` : undefined;
        if (served !== undefined && (sensitive === undefined || served < sensitive)) sensitive = served;
      }
      if (sensitive === undefined) {
        // A route whose API is not resolved may belong to this stage's API.
        const orphan = orphanRoutes.find((r) => sensitivityOf(r, options.sensitiveRoutes).kind !== "not-sensitive");
        if (orphan && !orphan.apiKey.known)
          return unknownFinding(
            stage,
            `API of route ${orphan.name.known ? orphan.name.value : orphan.key}`,
            orphan.apiKey,
          );
        return {
          resource: stage,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "the stage serves none of the policy's sensitive routes" },
        };
      }
      const data = { route: sensitive };
      if (stage.protocol === "HTTP") return { resource: stage, status: "UNKNOWN", messageId: "httpApi", data };
      const association = byStage.get(stage);
      if (association && !association.exists.known)
        return unknownFinding(stage, "web ACL association", association.exists);
      if (association)
        return {
          resource: stage,
          status: "PASS",
          messageId: "pass",
          data: { ...data, webAcl: association.webAclRef.text },
          evidence: [{ attribute: "web ACL", value: association.provenance.address ?? association.webAclRef.text }],
        };
      if (unresolved)
        return {
          resource: stage,
          status: "UNKNOWN",
          messageId: "unresolvedAssociation",
          data: {
            ...data,
            association: unresolved.provenance.address ?? unresolved.key,
            target: unresolved.resourceRef.text,
          },
        };
      return { resource: stage, status: "FAIL", messageId: "missing", data };
    });
  },
});
