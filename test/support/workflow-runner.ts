// Runs one job of a GitHub Actions workflow file as a script: its `run:` steps in order with bash,
// the way a GitHub runner does (bash --noprofile --norc -eo pipefail, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files), with the matrix values, strategy.job-total and repository variables
// given. `uses:` steps are skipped, because they need GitHub (OIDC, artifacts); each is returned
// with its evaluated `with:`, so a test can check what it would have been given and play its part.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

interface WorkflowStep {
  readonly name?: string;
  readonly id?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string | number>;
}

interface Workflow {
  readonly jobs: Record<string, { steps: WorkflowStep[]; strategy?: { matrix?: Record<string, unknown[]> } }>;
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

export interface JobStepRun {
  readonly name: string;
  readonly skipped?: string;
  readonly with?: Record<string, string>;
  readonly code?: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

export function readWorkflow(file: string): Workflow {
  return parse(readFileSync(file, "utf8")) as Workflow;
}

export function runJob(workflow: Workflow, job: string, context: JobContext): { code: number; steps: JobStepRun[] } {
  const definition = workflow.jobs[job];
  if (!definition) throw new Error(`the workflow has no job ${job}`);
  const files = mkdtempSync(join(tmpdir(), "authwarden-workflow-"));
  const summary = join(files, "step-summary.md");
  writeFileSync(summary, "");
  const outputs: Record<string, Record<string, string>> = {};
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
      let match = /^matrix\.([\w-]+)$/.exec(expression);
      if (match) return String(context.matrix?.[match[1]!] ?? "");
      if (expression === "strategy.job-total") return String(context.jobTotal ?? 1);
      match = /^vars\.([\w-]+)$/.exec(expression);
      if (match) return context.vars?.[match[1]!] ?? "";
      match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (match) return outputs[match[1]!]?.[match[2]!] ?? "";
      throw new Error(`workflow runner: unsupported expression \${{ ${expression} }}`);
    });
  const steps: JobStepRun[] = [];
  let code = 0;
  definition.steps.forEach((step, index) => {
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    if (step.uses) {
      const values = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(String(v))]));
      steps.push({ name, skipped: `uses ${step.uses}: needs GitHub`, with: values });
      return;
    }
    if (step.id && context.skip?.includes(step.id)) {
      steps.push({ name, skipped: "played by the test" });
      return;
    }
    if (code !== 0) return;
    if (step.shell !== "bash") throw new Error(`step ${name}: shell ${step.shell}, expected bash`);
    const outputFile = join(files, `output-${index}`);
    writeFileSync(outputFile, "");
    const script = join(files, `step-${index}.sh`);
    writeFileSync(script, step.run ?? "");
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v))]));
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: context.workspace,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        NO_COLOR: "1",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: context.workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: files,
        ...context.env,
        ...env,
      },
    });
    code = result.status ?? 1;
    if (step.id)
      outputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, "utf8")
          .split("\n")
          .filter((line) => line.includes("="))
          .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
      );
    steps.push({ name, code, stdout: result.stdout, stderr: result.stderr });
  });
  return { code, steps };
}
