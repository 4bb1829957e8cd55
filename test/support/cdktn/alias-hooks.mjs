// Module resolution hooks (node:module register) that run the reference app, written against cdktf
// and @cdktf/provider-aws, on cdktn 0.24 and @cdktn/provider-aws 25.7 (hashicorp/aws 6.66): the same
// constructs, synthesized by the other toolchain. Mirrors the aws-6 alias in vitest.config.ts.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "cdktf") return nextResolve("cdktn", context);
  if (specifier.startsWith("@cdktf/provider-aws/"))
    return nextResolve(`@cdktn/provider-aws/${specifier.slice("@cdktf/provider-aws/".length)}`, context);
  return nextResolve(specifier, context);
}
