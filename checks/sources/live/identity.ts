// Identity pools of one region with their role bindings, and the IAM roles they (and user pool
// groups) hand out: one paginated GetAccountAuthorizationDetails instead of six calls per role,
// plus GetRole for the session duration it leaves out.

import {
  DescribeIdentityPoolCommand,
  GetIdentityPoolRolesCommand,
  ListIdentityPoolsCommand,
  type CognitoIdentityClient,
  type DescribeIdentityPoolCommandOutput,
  type GetIdentityPoolRolesCommandOutput,
} from "@aws-sdk/client-cognito-identity";
import {
  GetAccountAuthorizationDetailsCommand,
  GetRoleCommand,
  type IAMClient,
  type ManagedPolicyDetail,
  type RoleDetail,
} from "@aws-sdk/client-iam";
import { readPolicyString } from "../policy-document.js";
import type { LiveReads } from "./read.js";
import { IAM_ROLE_FIELDS, IDENTITY_POOL_FIELDS } from "../../model/fields/index.js";
import {
  known,
  literalTerm,
  mapValue,
  unknown,
  type AttachedPolicy,
  type IamRole,
  type IdentityPool,
  type IdentityPoolProvider,
  type PolicyDocument,
  type UserPool,
  type UserPoolClient,
  type Value,
} from "../../model/index.js";
import { fieldsFromApi } from "./fields.js";

export interface LiveIdentityPool {
  readonly id: string;
  readonly name: string | undefined;
  readonly region: string;
  readonly described: Value<DescribeIdentityPoolCommandOutput>;
  readonly roles: Value<GetIdentityPoolRolesCommandOutput>;
}

export async function readIdentityPools(
  client: CognitoIdentityClient,
  region: string,
  reads: LiveReads,
): Promise<{ pools: LiveIdentityPool[]; listFailure?: string }> {
  const listed = await reads.paginate(
    `identity pools of ${region}`,
    "ListIdentityPools",
    "",
    (NextToken, o) => client.send(new ListIdentityPoolsCommand({ MaxResults: 60, NextToken }), o),
    (p) => p.IdentityPools,
    (p) => p.NextToken,
  );
  if (!listed.known) return { pools: [], listFailure: listed.reason };
  const summaries = listed.value.filter((summary) => summary.IdentityPoolId);
  // Forks in listing order keep the diagnostics in that order, whichever pool finishes first.
  const forks = summaries.map(() => [reads.fork(), reads.fork()] as const);
  const pools = summaries.map(async (summary, i): Promise<LiveIdentityPool> => {
    const id = summary.IdentityPoolId!;
    const [onPool, onRoles] = forks[i]!;
    reads.progress({ kind: "identity-pool", name: summary.IdentityPoolName ?? id });
    const [described, roles] = await Promise.all([
      onPool.read(
        `identity pool ${id}`,
        "DescribeIdentityPool",
        "",
        (o) => client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }), o),
        { required: (d) => (d.IdentityPoolId ? undefined : "IdentityPoolId") },
      ),
      onRoles.read(`roles of identity pool ${id}`, "GetIdentityPoolRoles", "", (o) =>
        client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }), o),
      ),
    ]);
    return { id, name: summary.IdentityPoolName, region, described, roles };
  });
  return { pools: await Promise.all(pools) };
}

/** IAM documents come URL-encoded from most IAM reads, and raw from some emulators. */
export function decodePolicyDocument(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) return trimmed;
  try {
    return decodeURIComponent(trimmed.replace(/\+/g, "%20"));
  } catch {
    return trimmed;
  }
}

function documentOf(text: string | undefined, what: string): Value<PolicyDocument> {
  if (text === undefined) return unknown(`${what} has no document`);
  const source = readPolicyString(decodePolicyDocument(text), "literal");
  return source.kind === "document" ? source.document : unknown(`${what} is not a policy document`);
}

const AWS_MANAGED = /^arn:aws[\w-]*:iam::aws:policy\/(.+)$/;

/** Reads the roles with these ARNs; a role that cannot be read has unknown trust and policies with the reason. */
export async function readRoles(
  iam: IAMClient,
  arns: ReadonlySet<string>,
  reads: LiveReads,
): Promise<Map<string, IamRole>> {
  const roles = new Map<string, IamRole>();
  if (arns.size === 0) return roles;
  reads.progress({ kind: "roles", name: `${arns.size} role${arns.size === 1 ? "" : "s"}` });
  type Page = { roles: RoleDetail[]; policies: ManagedPolicyDetail[] };
  const details = await reads.paginate<
    { RoleDetailList?: RoleDetail[]; Policies?: ManagedPolicyDetail[]; IsTruncated?: boolean; Marker?: string },
    Page
  >(
    "IAM roles and policies (GetAccountAuthorizationDetails)",
    "Default",
    "iam",
    (Marker, o) =>
      iam.send(
        new GetAccountAuthorizationDetailsCommand({ Filter: ["Role", "LocalManagedPolicy"], Marker, MaxItems: 1000 }),
        o,
      ),
    (page) => [{ roles: page.RoleDetailList ?? [], policies: page.Policies ?? [] }],
    (page) => (page.IsTruncated ? page.Marker : undefined),
  );
  const roleDetails = new Map<string, RoleDetail>();
  const managed = new Map<string, ManagedPolicyDetail>();
  if (details.known) {
    for (const page of details.value) {
      for (const role of page.roles) if (role.Arn) roleDetails.set(role.Arn, role);
      for (const policy of page.policies) if (policy.Arn) managed.set(policy.Arn, policy);
    }
  }
  // GetRole only for MaxSessionDuration and Description, which GetAccountAuthorizationDetails leaves out and
  // identity-role-session-duration and no-plaintext-secrets read for every bound role (and only bound roles
  // are read): once per ARN.
  const sorted = [...arns].sort();
  const forks = sorted.map(() => reads.fork());
  const read = await Promise.all(
    sorted.map(async (arn, i): Promise<IamRole> => {
      const name = arn.slice(arn.lastIndexOf("/") + 1);
      const base = {
        kind: "IamRole" as const,
        key: arn,
        name: known(name),
        provenance: { source: "live" as const, arn },
        arn: known(arn),
      };
      if (!details.known)
        return {
          ...base,
          trustPolicy: details,
          maxSessionDurationSeconds: details,
          description: details,
          policies: details,
        };
      const detail = roleDetails.get(arn);
      if (!detail) {
        const missing = unknown(`role ${arn} does not exist in the account`);
        return {
          ...base,
          trustPolicy: missing,
          maxSessionDurationSeconds: missing,
          description: missing,
          policies: missing,
        };
      }
      const role = await forks[i]!.read(`role ${name}`, "Default", "iam", (o) =>
        iam.send(new GetRoleCommand({ RoleName: detail.RoleName }), o),
      );
      return {
        ...base,
        name: known(detail.RoleName ?? name),
        trustPolicy: documentOf(detail.AssumeRolePolicyDocument, `the trust policy of ${name}`),
        ...fieldsFromApi(role, IAM_ROLE_FIELDS),
        policies: known(attachedPolicies(detail, managed, base.provenance)),
      };
    }),
  );
  for (const role of read) roles.set(role.key, role);
  return roles;
}

function attachedPolicies(
  detail: RoleDetail,
  managed: ReadonlyMap<string, ManagedPolicyDetail>,
  provenance: IamRole["provenance"],
): AttachedPolicy[] {
  const inline: AttachedPolicy[] = (detail.RolePolicyList ?? []).map((p) => ({
    kind: "inline",
    name: known(p.PolicyName ?? ""),
    document: documentOf(p.PolicyDocument, `inline policy ${p.PolicyName ?? ""}`),
    provenance,
  }));
  const attached: AttachedPolicy[] = (detail.AttachedManagedPolicies ?? []).map((p) => {
    const arn = p.PolicyArn ?? "";
    const awsManaged = AWS_MANAGED.exec(arn);
    if (awsManaged) {
      const name = awsManaged[1]!.split("/").pop() ?? awsManaged[1]!;
      return {
        kind: "aws-managed",
        name: known(name),
        arn,
        document: unknown(`the document of AWS-managed policy ${name} is not read`),
        provenance,
      };
    }
    const policy = managed.get(arn);
    const version =
      policy?.PolicyVersionList?.find((v) => v.IsDefaultVersion) ??
      policy?.PolicyVersionList?.find((v) => v.VersionId === policy?.DefaultVersionId);
    return {
      kind: "customer-managed",
      name: known(p.PolicyName ?? arn),
      document: policy
        ? documentOf(version?.Document, `policy ${p.PolicyName ?? arn}`)
        : unknown(`policy ${arn} was not returned by GetAccountAuthorizationDetails`),
      provenance,
    };
  });
  return [...inline, ...attached];
}

export function roleArnsOf(pool: LiveIdentityPool): string[] {
  if (!pool.roles.known) return [];
  const out = Object.values(pool.roles.value.Roles ?? {});
  for (const mapping of Object.values(pool.roles.value.RoleMappings ?? {}))
    for (const rule of mapping.RulesConfiguration?.Rules ?? []) if (rule.RoleARN) out.push(rule.RoleARN);
  return out;
}

export function identityPoolFromApi(
  pool: LiveIdentityPool,
  poolsById: ReadonlyMap<string, UserPool>,
  clientsById: ReadonlyMap<string, UserPoolClient>,
  roles: ReadonlyMap<string, IamRole>,
): IdentityPool {
  const d = pool.described;
  const from = <T>(read: (v: DescribeIdentityPoolCommandOutput) => T) => mapValue(d, read);
  const binding = (arn: string | undefined) =>
    arn ? { roleRef: literalTerm(arn), ...(roles.get(arn) ? { role: roles.get(arn)! } : {}) } : null;
  return {
    kind: "IdentityPool",
    key: `${pool.region}/${pool.id}`,
    name: d.known ? known(d.value.IdentityPoolName ?? pool.name ?? pool.id) : pool.name ? known(pool.name) : d,
    provenance: { source: "live", arn: `arn:aws:cognito-identity:${pool.region}::identitypool/${pool.id}` },
    id: known(pool.id),
    tags: from((v) => v.IdentityPoolTags ?? {}),
    ...fieldsFromApi(d, IDENTITY_POOL_FIELDS),
    providers: from((v) =>
      (v.CognitoIdentityProviders ?? []).map((p): IdentityPoolProvider => {
        const userPool = poolsById.get((p.ProviderName ?? "").slice((p.ProviderName ?? "").lastIndexOf("/") + 1));
        const client = clientsById.get(p.ClientId ?? "");
        return {
          clientIdRef: literalTerm(p.ClientId ?? ""),
          providerNameRef: literalTerm(p.ProviderName ?? ""),
          ...(client ? { client } : {}),
          ...(userPool ? { userPool } : {}),
          serverSideTokenCheck: p.ServerSideTokenCheck ?? false,
        };
      }),
    ),
    roles: mapValue(pool.roles, (r) => ({
      authenticated: binding(r.Roles?.authenticated),
      unauthenticated: binding(r.Roles?.unauthenticated),
      unslotted: [],
      mappings: Object.entries(r.RoleMappings ?? {}).map(([provider, mapping]) => ({
        identityProvider: literalTerm(provider),
        type: mapping.Type ?? "",
        ambiguousRoleResolution: known(
          mapping.AmbiguousRoleResolution ?? null,
          mapping.AmbiguousRoleResolution ? "configured" : "default",
        ),
        rules: (mapping.RulesConfiguration?.Rules ?? []).map((rule) => ({
          claim: rule.Claim ?? "",
          matchType: rule.MatchType ?? "",
          value: rule.Value ?? "",
          roleRef: literalTerm(rule.RoleARN ?? ""),
          ...(rule.RoleARN && roles.get(rule.RoleARN) ? { role: roles.get(rule.RoleARN)! } : {}),
        })),
      })),
    })),
  };
}
