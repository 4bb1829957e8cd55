// --rule and --skip-rule: choosing rules on the command line, without a policy file. Each is a
// glob over rule ids (the project's one linear-time matcher). A pattern that matches no rule is a
// usage error, not an audit of nothing: a misspelt id must not pass the gate.

import type { ResolvedPolicy } from "../engine/policy-pack.js";
import { UsageError } from "../errors.js";
import { compileGlob, type Glob } from "../iam/wildcard.js";

export interface RuleSelection {
  readonly rule?: readonly string[];
  readonly skipRule?: readonly string[];
}

export function selectRules(
  policy: ResolvedPolicy,
  catalogIds: readonly string[],
  selection: RuleSelection,
): ResolvedPolicy {
  const only = globs("--rule", selection.rule, catalogIds);
  const skip = globs("--skip-rule", selection.skipRule, catalogIds);
  if (!only && !skip) return policy;
  const chosen = policy.rules.filter(
    (r) => (!only || only.some((g) => g.test(r.id))) && !(skip ?? []).some((g) => g.test(r.id)),
  );
  if (chosen.length === 0)
    throw new UsageError(
      `--rule/--skip-rule leave no rule of policy ${policy.name} to run (authwarden rules lists them)`,
    );
  return { ...policy, rules: chosen };
}

function globs(flag: string, patterns: readonly string[] | undefined, ids: readonly string[]): Glob[] | undefined {
  if (!patterns || patterns.length === 0) return undefined;
  return patterns
    .flatMap((list) => list.split(",").filter(Boolean))
    .map((pattern) => {
      const glob = compileGlob(pattern, { questionMark: false });
      if (!ids.some((id) => glob.test(id)))
        throw new UsageError(`${flag} ${JSON.stringify(pattern)} matches no rule (authwarden rules lists them)`);
      return glob;
    });
}
