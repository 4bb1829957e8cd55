// The scope's link indexes resolve a term as the per-object scan they replace did: a reference by
// address and kind, a literal by id, ARN or name suffix, and the first object added when several match.

import { describe, expect, it } from "vitest";
import { ScopeLinks } from "../../../checks/sources/terraform/links.js";
import { templateTerm } from "../../../checks/sources/terraform/expressions.js";
import {
  known,
  literalTerm,
  unknown,
  type IamRole,
  type ModelObject,
  type UserPool,
  type UserPoolClient,
} from "../../../checks/model/index.js";

// Only the members the index reads; the readers fill the rest, which the index never looks at.
const pool = (address: string, id: string | undefined) =>
  ({
    kind: "UserPool",
    key: address,
    name: known(address),
    id: id === undefined ? unknown("assigned at creation") : known(id),
    provenance: { source: "plan", address },
  }) as unknown as UserPool;
const role = (address: string, name: string, arn?: string) =>
  ({
    kind: "IamRole",
    key: address,
    name: known(name),
    arn: arn === undefined ? unknown("assigned at creation") : known(arn),
    provenance: { source: "plan", address },
  }) as unknown as IamRole;
const client = (key: string) =>
  ({
    kind: "UserPoolClient",
    key,
    name: known(key),
    provenance: { source: "synth", address: key },
  }) as unknown as UserPoolClient;

function linksOf(...objects: ModelObject[]): ScopeLinks {
  const links = new ScopeLinks();
  for (const object of objects) links.add(object.provenance.address!, object);
  return links;
}

describe("scope links", () => {
  const east = pool("aws_cognito_user_pool.east", "us-east-1_AAA");
  const west = pool("aws_cognito_user_pool.west", "us-west-2_BBB");
  const pending = pool("aws_cognito_user_pool.pending", undefined);

  it("resolves a reference by address, and only to an object of the kind asked for", () => {
    const links = linksOf(east, west, role("aws_iam_role.r", "r"));
    expect(links.userPool(templateTerm("${aws_cognito_user_pool.west.id}"))).toBe(west);
    expect(links.userPool(templateTerm("${aws_iam_role.r.arn}"))).toBeUndefined();
    expect(links.role(templateTerm("${aws_cognito_user_pool.west.arn}"))).toBeUndefined();
    expect(links.userPool(null)).toBeUndefined();
  });

  it("resolves a literal pool id, ARN or provider name by the id after a slash", () => {
    const links = linksOf(pending, east, west);
    expect(links.userPool(literalTerm("us-west-2_BBB"))).toBe(west);
    expect(links.userPool(literalTerm("arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_AAA"))).toBe(east);
    expect(links.userPool(literalTerm("cognito-idp.us-west-2.amazonaws.com/us-west-2_BBB"))).toBe(west);
    expect(links.userPool(literalTerm("us-west-2_CCC"))).toBeUndefined();
    expect(links.userPool(literalTerm(""))).toBeUndefined();
  });

  it("takes the first pool added when a literal matches several, whichever way each matches", () => {
    const byId = pool("aws_cognito_user_pool.a", "x/y");
    const bySuffix = pool("aws_cognito_user_pool.b", "y");
    expect(linksOf(byId, bySuffix).userPool(literalTerm("x/y"))).toBe(byId);
    expect(linksOf(bySuffix, byId).userPool(literalTerm("x/y"))).toBe(bySuffix);
  });

  it("resolves a literal role ARN by the ARN or by the name after :role/", () => {
    const admin = role("aws_iam_role.admin", "admin", "arn:aws:iam::111122223333:role/ops/admin");
    const reader = role("aws_iam_role.reader", "reader");
    const links = linksOf(admin, reader);
    expect(links.role(literalTerm("arn:aws:iam::111122223333:role/ops/admin"))).toBe(admin);
    expect(links.role(literalTerm("arn:aws:iam::111122223333:role/reader"))).toBe(reader);
    expect(links.role(literalTerm("reader"))).toBeUndefined();
  });

  it("resolves a literal client by the end of its key, the first added winning", () => {
    const web = client("shop/aws_cognito_user_pool_client.web");
    const otherWeb = client("staff/aws_cognito_user_pool_client.web");
    const links = linksOf(web, otherWeb, client("shop/aws_cognito_user_pool_client.backend"));
    expect(links.client(literalTerm("aws_cognito_user_pool_client.web"))).toBe(web);
    expect(links.client(literalTerm("staff/aws_cognito_user_pool_client.web"))).toBe(otherWeb);
    expect(links.client(literalTerm("backend"))?.key).toBe("shop/aws_cognito_user_pool_client.backend");
    expect(links.client(literalTerm("frontend"))).toBeUndefined();
  });

  it("resolves an authorizer by reference only", () => {
    expect(linksOf(east).authorizer(literalTerm("abc123"))).toBeUndefined();
  });
});
