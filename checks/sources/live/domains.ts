// The domains of a user pool. DescribeUserPool names both (Domain, the prefix domain; CustomDomain),
// so the scan needs no DescribeUserPoolDomain for the prefix domain (issue 15); only a custom
// domain's TLS security policy (CustomDomainConfig.SecurityPolicy) needs it: one call per custom domain.

import {
  DescribeUserPoolDomainCommand,
  type CognitoIdentityProviderClient,
  type UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { LiveReads } from "./read.js";
import {
  known,
  literalTerm,
  mapValue,
  unknown,
  type UserPool,
  type UserPoolDomain,
  type Value,
} from "../../model/index.js";

export async function readDomains(
  client: CognitoIdentityProviderClient,
  pool: UserPool,
  id: string,
  describedPool: Value<UserPoolType | undefined>,
  reads: LiveReads,
): Promise<UserPoolDomain[]> {
  // Without DescribeUserPool the pool's domains are not known, not absent: that read marked the audit incomplete.
  if (!describedPool.known) return [];
  const described = describedPool.value;
  const domain = (name: string, custom: boolean, securityPolicy: UserPoolDomain["securityPolicy"]): UserPoolDomain => ({
    kind: "UserPoolDomain",
    key: `${pool.key}/domain/${name}`,
    name: known(name),
    provenance: pool.provenance,
    userPoolRef: literalTerm(id),
    userPool: pool,
    customDomain: known(custom),
    securityPolicy,
  });
  const domains: UserPoolDomain[] = [];
  if (described?.Domain) domains.push(domain(described.Domain, false, known(null)));
  const custom = described?.CustomDomain;
  if (custom) {
    const read = await reads.read(
      `custom domain ${custom} of user pool ${id}`,
      "UserPoolResourceRead",
      id,
      (o) => client.send(new DescribeUserPoolDomainCommand({ Domain: custom }), o),
      // An unknown domain comes back as an empty DomainDescription: a failed read, not a domain without a policy.
      { required: (d) => (d.DomainDescription?.Domain ? undefined : "DomainDescription.Domain") },
    );
    const policy = mapValue(read, (d) => d.DomainDescription?.CustomDomainConfig?.SecurityPolicy);
    domains.push(
      domain(
        custom,
        true,
        policy.known
          ? policy.value
            ? known(policy.value)
            : unknown(`DescribeUserPoolDomain of ${custom} names no CustomDomainConfig.SecurityPolicy`)
          : policy,
      ),
    );
  }
  return domains;
}
