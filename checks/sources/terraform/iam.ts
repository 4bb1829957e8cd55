// IAM roles and Cognito identity pools of a Terraform configuration or plan. A role's effective
// policies are gathered from inline_policy blocks, aws_iam_role_policy, customer-managed policies
// attached by aws_iam_role_policy_attachment / aws_iam_policy_attachment / managed_policy_arns,
// and AWS-managed policies (by name).

import { IAM_ROLE_FIELDS, IDENTITY_POOL_FIELDS } from "../../model/fields/index.js";
import { readFields } from "./fields.js";
import { policyDocumentFromDataSource, readPolicyString, rebasePolicyDocument } from "../policy-document.js";
import { Attributes, expressionValue, type TerraformResource } from "./attributes.js";
import {
  isLiteral,
  known,
  literalTerm,
  unknown,
  type AttachedPolicy,
  type IamRole,
  type IdentityPool,
  type IdentityPoolProvider,
  type IdentityPoolRoles,
  type PolicyDocument,
  type RoleMapping,
  type RoleSlot,
  type Term,
  type UserPool,
  type UserPoolClient,
  type Value,
} from "../../model/index.js";

/** The list attributes of aws_iam_policy_document, read element by element from a plan's references. */
const POLICY_DOCUMENT_LISTS: ReadonlySet<string> = new Set([
  "actions",
  "not_actions",
  "resources",
  "not_resources",
  "identifiers",
  "values",
]);

const AWS_MANAGED_PREFIX = /^arn:aws[\w-]*:iam::aws:policy\/(.+)$/;

/** The resources of one stack or module tree, indexed once by address and by type. */
export class ResourceIndex {
  private readonly byAddress = new Map<string, TerraformResource>();
  private readonly byType = new Map<string, TerraformResource[]>();

  constructor(resources: readonly TerraformResource[]) {
    for (const resource of resources) {
      this.byAddress.set(resource.address, resource);
      const list = this.byType.get(resource.type) ?? [];
      list.push(resource);
      this.byType.set(resource.type, list);
    }
  }

  get(address: string): TerraformResource | undefined {
    return this.byAddress.get(address);
  }

  ofType(type: string): readonly TerraformResource[] {
    return this.byType.get(type) ?? [];
  }
}

/**
 * The policy document of attribute `field` of `attrs` (a resource or one of its blocks, owned by
 * `owner`). In a plan, a policy unknown until apply is read from its configuration expression (for
 * cdktf the "${jsonencode(...)}" template; a reference to an aws_iam_policy_document data source
 * whose json is deferred to apply is read from the data source's configuration).
 */
export function readPolicyDocument(
  attrs: Attributes,
  field: string,
  owner: TerraformResource,
  index: ResourceIndex,
): Value<PolicyDocument> {
  const source = attrs.source(field);
  if ("reason" in source) return unknown(source.reason);
  const { raw, mode } = source;
  if (raw === undefined || raw === null) return unknown(`${attrs.describe(field)} is not set`);
  if (typeof raw !== "string") return unknown(`${attrs.describe(field)} is not a string`);
  const origin = owner.provenance.inputFile
    ? { file: owner.provenance.inputFile, attribute: attrs.describe(field) }
    : undefined;
  const policy = readPolicyString(raw, mode === "config" ? "template" : "literal", origin);
  if (policy.kind === "document" && "presumed" in source && source.presumed) {
    return unknown(
      `${attrs.describe(field)} is computed from ${source.presumed.join(", ")}; the plan shows only those references, so the document is known only after apply`,
    );
  }
  if (policy.kind === "document")
    return mode === "config" ? rebasePolicyDocument(policy.document, owner.referencePrefix) : policy.document;
  const address =
    owner.referencePrefix && !policy.ref.address.startsWith("module.")
      ? `${owner.referencePrefix}${policy.ref.address}`
      : policy.ref.address;
  const data = index.get(address);
  if (!data) return unknown(`${attrs.describe(field)} refers to ${address}, which is not in the configuration`);
  if (data.attributeMode === "values" && typeof data.values.json === "string") {
    const parsed = readPolicyString(data.values.json, "literal");
    if (parsed.kind === "document") return parsed.document;
  }
  if (data.attributeMode === "values" && data.expressions) {
    const presumed: string[] = [];
    const configured = expressionValue(data.expressions, presumed, POLICY_DOCUMENT_LISTS) as Record<string, unknown>;
    if (presumed.length > 0)
      return unknown(
        `${address} is computed from ${presumed.join(", ")}; the plan shows only those references, so its document is known only after apply`,
      );
    return rebasePolicyDocument(policyDocumentFromDataSource(configured), data.referencePrefix);
  }
  return policyDocumentFromDataSource(data.values);
}

/**
 * Role policies and policy attachments by the role they name, built once per resource index: a
 * role is named by reference (aws_iam_role.x.name) or by a literal name or ARN ending in /name.
 */
interface RoleAttachments {
  of(roleAddress: string, roleNames: readonly string[]): { inline: TerraformResource[]; policyArns: Term[] };
}

const roleAttachmentCache = new WeakMap<ResourceIndex, RoleAttachments>();

function roleAttachments(index: ResourceIndex): RoleAttachments {
  const cached = roleAttachmentCache.get(index);
  if (cached) return cached;
  const inline = new Map<string, TerraformResource[]>();
  const arns = new Map<string, { order: number; arn: Term }[]>();
  const keyOf = (term: Term): string | undefined => {
    if (term.exactRef) return `address:${term.exactRef.address}`;
    return isLiteral(term) && term.text ? `name:${term.text.slice(term.text.lastIndexOf("/") + 1)}` : undefined;
  };
  const add = <T>(map: Map<string, T[]>, term: Term | null, item: T) => {
    const key = term ? keyOf(term) : undefined;
    if (key) push(map, key, item);
  };
  for (const rolePolicy of index.ofType("aws_iam_role_policy"))
    add(inline, Attributes.of(rolePolicy).term("role"), rolePolicy);
  let order = 0;
  for (const attachment of index.ofType("aws_iam_role_policy_attachment")) {
    const a = Attributes.of(attachment);
    add(arns, a.term("role"), { order: order++, arn: a.term("policy_arn") ?? literalTerm("") });
  }
  for (const attachment of index.ofType("aws_iam_policy_attachment")) {
    const a = Attributes.of(attachment);
    const roles = a.terms("roles", []);
    const entry = { order: order++, arn: a.term("policy_arn") ?? literalTerm("") };
    // One attachment naming the same role twice still attaches the policy once.
    if (roles.known) new Set(roles.value.map(keyOf)).forEach((key) => key && push(arns, key, entry));
  }
  const attachments: RoleAttachments = {
    of(roleAddress, roleNames) {
      const keys = [`address:${roleAddress}`, ...roleNames.map((name) => `name:${name}`)];
      const inlineFound = [...new Set(keys.flatMap((key) => inline.get(key) ?? []))];
      const arnFound = [...new Set(keys.flatMap((key) => arns.get(key) ?? []))]
        .sort((x, y) => x.order - y.order)
        .map((entry) => entry.arn);
      return { inline: inlineFound, policyArns: arnFound };
    },
  };
  roleAttachmentCache.set(index, attachments);
  return attachments;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Customer-managed policies by their literal ARN (the first declared wins), built once per resource index. */
const policyByArnCache = new WeakMap<ResourceIndex, Map<string, TerraformResource>>();

function policiesByArn(index: ResourceIndex): Map<string, TerraformResource> {
  let byArn = policyByArnCache.get(index);
  if (byArn) return byArn;
  byArn = new Map();
  for (const policy of index.ofType("aws_iam_policy")) {
    const arn = policy.values.arn;
    if (typeof arn === "string" && !byArn.has(arn)) byArn.set(arn, policy);
  }
  policyByArnCache.set(index, byArn);
  return byArn;
}

/**
 * Identity pool roles attachments by the address of the identity pool their identity_pool_id refers
 * to, built once per resource index: an attachment names its pool by reference only (an id is
 * assigned by AWS, so a literal cannot name a pool of the same configuration).
 */
const rolesAttachmentCache = new WeakMap<ResourceIndex, Map<string, TerraformResource[]>>();

function rolesAttachments(index: ResourceIndex): Map<string, TerraformResource[]> {
  let byPool = rolesAttachmentCache.get(index);
  if (byPool) return byPool;
  byPool = new Map();
  for (const attachment of index.ofType("aws_cognito_identity_pool_roles_attachment")) {
    const address = Attributes.of(attachment).term("identity_pool_id")?.exactRef?.address;
    if (address !== undefined) push(byPool, address, attachment);
  }
  rolesAttachmentCache.set(index, byPool);
  return byPool;
}

export function readIamRole(resource: TerraformResource, key: string, index: ResourceIndex): IamRole {
  const attrs = Attributes.of(resource);
  const name = attrs.string("name");
  const roleNames = name.known ? [name.value] : [];
  const policies: AttachedPolicy[] = [];
  let unresolved: string | undefined;

  for (const inline of attrs.blocks("inline_policy")) {
    const policyName = inline.string("name");
    policies.push({
      kind: "inline",
      name: policyName,
      document: readPolicyDocument(inline, "policy", resource, index),
      provenance: resource.provenance,
    });
  }
  const attached = roleAttachments(index).of(resource.address, roleNames);
  for (const rolePolicy of attached.inline) {
    policies.push({
      kind: "inline",
      name: Attributes.of(rolePolicy).string("name"),
      document: readPolicyDocument(Attributes.of(rolePolicy), "policy", rolePolicy, index),
      provenance: rolePolicy.provenance,
    });
  }

  const attachedArns: Term[] = [];
  const managed = attrs.terms("managed_policy_arns", []);
  if (managed.known) attachedArns.push(...managed.value);
  else unresolved = managed.reason;
  attachedArns.push(...attached.policyArns);
  for (const arn of attachedArns) policies.push(attachedPolicy(arn, resource, index));

  return {
    kind: "IamRole",
    key,
    name,
    provenance: resource.provenance,
    arn: attrs.has("arn") ? attrs.string("arn") : unknown("the role ARN is assigned at creation"),
    trustPolicy: readPolicyDocument(attrs, "assume_role_policy", resource, index),
    ...readFields(attrs, IAM_ROLE_FIELDS),
    policies: unresolved ? unknown(unresolved) : known(policies),
  };
}

function attachedPolicy(arn: Term, role: TerraformResource, index: ResourceIndex): AttachedPolicy {
  const managed = isLiteral(arn) ? AWS_MANAGED_PREFIX.exec(arn.text) : null;
  if (managed?.[1]) {
    const policyName = managed[1].split("/").pop() ?? managed[1];
    return {
      kind: "aws-managed",
      name: known(policyName),
      arn: arn.text,
      document: unknown(`the document of AWS-managed policy ${policyName} is not part of the configuration`),
      provenance: role.provenance,
    };
  }
  const policy = arn.exactRef ? index.get(arn.exactRef.address) : policiesByArn(index).get(arn.text);
  if (policy && policy.type === "aws_iam_policy") {
    return {
      kind: "customer-managed",
      name: Attributes.of(policy).string("name"),
      document: readPolicyDocument(Attributes.of(policy), "policy", policy, index),
      provenance: policy.provenance,
    };
  }
  return {
    kind: "customer-managed",
    name: known(arn.text),
    document: unknown(`policy ${arn.text} is not defined in this configuration`),
    provenance: role.provenance,
  };
}

export interface IdentityLinks {
  client(term: Term | null): UserPoolClient | undefined;
  userPool(term: Term | null): UserPool | undefined;
  role(term: Term | null): IamRole | undefined;
}

export function readIdentityPool(
  resource: TerraformResource,
  key: string,
  index: ResourceIndex,
  links: IdentityLinks,
): IdentityPool {
  const attrs = Attributes.of(resource);
  const providers: IdentityPoolProvider[] = attrs.blocks("cognito_identity_providers").map((provider) => {
    const clientIdRef = provider.term("client_id") ?? literalTerm("");
    const providerNameRef = provider.term("provider_name") ?? literalTerm("");
    const client = links.client(clientIdRef);
    const userPool = links.userPool(providerNameRef) ?? client?.userPool;
    const check = provider.bool("server_side_token_check", false);
    return {
      clientIdRef,
      providerNameRef,
      ...(client ? { client } : {}),
      ...(userPool ? { userPool } : {}),
      serverSideTokenCheck: check.known ? check.value : false,
    };
  });
  const attachments = rolesAttachments(index).get(resource.address) ?? [];
  return {
    kind: "IdentityPool",
    key,
    name: attrs.string("identity_pool_name"),
    provenance: resource.provenance,
    id: attrs.has("id") ? attrs.string("id") : unknown("the identity pool id is assigned by AWS at creation"),
    tags: attrs.map("tags", {}),
    ...readFields(attrs, IDENTITY_POOL_FIELDS),
    providers: attrs.isDynamic("cognito_identity_providers")
      ? unknown(`${attrs.describe("cognito_identity_providers")} is computed by an expression`)
      : known(providers),
    roles: readRoles(attachments, links),
  };
}

function readRoles(attachments: readonly TerraformResource[], links: IdentityLinks): Value<IdentityPoolRoles> {
  if (attachments.length === 0)
    return known({ authenticated: null, unauthenticated: null, unslotted: [], mappings: [] }, "default");
  if (attachments.length > 1)
    return unknown(`${attachments.length} roles attachments target the same identity pool; the last applied wins`);
  const attachment = attachments[0]!;
  const attrs = Attributes.of(attachment);
  const slots = readRoleSlots(attrs);
  if (!slots.known) return slots;
  const binding = (name: RoleSlot) => {
    const roleRef = slots.value.bySlot[name];
    if (!roleRef) return null;
    const role = links.role(roleRef);
    return { roleRef, ...(role ? { role } : {}) };
  };
  const unslotted = slots.value.unslotted.map((entry) => {
    const role = links.role(entry.roleRef);
    return { ...entry, ...(role ? { role } : {}) };
  });
  const mappings: RoleMapping[] = attrs.blocks("role_mapping").map((mapping) => {
    const resolution = mapping.string("ambiguous_role_resolution");
    const type = mapping.string("type");
    return {
      identityProvider: mapping.term("identity_provider") ?? literalTerm(""),
      type: type.known ? type.value : "",
      ambiguousRoleResolution: mapping.has("ambiguous_role_resolution") ? resolution : known(null, "default"),
      rules: mapping.blocks("mapping_rule").map((rule) => {
        const roleRef = rule.term("role_arn") ?? literalTerm("");
        const role = links.role(roleRef);
        const text = (field: string) => {
          const v = rule.string(field);
          return v.known ? v.value : "";
        };
        return {
          claim: text("claim"),
          matchType: text("match_type"),
          value: text("value"),
          roleRef,
          ...(role ? { role } : {}),
        };
      }),
    };
  });
  return known({
    authenticated: binding("authenticated"),
    unauthenticated: binding("unauthenticated"),
    unslotted,
    mappings,
    provenance: attachment.provenance,
  });
}

const SLOTS: readonly RoleSlot[] = ["authenticated", "unauthenticated"];

interface RoleSlots {
  readonly bySlot: Partial<Record<RoleSlot, Term>>;
  readonly unslotted: readonly {
    readonly roleRef: Term;
    readonly slots: readonly RoleSlot[];
    readonly reason: string;
  }[];
}

/**
 * The roles map of an attachment by slot. A plan shows a map whose values are references only by
 * those references, without their keys: each referenced role is bound, its slot is one of those the
 * plan leaves unknown (a lone reference for a lone unknown key fills it).
 */
function readRoleSlots(attrs: Attributes): Value<RoleSlots> {
  const roles = attrs.termMap("roles");
  if (roles.known) return known({ bySlot: roles.value, unslotted: [] });
  const references = attrs.presumedReferences("roles");
  if (!references) return roles;
  const partial = attrs.partialMap("roles");
  const bySlot: Partial<Record<RoleSlot, Term>> = {};
  for (const slot of SLOTS) if (partial.entries[slot] !== undefined) bySlot[slot] = literalTerm(partial.entries[slot]);
  const open = (partial.unknownKeys ?? SLOTS).filter((key): key is RoleSlot => (SLOTS as string[]).includes(key));
  if (open.length === 1 && references.length === 1)
    return known({ bySlot: { ...bySlot, [open[0]!]: references[0]! }, unslotted: [] });
  const reason = `${attrs.describe("roles")} is known only after apply and the plan shows it only by its references, so it does not say which of ${open.join(" or ")} each role fills`;
  return known({ bySlot, unslotted: references.map((roleRef) => ({ roleRef, slots: open, reason })) });
}
