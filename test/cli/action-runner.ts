// Runs the composite action in action.yml as a script: its `run:` steps in order with bash, the way
// a GitHub runner does (bash --noprofile --norc -eo pipefail, GITHUB_* files in a temp dir), and its
// `uses:` steps skipped, because they need GitHub itself (code scanning); each skipped step is
// returned with its evaluated `with:`, so a test can check what it would have been given.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

interface ActionStep {
  readonly name?: string;
  readonly id?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}

interface ActionFile {
  readonly inputs: Record<string, { default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: ActionStep[] };
}

export interface StepRun {
  readonly name: string;
  /** Why the step did not run: it needs GitHub. */
  readonly skipped?: string;
  readonly with?: Record<string, string>;
  readonly code?: number;
  readonly stdout?: string;
  readonly stderr?: string;
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
  const files = mkdtempSync(join(tmpdir(), "authwarden-runner-"));
  const summaryFile = join(files, "step-summary.md");
  writeFileSync(summaryFile, "");
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, context.inputs[name] ?? input.default ?? ""]),
  );
  for (const name of Object.keys(context.inputs))
    if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  const stepOutputs: Record<string, Record<string, string>> = {};
  const evaluate = (text: string) => substitute(text, inputs, stepOutputs);
  const steps: StepRun[] = [];
  let code = 0;
  action.runs.steps.forEach((step, index) => {
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    if (step.uses) {
      const withValues = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(v)]));
      steps.push({ name, skipped: `uses ${step.uses}: needs GitHub`, with: withValues });
      return;
    }
    if (code !== 0) return;
    if (step.if) throw new Error(`step ${name}: this runner evaluates no if: on run steps`);
    if (step.shell !== "bash") throw new Error(`step ${name}: shell ${step.shell}, expected bash`);
    const outputFile = join(files, `output-${index}`);
    writeFileSync(outputFile, "");
    const script = join(files, `step-${index}.sh`);
    writeFileSync(script, step.run ?? "");
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v))]));
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: context.workspace,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        NO_COLOR: "1",
        GITHUB_ACTIONS: "true",
        GITHUB_ACTION_PATH: context.actionPath,
        GITHUB_WORKSPACE: context.workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: files,
        ...context.env,
        ...env,
      },
    });
    code = result.status ?? 1;
    if (step.id) stepOutputs[step.id] = parseOutputs(readFileSync(outputFile, "utf8"));
    steps.push({ name, code, stdout: result.stdout, stderr: result.stderr });
  });
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, evaluate(o.value)]));
  return { code, steps, outputs, summary: readFileSync(summaryFile, "utf8") };
}

/** The `${{ }}` forms action.yml uses, and no others: an unknown expression is an error, not "". */
function substitute(
  text: string,
  inputs: Record<string, string>,
  steps: Record<string, Record<string, string>>,
): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    let match = /^inputs\.([\w-]+)$/.exec(expression);
    if (match) return inputs[match[1]!] ?? "";
    match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (match) return steps[match[1]!]?.[match[2]!] ?? "";
    if (expression === "github.token") return "test-token";
    throw new Error(`action runner: unsupported expression \${{ ${expression} }}`);
  });
}

/** GITHUB_OUTPUT lines: name=value, or name<<DELIMITER ... DELIMITER. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([\w-]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (line.includes("=")) outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
  }
  return outputs;
}
