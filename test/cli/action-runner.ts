// Runs the composite action in action.yml as a script with the shared step runner
// (test/support/workflow-runner.ts): its `run:` steps in order with bash, its `uses:` steps skipped
// (they need GitHub itself: code scanning) and returned with their evaluated `with:`.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { runSteps, type Step, type StepRun } from "../support/workflow-runner.js";

interface ActionFile {
  readonly inputs: Record<string, { default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: Step[] };
}

export interface ActionRun {
  readonly code: number;
  readonly steps: readonly StepRun[];
  readonly outputs: Record<string, string>;
  /** What the action appended to the job summary. */
  readonly summary: string;
}

export interface ActionContext {
  readonly actionPath: string;
  readonly workspace: string;
  readonly inputs: Record<string, string>;
  readonly env?: Record<string, string>;
}

export function runAction(context: ActionContext): ActionRun {
  const action = parse(readFileSync(join(context.actionPath, "action.yml"), "utf8")) as ActionFile;
  if (action.runs.using !== "composite") throw new Error(`action.yml runs ${action.runs.using}, not composite`);
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, context.inputs[name] ?? input.default ?? ""]),
  );
  for (const name of Object.keys(context.inputs))
    if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  const run = runSteps(action.runs.steps, {
    runner: "action",
    workspace: context.workspace,
    env: { GITHUB_ACTION_PATH: context.actionPath, ...context.env },
    // The `${{ }}` forms action.yml uses besides step outputs.
    resolve: (expression) => {
      const match = /^inputs\.([\w-]+)$/.exec(expression);
      if (match) return inputs[match[1]!] ?? "";
      if (expression === "github.token") return "test-token";
      return undefined;
    },
  });
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, run.evaluate(o.value)]));
  return { code: run.code, steps: run.steps, outputs, summary: run.summary };
}
