// Runs GitHub Actions steps as scripts: `run:` steps in order with bash, the way a GitHub runner
// does (bash --noprofile --norc -eo pipefail, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files in a temp
// dir). `uses:` steps are skipped, because they need GitHub (OIDC, artifacts, code scanning); each is
// returned with its evaluated `with:`, so a test can check what it would have been given and play
// its part. runSteps is the step runner; runJob runs one job of a workflow file with it (the matrix
// values, strategy.job-total and repository variables given), and test/cli/action-runner.ts runs the
// composite action with it.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

export interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly env?: Record<string, string | number>;
  readonly with?: Record<string, string | number>;
}

export interface StepRun {
  readonly name: string;
  /** Why the step did not run: it needs GitHub, or the test plays its part. */
  readonly skipped?: string;
  readonly with?: Record<string, string>;
  readonly code?: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

export interface StepsContext {
  /** What runs the steps ("workflow", "action"): names the runner in its errors and temp dir. */
  readonly runner: string;
  readonly workspace: string;
  /** Set for every step after the runner's own GITHUB_* variables, before the step's env. */
  readonly env?: Record<string, string>;
  /** Step ids not to run (the test plays their part, e.g. installing the package). */
  readonly skip?: readonly string[];
  /** The value of a `${{ }}` expression other than steps.<id>.outputs.<name>; undefined: not supported. */
  readonly resolve: (expression: string) => string | undefined;
}

export interface StepsRun {
  readonly code: number;
  readonly steps: StepRun[];
  /** What the steps appended to the job summary. */
  readonly summary: string;
  /** Evaluates `${{ }}` with the step outputs of the run (e.g. for an action's outputs). */
  readonly evaluate: (text: string) => string;
}

export function runSteps(definitions: readonly Step[], context: StepsContext): StepsRun {
  const files = mkdtempSync(join(tmpdir(), `authwarden-${context.runner}-`));
  const summaryFile = join(files, "step-summary.md");
  writeFileSync(summaryFile, "");
  const outputs: Record<string, Record<string, string>> = {};
  // The `${{ }}` forms the runner knows, and no others: an unknown expression is an error, not "".
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
      const match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (match) return outputs[match[1]!]?.[match[2]!] ?? "";
      const value = context.resolve(expression);
      if (value === undefined)
        throw new Error(`${context.runner} runner: unsupported expression \${{ ${expression} }}`);
      return value;
    });
  const evaluateAll = (values: Record<string, string | number> | undefined) =>
    Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, evaluate(String(v))]));
  const steps: StepRun[] = [];
  let code = 0;
  definitions.forEach((step, index) => {
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    if (step.uses) {
      steps.push({ name, skipped: `uses ${step.uses}: needs GitHub`, with: evaluateAll(step.with) });
      return;
    }
    if (step.id && context.skip?.includes(step.id)) {
      steps.push({ name, skipped: "played by the test" });
      return;
    }
    if (code !== 0) return;
    if (step.if) throw new Error(`step ${name}: this runner evaluates no if: on run steps`);
    if (step.shell !== "bash") throw new Error(`step ${name}: shell ${step.shell}, expected bash`);
    const outputFile = join(files, `output-${index}`);
    writeFileSync(outputFile, "");
    const script = join(files, `step-${index}.sh`);
    writeFileSync(script, step.run ?? "");
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: context.workspace,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        NO_COLOR: "1",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: context.workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: files,
        ...context.env,
        ...evaluateAll(step.env),
      },
    });
    code = result.status ?? 1;
    if (step.id) outputs[step.id] = parseOutputs(readFileSync(outputFile, "utf8"));
    steps.push({ name, code, stdout: result.stdout, stderr: result.stderr });
  });
  return { code, steps, summary: readFileSync(summaryFile, "utf8"), evaluate };
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

interface Workflow {
  readonly jobs: Record<string, { steps: Step[]; strategy?: { matrix?: Record<string, unknown[]> } }>;
}

export interface JobContext {
  readonly workspace: string;
  readonly matrix?: Record<string, string | number>;
  readonly jobTotal?: number;
  readonly vars?: Record<string, string>;
  readonly env?: Record<string, string>;
  /** Step ids not to run (the test plays their part, e.g. installing the package). */
  readonly skip?: readonly string[];
}

export function readWorkflow(file: string): Workflow {
  return parse(readFileSync(file, "utf8")) as Workflow;
}

export function runJob(workflow: Workflow, job: string, context: JobContext): { code: number; steps: StepRun[] } {
  const definition = workflow.jobs[job];
  if (!definition) throw new Error(`the workflow has no job ${job}`);
  const { code, steps } = runSteps(definition.steps, {
    runner: "workflow",
    workspace: context.workspace,
    env: context.env,
    skip: context.skip,
    resolve: (expression) => {
      let match = /^matrix\.([\w-]+)$/.exec(expression);
      if (match) return String(context.matrix?.[match[1]!] ?? "");
      if (expression === "strategy.job-total") return String(context.jobTotal ?? 1);
      match = /^vars\.([\w-]+)$/.exec(expression);
      if (match) return context.vars?.[match[1]!] ?? "";
      return undefined;
    },
  });
  return { code, steps };
}
