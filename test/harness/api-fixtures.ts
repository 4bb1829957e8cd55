// A small REST API for the api-* and mfa-on-sensitive-actions rules: routes by path and method,
// optionally behind a COGNITO_USER_POOLS authorizer of a given user pool.

import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer/index.js";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method/index.js";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource/index.js";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api/index.js";
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
      resourceId: this.resource(spec.path),
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
