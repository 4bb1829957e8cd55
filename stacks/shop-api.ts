// The SecureCart shop API (API Gateway REST API): routes proxied to the HTTP backend, protected by
// a COGNITO_USER_POOLS authorizer that requires the route's OAuth scopes; CORS preflight (OPTIONS)
// methods are answered by a MOCK integration without authorization.
import { Construct } from "constructs";
import { Fn } from "cdktf";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api/index.js";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource/index.js";
import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer/index.js";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method/index.js";
import { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration/index.js";
import { ApiGatewayMethodResponse } from "@cdktf/provider-aws/lib/api-gateway-method-response/index.js";
import { ApiGatewayIntegrationResponse } from "@cdktf/provider-aws/lib/api-gateway-integration-response/index.js";
import { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment/index.js";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage/index.js";
import type { ITerraformDependable } from "cdktf";
import type { ApiProfile, ApiRouteProfile } from "./shop-variant.js";

export interface ShopApiProps {
  readonly profile: ApiProfile;
  /** ARN of the user pool whose access tokens the authorizer accepts. */
  readonly userPoolArn: string;
  readonly allowedOrigin: string;
  readonly tags: Readonly<Record<string, string>>;
}

export class ShopApi extends Construct {
  readonly api: ApiGatewayRestApi;
  readonly authorizer: ApiGatewayAuthorizer;
  readonly stage: ApiGatewayStage;
  readonly methods: Readonly<Record<string, ApiGatewayMethod>>;
  private readonly resources = new Map<string, ApiGatewayResource>();

  constructor(scope: Construct, id: string, props: ShopApiProps) {
    super(scope, id);
    const p = props.profile;

    this.api = new ApiGatewayRestApi(this, "RestApi", {
      name: p.name,
      description: "SecureCart storefront API (orders, checkout, payment methods)",
      endpointConfiguration: { types: ["REGIONAL"] },
      tags: props.tags,
    });

    this.authorizer = new ApiGatewayAuthorizer(this, "CognitoAuthorizer", {
      name: "securecart-customers",
      restApiId: this.api.id,
      type: "COGNITO_USER_POOLS",
      providerArns: [props.userPoolArn],
      identitySource: "method.request.header.Authorization",
    });

    const methods: Record<string, ApiGatewayMethod> = {};
    const dependables: ITerraformDependable[] = [];
    const preflightPaths = new Set<string>();

    for (const route of p.routes) {
      const resource = this.resourceFor(route.path);
      const key = `${route.method} ${route.path}`;
      const method = this.addRoute(route, resource, p.backendUrl);
      methods[key] = method.method;
      dependables.push(method.method, method.integration);
      preflightPaths.add(route.path);
    }

    if (p.corsPreflight) {
      for (const path of preflightPaths) {
        const preflight = this.addPreflight(path, this.resourceFor(path), props.allowedOrigin);
        methods[`OPTIONS ${path}`] = preflight.method;
        dependables.push(preflight.method, preflight.integration, preflight.integrationResponse);
      }
    }
    this.methods = methods;

    const deployment = new ApiGatewayDeployment(this, "Deployment", {
      restApiId: this.api.id,
      description: `${p.name} deployment`,
      triggers: {
        redeployment: Fn.sha1(
          Fn.jsonencode([...this.resources.values()].map((r) => r.id).concat(Object.values(methods).map((m) => m.id))),
        ),
      },
      lifecycle: { createBeforeDestroy: true },
      dependsOn: dependables,
    });

    this.stage = new ApiGatewayStage(this, "Stage", {
      restApiId: this.api.id,
      deploymentId: deployment.id,
      stageName: p.stageName,
      xrayTracingEnabled: true,
      tags: props.tags,
    });
  }

  private resourceFor(path: string): ApiGatewayResource {
    const segments = path.split("/").filter((s) => s.length > 0);
    if (segments.length === 0) throw new Error("routes on the API root are not supported");
    let parentId = this.api.rootResourceId;
    let current = "";
    let resource: ApiGatewayResource | undefined;
    for (const segment of segments) {
      current += `/${segment}`;
      resource = this.resources.get(current);
      if (!resource) {
        resource = new ApiGatewayResource(this, `Resource${constructIdFor(current)}`, {
          restApiId: this.api.id,
          parentId,
          pathPart: segment,
        });
        this.resources.set(current, resource);
      }
      parentId = resource.id;
    }
    return resource as ApiGatewayResource;
  }

  private addRoute(route: ApiRouteProfile, resource: ApiGatewayResource, backendUrl: string) {
    const pathParams = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
    const id = `${route.method}${constructIdFor(route.path)}`;
    const authorized = route.authorization === "COGNITO_USER_POOLS";
    const method = new ApiGatewayMethod(this, `Method-${id}`, {
      restApiId: this.api.id,
      resourceId: resource.id,
      httpMethod: route.method,
      authorization: route.authorization,
      ...(authorized ? { authorizerId: this.authorizer.id } : {}),
      ...(authorized && route.scopes && route.scopes.length > 0 ? { authorizationScopes: [...route.scopes] } : {}),
      ...(pathParams.length > 0
        ? { requestParameters: Object.fromEntries(pathParams.map((n) => [`method.request.path.${n}`, true])) }
        : {}),
    });
    const integration = new ApiGatewayIntegration(this, `Integration-${id}`, {
      restApiId: this.api.id,
      resourceId: resource.id,
      httpMethod: method.httpMethod,
      type: "HTTP_PROXY",
      integrationHttpMethod: route.method,
      uri: `${backendUrl}${route.path}`,
      ...(pathParams.length > 0
        ? {
            requestParameters: Object.fromEntries(
              pathParams.map((n) => [`integration.request.path.${n}`, `method.request.path.${n}`]),
            ),
          }
        : {}),
    });
    return { method, integration };
  }

  private addPreflight(path: string, resource: ApiGatewayResource, allowedOrigin: string) {
    const id = `OPTIONS${constructIdFor(path)}`;
    const method = new ApiGatewayMethod(this, `Method-${id}`, {
      restApiId: this.api.id,
      resourceId: resource.id,
      httpMethod: "OPTIONS",
      authorization: "NONE",
    });
    const integration = new ApiGatewayIntegration(this, `Integration-${id}`, {
      restApiId: this.api.id,
      resourceId: resource.id,
      httpMethod: method.httpMethod,
      type: "MOCK",
      requestTemplates: { "application/json": '{"statusCode": 200}' },
    });
    const headers = ["Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"];
    const methodResponse = new ApiGatewayMethodResponse(this, `MethodResponse-${id}`, {
      restApiId: this.api.id,
      resourceId: resource.id,
      httpMethod: method.httpMethod,
      statusCode: "200",
      responseParameters: Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, true])),
    });
    const integrationResponse = new ApiGatewayIntegrationResponse(this, `IntegrationResponse-${id}`, {
      restApiId: this.api.id,
      resourceId: resource.id,
      httpMethod: method.httpMethod,
      statusCode: methodResponse.statusCode,
      responseParameters: {
        "method.response.header.Access-Control-Allow-Origin": `'${allowedOrigin}'`,
        "method.response.header.Access-Control-Allow-Methods": "'GET,POST,PUT,DELETE,OPTIONS'",
        "method.response.header.Access-Control-Allow-Headers": "'Authorization,Content-Type'",
      },
      dependsOn: [integration],
    });
    return { method, integration, integrationResponse };
  }
}

/** "/orders/{orderId}" -> "-orders-orderId" (construct ids may not contain "/" or braces). */
function constructIdFor(path: string): string {
  return path
    .split("/")
    .filter((s) => s.length > 0)
    .map((s) => `-${s.replace(/[{}]/g, "")}`)
    .join("");
}
