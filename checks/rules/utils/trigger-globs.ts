// Lambda triggers a policy names (account-lockout's lockoutTriggers, mfa-on-sensitive-actions'
// reviewedTokenTriggers): globs with * as the only wildcard, case-sensitive, matched against the
// function's name and its full ARN.

import { globMatch } from "../../iam/wildcard.js";
import { known, unknown, type TriggerFunction, type Value } from "../../model/index.js";

/** The JSON Schema of a list of trigger globs. */
export function triggerGlobsSchema(description: string): Record<string, unknown> {
  return { type: "array", uniqueItems: true, items: { type: "string", minLength: 1 }, description };
}

/** The glob that names the trigger, null when none does; unknown when its name cannot be told and no ARN matched. */
export function matchingGlob(trigger: TriggerFunction, globs: readonly string[]): Value<string | null> {
  const match = (value: string) => globs.find((glob) => globMatch(glob, value, { questionMark: false }));
  const byArn = trigger.arn === null ? undefined : match(trigger.arn);
  if (byArn) return known(byArn);
  if (!trigger.functionName.known) return globs.length === 0 ? known(null) : unknown(trigger.functionName.reason);
  return known(match(trigger.functionName.value) ?? null);
}

/** How messages name a trigger: its function name where known, else the trigger as configured. */
export function triggerLabel(trigger: TriggerFunction): string {
  return trigger.functionName.known ? trigger.functionName.value : trigger.term.text;
}
