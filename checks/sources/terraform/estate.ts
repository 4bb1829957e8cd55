// Builds the Estate from Terraform resources of any configuration source (cdktf synth, plan, HCL):
// reads each resource kind, then resolves the links between them within one stack or plan.

import { readApiAuthorizer, readApiRoute, readLogDelivery, readWafAssociation } from "./api.js";
import type { TerraformResource } from "./attributes.js";
import { readApiStage, readHttpAuthorizer, readHttpRoute } from "./http-api.js";
import {
  readIdentityProvider,
  readResourceServer,
  readRiskConfiguration,
  readUserGroup,
  readUserPool,
  readUserPoolClient,
  readUserPoolDomain,
  readUserPoolUser,
} from "./cognito.js";
import { readIamRole, readIdentityPool, ResourceIndex } from "./iam.js";
import { ScopeLinks } from "./links.js";
import { logDeliveryExpressible } from "./provider-version.js";
import {
  emptyEstate,
  type Estate,
  type EstateCollections,
  type InputFile,
  type LoadDiagnostic,
  type ModelObject,
  type SourceKind,
  type Value,
} from "../../model/index.js";

/** One independently addressed set of resources: a cdktf stack, or the whole of a plan. */
export interface TerraformScope {
  /** The stack name; addresses are unique only within it. */
  readonly name?: string;
  readonly resources: readonly TerraformResource[];
  /** Version constraint or exact version of hashicorp/aws the configuration pins, when known. */
  readonly awsProviderVersion?: string;
}

export interface TerraformEstateInput {
  readonly source: SourceKind;
  readonly inputs: readonly InputFile[];
  readonly scopes: readonly TerraformScope[];
  readonly diagnostics?: readonly LoadDiagnostic[];
}

export function buildEstateFromTerraform(input: TerraformEstateInput): Estate {
  const estate = emptyEstate({
    source: input.source,
    inputs: [...input.inputs],
    scopes: input.scopes.map((scope) => scope.name).filter((name): name is string => name !== undefined),
    logDeliveryExpressible: logDeliveryOf(input.scopes),
    diagnostics: [...(input.diagnostics ?? [])],
  });
  for (const scope of input.scopes) addScope(estate, scope);
  return estate;
}

function addScope(estate: EstateCollections, scope: TerraformScope): void {
  const index = new ResourceIndex(scope.resources);
  const keyOf = (resource: TerraformResource) => (scope.name ? `${scope.name}/${resource.address}` : resource.address);
  const managed = (type: string) => index.ofType(type).filter((resource) => resource.mode === "managed");

  const links = new ScopeLinks();
  const add = <T extends ModelObject>(list: T[], object: T, resource: TerraformResource): void => {
    list.push(object);
    links.add(resource.address, object);
  };
  for (const resource of managed("aws_iam_role"))
    add(estate.iamRoles, readIamRole(resource, keyOf(resource), index), resource);
  for (const resource of managed("aws_cognito_user_pool"))
    add(estate.userPools, readUserPool(resource, keyOf(resource), index), resource);
  for (const resource of managed("aws_cognito_user_pool_client"))
    add(estate.userPoolClients, readUserPoolClient(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_cognito_user_pool_domain"))
    add(estate.userPoolDomains, readUserPoolDomain(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_cognito_user"))
    add(estate.userPoolUsers, readUserPoolUser(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_cognito_identity_provider"))
    add(estate.identityProviders, readIdentityProvider(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_cognito_user_group"))
    add(estate.userGroups, readUserGroup(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_cognito_resource_server"))
    add(estate.resourceServers, readResourceServer(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_cognito_risk_configuration"))
    add(estate.riskConfigurations, readRiskConfiguration(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_cognito_identity_pool"))
    add(estate.identityPools, readIdentityPool(resource, keyOf(resource), index, links), resource);
  for (const resource of managed("aws_api_gateway_authorizer"))
    add(estate.apiAuthorizers, readApiAuthorizer(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_apigatewayv2_authorizer"))
    add(estate.apiAuthorizers, readHttpAuthorizer(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_api_gateway_method"))
    add(estate.apiRoutes, readApiRoute(resource, keyOf(resource), index, links, keyOf), resource);
  for (const resource of managed("aws_apigatewayv2_route")) {
    const route = readHttpRoute(resource, keyOf(resource), index, links, keyOf);
    if (route) add(estate.apiRoutes, route, resource);
  }
  for (const resource of [...managed("aws_api_gateway_stage"), ...managed("aws_apigatewayv2_stage")]) {
    const stage = readApiStage(resource, keyOf(resource), index, keyOf);
    if (stage) add(estate.apiStages, stage, resource);
  }
  for (const resource of managed("aws_wafv2_web_acl_association"))
    add(estate.wafAssociations, readWafAssociation(resource, keyOf(resource), links), resource);
  for (const resource of managed("aws_cognito_log_delivery_configuration"))
    add(estate.logDeliveries, readLogDelivery(resource, keyOf(resource), index, links), resource);
}

function logDeliveryOf(scopes: readonly TerraformScope[]): Value<true> {
  const declared = scopes.some((scope) =>
    scope.resources.some((r) => r.type === "aws_cognito_log_delivery_configuration"),
  );
  const versions = scopes.map((scope) => scope.awsProviderVersion).filter((v): v is string => v !== undefined);
  return logDeliveryExpressible(versions, declared);
}
