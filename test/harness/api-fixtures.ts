// Small APIs for the api-* and mfa-on-sensitive-actions rules: a REST API with routes by path and
// method, optionally behind a COGNITO_USER_POOLS authorizer of a given user pool, and an HTTP API with
// routes by route key behind a JWT authorizer whose issuer is a pool (or any URL); stages of both.

import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api/index.js";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer/index.js";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route/index.js";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage/index.js";
import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer/index.js";
import { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment/index.js";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method/index.js";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource/index.js";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api/index.js";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage/index.js";
import type { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import type { Construct } from "constructs";

export interface RouteSpec {
  /** Construct id, and so the method's address: aws_api_gateway_method.<id>. */
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly scopes?: readonly string[];
  /** Override the authorizer type (default COGNITO_USER_POOLS). */
  readonly authorizerType?: string;
  /** A resource id given as is (a variable, another state's output) instead of the resource of `path`. */
  readonly resourceId?: string;
}

export class TestApi {
  readonly api: ApiGatewayRestApi;
  private readonly resources = new Map<string, ApiGatewayResource>();
  private authorizer?: ApiGatewayAuthorizer;

  constructor(
    private readonly scope: Construct,
    name: string,
    private readonly pool?: CognitoUserPool | string,
  ) {
    this.api = new ApiGatewayRestApi(scope, name, { name });
  }

  route(spec: RouteSpec): ApiGatewayMethod {
    const authorization = spec.authorization ?? "COGNITO_USER_POOLS";
    const usesAuthorizer = authorization === "COGNITO_USER_POOLS" || authorization === "CUSTOM";
    return new ApiGatewayMethod(this.scope, spec.id, {
      restApiId: this.api.id,
      resourceId: spec.resourceId ?? this.resource(spec.path),
      httpMethod: spec.method,
      authorization,
      ...(usesAuthorizer ? { authorizerId: this.authorizerFor(spec.authorizerType ?? "COGNITO_USER_POOLS").id } : {}),
      ...(spec.scopes ? { authorizationScopes: [...spec.scopes] } : {}),
    });
  }

  private authorizerFor(type: string): ApiGatewayAuthorizer {
    if (!this.authorizer) {
      const providerArn = typeof this.pool === "string" ? this.pool : this.pool?.arn;
      this.authorizer = new ApiGatewayAuthorizer(this.scope, `${this.api.friendlyUniqueId}-authorizer`, {
        name: "users",
        restApiId: this.api.id,
        type,
        ...(type === "COGNITO_USER_POOLS" && providerArn ? { providerArns: [providerArn] } : {}),
        ...(type !== "COGNITO_USER_POOLS"
          ? {
              authorizerUri:
                "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:auth/invocations",
            }
          : {}),
      });
    }
    return this.authorizer;
  }

  private resource(path: string): string {
    let parent = this.api.rootResourceId;
    let current = "";
    for (const part of path.split("/").filter((p) => p.length > 0)) {
      current += `/${part}`;
      let resource = this.resources.get(current);
      if (!resource) {
        resource = new ApiGatewayResource(this.scope, `${this.api.friendlyUniqueId}${current.replace(/[/{}]/g, "-")}`, {
          restApiId: this.api.id,
          parentId: parent,
          pathPart: part,
        });
        this.resources.set(current, resource);
      }
      parent = resource.id;
    }
    return parent;
  }
}

export interface HttpRouteSpec {
  /** Construct id, and so the route's address: aws_apigatewayv2_route.<id>. */
  readonly id: string;
  /** "GET /orders", "ANY /orders/{proxy+}" or "$default". */
  readonly routeKey: string;
  /** JWT (the default, through the API's JWT authorizer), NONE, AWS_IAM or CUSTOM. */
  readonly authorization?: string;
  readonly scopes?: readonly string[];
}

/** Where an HTTP API's JWT authorizer takes its tokens from: a pool of the stack, or an issuer URL as written. */
export type JwtIssuer = CognitoUserPool | string;

/** A small HTTP API (API Gateway v2) with one JWT authorizer, for the same rules. */
export class TestHttpApi {
  readonly api: Apigatewayv2Api;
  private authorizer?: Apigatewayv2Authorizer;

  constructor(
    private readonly scope: Construct,
    name: string,
    private readonly issuer?: JwtIssuer,
    private readonly audience: readonly string[] = ["client-id"],
  ) {
    this.api = new Apigatewayv2Api(scope, name, { name, protocolType: "HTTP" });
  }

  route(spec: HttpRouteSpec): Apigatewayv2Route {
    const authorization = spec.authorization ?? "JWT";
    return new Apigatewayv2Route(this.scope, spec.id, {
      apiId: this.api.id,
      routeKey: spec.routeKey,
      authorizationType: authorization,
      ...(authorization === "JWT" ? { authorizerId: this.jwtAuthorizer().id } : {}),
      ...(spec.scopes ? { authorizationScopes: [...spec.scopes] } : {}),
    });
  }

  stage(id: string, name = "prod"): Apigatewayv2Stage {
    return new Apigatewayv2Stage(this.scope, id, { apiId: this.api.id, name, autoDeploy: true });
  }

  private jwtAuthorizer(): Apigatewayv2Authorizer {
    this.authorizer ??= new Apigatewayv2Authorizer(this.scope, `${this.api.friendlyUniqueId}-jwt`, {
      apiId: this.api.id,
      name: "users",
      authorizerType: "JWT",
      identitySources: ["$request.header.Authorization"],
      jwtConfiguration: {
        issuer:
          typeof this.issuer === "string"
            ? this.issuer
            : `https://cognito-idp.eu-west-1.amazonaws.com/${this.issuer?.id ?? "eu-west-1_unknown"}`,
        audience: [...this.audience],
      },
    });
    return this.authorizer;
  }
}

/** A deployed stage of a REST API (a deployment and its stage). */
export function restStage(scope: Construct, id: string, api: TestApi, dependsOn: ApiGatewayMethod[]): ApiGatewayStage {
  const deployment = new ApiGatewayDeployment(scope, `${id}-deployment`, { restApiId: api.api.id, dependsOn });
  return new ApiGatewayStage(scope, id, { restApiId: api.api.id, deploymentId: deployment.id, stageName: "prod" });
}
