// The SecureCart mobile API (API Gateway v2 HTTP API): routes proxied to the HTTP backend behind a JWT
// authorizer whose issuer is the consumer pool and whose audience is the mobile app client. WAF cannot
// be associated with an HTTP API, so api-waf-protection asks for the CloudFront distribution in front
// of a stage that serves a sensitive route.
import { Construct } from "constructs";
import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api/index.js";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer/index.js";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration/index.js";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route/index.js";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage/index.js";
import type { HttpApiProfile } from "./shop-variant.js";

export interface ShopHttpApiProps {
  readonly profile: HttpApiProfile;
  /** The user pool's endpoint (cognito-idp.<region>.amazonaws.com/<pool id>): the issuer is https://<endpoint>. */
  readonly userPoolEndpoint: string;
  /** App client ids whose tokens the authorizer accepts (the aud / client_id claim). */
  readonly audience: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

export class ShopHttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  readonly authorizer: Apigatewayv2Authorizer;
  readonly stage: Apigatewayv2Stage;

  constructor(scope: Construct, id: string, props: ShopHttpApiProps) {
    super(scope, id);
    const p = props.profile;
    this.api = new Apigatewayv2Api(this, "HttpApi", {
      name: p.name,
      protocolType: "HTTP",
      description: "SecureCart mobile API",
      tags: props.tags,
    });
    this.authorizer = new Apigatewayv2Authorizer(this, "JwtAuthorizer", {
      apiId: this.api.id,
      name: "securecart-mobile",
      authorizerType: "JWT",
      identitySources: ["$request.header.Authorization"],
      jwtConfiguration: { issuer: `https://${props.userPoolEndpoint}`, audience: [...props.audience] },
    });
    const integration = new Apigatewayv2Integration(this, "Backend", {
      apiId: this.api.id,
      integrationType: "HTTP_PROXY",
      integrationMethod: "ANY",
      integrationUri: `${p.backendUrl}/{proxy}`,
      payloadFormatVersion: "1.0",
    });
    for (const route of p.routes) {
      const jwt = route.authorization === "JWT";
      new Apigatewayv2Route(this, `Route-${route.routeKey.replace(/[^A-Za-z0-9]+/g, "-")}`, {
        apiId: this.api.id,
        routeKey: route.routeKey,
        target: `integrations/${integration.id}`,
        authorizationType: route.authorization,
        ...(jwt ? { authorizerId: this.authorizer.id } : {}),
        ...(jwt && route.scopes && route.scopes.length > 0 ? { authorizationScopes: [...route.scopes] } : {}),
      });
    }
    this.stage = new Apigatewayv2Stage(this, "Stage", {
      apiId: this.api.id,
      name: p.stageName,
      autoDeploy: true,
      tags: props.tags,
    });
  }
}
