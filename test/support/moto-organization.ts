// An AWS Organization in the emulator for the multi-account scan tests: the default account
// (123456789012) creates the organization and three member accounts; each member gets the audit
// role AuthwardenAudit and a user pool with a client in two regions. One member's role trusts
// another account than the scanner's, so assuming it is refused (test/moto/ext_org.py makes moto
// check trust as AWS does). Resources are created in a member account with moto's own
// x-moto-account-id header, the emulator's documented way to act as an account; the scan itself
// enters the accounts with sts:AssumeRole only.

import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";

export const MANAGEMENT_ACCOUNT = "123456789012";
export const ORG_REGIONS = ["eu-west-1", "us-east-1"] as const;
const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

export interface EmulatedOrganization {
  /** The members whose audit role trusts the scanner's account. */
  readonly good: readonly string[];
  /** The member whose audit role trusts another account. */
  readonly wrongTrust: string;
  /** The good member whose pools allow 8-character passwords. */
  readonly weak: string;
}

type Sendable = { middlewareStack: { add: (...args: never[]) => unknown } };

/** Every request of the client acts as `account` in the emulator. */
function asAccount<T extends Sendable>(client: T, account: string): T {
  (client.middlewareStack as { add: (mw: unknown, o: unknown) => void }).add(
    (next: (a: unknown) => unknown) => (args: { request: { headers: Record<string, string> } }) => {
      args.request.headers["x-moto-account-id"] = account;
      return next(args);
    },
    { step: "build", name: "motoAccount" },
  );
  return client;
}

function trustPolicy(principalAccount: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${principalAccount}:root` },
        Action: "sts:AssumeRole",
      },
    ],
  });
}

/** A member account with the audit role of the given trust policy (no resources). */
export async function addMemberAccount(url: string, name: string, trust: string): Promise<string> {
  const org = new OrganizationsClient({ region: "us-east-1", endpoint: url, credentials: CREDENTIALS });
  const created = await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
  org.destroy();
  const id = created.CreateAccountStatus?.AccountId;
  if (!id) throw new Error(`CreateAccount ${name} returned no account id`);
  const iam = asAccount(new IAMClient({ region: "us-east-1", endpoint: url, credentials: CREDENTIALS }), id);
  await iam.send(new CreateRoleCommand({ RoleName: "AuthwardenAudit", AssumeRolePolicyDocument: trust }));
  iam.destroy();
  return id;
}

export async function createOrganization(url: string): Promise<EmulatedOrganization> {
  const org = new OrganizationsClient({ region: "us-east-1", endpoint: url, credentials: CREDENTIALS });
  await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const members: string[] = [];
  for (const name of ["payments", "storefront", "legacy"]) {
    const created = await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
    const id = created.CreateAccountStatus?.AccountId;
    if (!id) throw new Error(`CreateAccount ${name} returned no account id`);
    members.push(id);
  }
  org.destroy();
  const [first, second, third] = members as [string, string, string];
  for (const account of members) {
    const iam = asAccount(new IAMClient({ region: "us-east-1", endpoint: url, credentials: CREDENTIALS }), account);
    await iam.send(
      new CreateRoleCommand({
        RoleName: "AuthwardenAudit",
        AssumeRolePolicyDocument: trustPolicy(account === third ? "999999999999" : MANAGEMENT_ACCOUNT),
      }),
    );
    iam.destroy();
    for (const region of ORG_REGIONS) {
      const idp = asAccount(
        new CognitoIdentityProviderClient({ region, endpoint: url, credentials: CREDENTIALS }),
        account,
      );
      const pool = await idp.send(
        new CreateUserPoolCommand({
          PoolName: `shop-${account.slice(-4)}-${region}`,
          // One account's pools are weak, so the accounts' results differ.
          Policies: { PasswordPolicy: { MinimumLength: account === second ? 8 : 14 } },
        }),
      );
      await idp.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: "web" }));
      idp.destroy();
    }
  }
  return { good: [first, second].sort(), wrongTrust: third, weak: second };
}
