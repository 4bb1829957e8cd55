// Which provider bindings this test run synthesizes with. vitest.config.ts runs the rule tests twice:
// project aws-5 with cdktf 0.21 and @cdktf/provider-aws 20.1 (hashicorp/aws 5.100), and project
// aws-6 with the imports aliased to cdktn 0.24 and @cdktn/provider-aws 25.7 (hashicorp/aws 6.66), so
// one set of fixtures proves both attribute shapes.

export type ProviderBinding = "aws-5" | "aws-6";

const MAJOR: Record<ProviderBinding, number> = { "aws-5": 5, "aws-6": 6 };

export const PROVIDER_BINDING: ProviderBinding =
  process.env.AUTHWARDEN_PROVIDER_BINDING === "aws-6" ? "aws-6" : "aws-5";

/**
 * The hashicorp/aws version a synthesized cdk.tf.json pins, checked against the binding the run
 * claims, so a broken alias cannot pass the 5.x fixtures off as 6.x ones.
 */
export function checkedProviderVersion(cdkTfJson: string): string {
  const document = JSON.parse(cdkTfJson) as { terraform?: { required_providers?: { aws?: { version?: string } } } };
  const version = document.terraform?.required_providers?.aws?.version ?? "unpinned";
  if (Number(version.split(".")[0]) !== MAJOR[PROVIDER_BINDING])
    throw new Error(
      `the ${PROVIDER_BINDING} test run synthesized hashicorp/aws ${version}: check the alias in vitest.config.ts`,
    );
  return version;
}

/** A case that holds for one binding only, with the reason the other differs. */
export interface BindingRestriction {
  readonly binding: ProviderBinding;
  readonly reason: string;
}

export function runsOnThisBinding(restriction: BindingRestriction | undefined): boolean {
  return restriction === undefined || restriction.binding === PROVIDER_BINDING;
}
