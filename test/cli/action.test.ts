// The GitHub Action (action.yml) run as a script on the reference app's synth output: its run:
// steps in order with bash, its uses: steps (the code scanning upload) skipped because they need
// GitHub, and said so. Checks the SARIF category per stack, the job summary file and the exit code.

import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Report } from "../../checks/engine/report.js";
import { synthReferenceApp } from "../support/reference-synth.js";
import { validateSarif } from "../support/reports.js";
import { runAction, type ActionRun } from "./action-runner.js";
import { ensureBuilt, REPO, runBin } from "./bin-process.js";

let synthDir: string;

beforeAll(() => {
  ensureBuilt();
  synthDir = synthReferenceApp();
});

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "authwarden-workspace-"));
}

function auditStack(stack: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const dir = workspace();
  const run = runAction({ actionPath: REPO, workspace: dir, inputs: { path: synthDir, stack, ...inputs }, env });
  return { dir, run };
}

const upload = (run: ActionRun) => run.steps.find((s) => s.name === "Upload SARIF to code scanning")!;

describe("action.yml on the reference app", () => {
  it("shop-legacy: the gate fails the job after the SARIF, summary and outputs are written", () => {
    const { dir, run } = auditStack("shop-legacy");
    expect(run.code, run.steps.map((s) => s.stderr ?? "").join("\n")).toBe(1);
    // Every run: step ran; the one uses: step was skipped, and says why.
    expect(run.steps.map((s) => [s.name, s.skipped ?? s.code])).toEqual([
      ["Install authwarden", 0],
      ["Audit", 0],
      ["Job summary", 0],
      ["Upload SARIF to code scanning", "uses github/codeql-action/upload-sarif@v3: needs GitHub"],
      ["Pull request comment", 0],
      ["Gate", 1],
    ]);
    const { sarif_file: sarifFile, category } = upload(run).with!;
    expect(category).toBe("authwarden/synth/shop-legacy");
    const sarif = JSON.parse(readFileSync(join(dir, sarifFile!), "utf8")) as unknown;
    expect(validateSarif(sarif).valid).toBe(true);
    const markdown = readFileSync(join(dir, "authwarden-reports", "authwarden.md"), "utf8");
    expect(run.summary).toBe(markdown);
    expect(run.summary.length).toBeGreaterThan(100);
    const report = JSON.parse(readFileSync(join(dir, "authwarden-reports", "authwarden.json"), "utf8")) as Report;
    expect(run.outputs).toMatchObject({
      gate: "failed",
      "exit-code": "1",
      failed: String(report.summary.byStatus.FAIL),
      unknown: String(report.summary.byStatus.UNKNOWN),
      passed: String(report.summary.byStatus.PASS),
      blocking: String(report.gate!.blocking),
      category: "authwarden/synth/shop-legacy",
    });
    expect(Number(run.outputs.failed)).toBeGreaterThan(0);
    expect(run.steps.find((s) => s.name === "Pull request comment")!.stdout).toContain("not requested");
  });

  it("shop-compliant: exit 0, and its own category, distinct from shop-legacy's", () => {
    const { run } = auditStack("shop-compliant", { formats: "html" });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ gate: "passed", "exit-code": "0", failed: "0" });
    expect(upload(run).with!.category).toBe("authwarden/synth/shop-compliant");
    expect(run.summary).toMatch(/authwarden/i);
  });

  it("bad input stops at the audit step with exit 2, before anything is uploaded", () => {
    const { run } = auditStack("no-such-stack");
    expect(run.code).toBe(2);
    const audit = run.steps.find((s) => s.name === "Audit")!;
    expect(audit.code).toBe(2);
    expect(audit.stderr).toMatch(/^authwarden: .*no-such-stack/m);
    expect(run.steps.map((s) => s.name)).not.toContain("Gate");
  });
});

describe("the PR comment", () => {
  // GitHub's API cannot run on this machine: this stand-in for the gh CLI keeps the PR's comments
  // in a JSON file and applies --jq with the real jq, so what is tested is the action's own choice
  // between posting and updating, and the marker it finds its comment by.
  const GH = `#!/usr/bin/env bash
set -euo pipefail
echo "$*" >> "$GH_LOG"
method=GET jq_filter=. path= body=
shift # api
while [ $# -gt 0 ]; do
  case "$1" in
    --paginate) ;;
    --method) method=$2; shift ;;
    --jq) jq_filter=$2; shift ;;
    -F) body=\${2#body=@}; shift ;;
    *) path=$1 ;;
  esac
  shift
done
case "$method" in
  GET) jq -r "$jq_filter" "$GH_STATE" ;;
  POST) jq --rawfile b "$body" '. + [{id: (length + 100), body: $b}]' "$GH_STATE" > "$GH_STATE.new" ;;
  PATCH) jq --argjson id "\${path##*/}" --rawfile b "$body" 'map(if .id == $id then .body = $b else . end)' "$GH_STATE" > "$GH_STATE.new" ;;
esac
if [ -f "$GH_STATE.new" ]; then mv "$GH_STATE.new" "$GH_STATE"; fi
`;

  it("is posted once, then updated in place on the next run, leaving other comments alone", () => {
    const dir = mkdtempSync(join(tmpdir(), "authwarden-gh-"));
    mkdirSync(join(dir, "bin"));
    writeFileSync(join(dir, "bin", "gh"), GH);
    chmodSync(join(dir, "bin", "gh"), 0o755);
    const state = join(dir, "comments.json");
    writeFileSync(state, JSON.stringify([{ id: 7, body: "looks good to me" }]));
    const event = join(dir, "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: 42 } }));
    const env = {
      PATH: `${join(dir, "bin")}:${process.env.PATH ?? ""}`,
      GH_LOG: join(dir, "gh.log"),
      GH_STATE: state,
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: "acme/shop",
    };
    const comments = () => JSON.parse(readFileSync(state, "utf8")) as { id: number; body: string }[];

    const first = auditStack("shop-legacy", { comment: "true" }, env).run;
    expect(first.steps.find((s) => s.name === "Pull request comment")!.stdout).toContain("PR comment: posted");
    expect(comments()).toHaveLength(2);
    const posted = comments().find((c) => c.id !== 7)!;
    expect(posted.body.startsWith("<!-- authwarden:authwarden/synth/shop-legacy -->\n")).toBe(true);

    const second = auditStack("shop-legacy", { comment: "true" }, env).run;
    expect(second.steps.find((s) => s.name === "Pull request comment")!.stdout).toContain(
      `PR comment: updated ${posted.id}`,
    );
    expect(comments().map((c) => c.id)).toEqual([7, posted.id]);
    expect(comments()[0]!.body).toBe("looks good to me");
    const log = readFileSync(join(dir, "gh.log"), "utf8").trimEnd().split("\n");
    expect(log.map((line) => line.match(/--method (\w+)/)?.[1] ?? "GET")).toEqual(["GET", "POST", "GET", "PATCH"]);
    expect(log[1]).toContain("repos/acme/shop/issues/42/comments");
    expect(log[3]).toContain(`repos/acme/shop/issues/comments/${posted.id}`);
  });
});

describe("the README's workflows and the pre-commit hook", () => {
  it("every README workflow parses, and gives the action only inputs it has", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const action = parse(readFileSync(join(REPO, "action.yml"), "utf8")) as { inputs: Record<string, unknown> };
    const workflows = [...readme.matchAll(/```yaml\n(# \.github\/workflows\/[\s\S]*?)```/g)].map(
      (m) => parse(m[1]!) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> },
    );
    expect(workflows).toHaveLength(3);
    const uses = workflows.flatMap((w) =>
      Object.values(w.jobs).flatMap((job) => job.steps.filter((s) => s.uses?.startsWith("authwarden/authwarden@"))),
    );
    expect(uses).toHaveLength(2);
    for (const step of uses)
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
  });

  it("the authwarden-hcl hook's entry and args audit a .tf directory", () => {
    const [hook] = parse(readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as {
      id: string;
      entry: string;
      args: string[];
      pass_filenames: boolean;
    }[];
    expect(hook).toMatchObject({ id: "authwarden-hcl", pass_filenames: false });
    const [command, ...words] = hook!.entry.split(" ");
    expect(command).toBe("authwarden");
    // pre-commit runs the hook in the repository root: here, the root of a Terraform configuration.
    const run = runBin([...words, ...hook!.args], { cwd: join(REPO, "test", "fixtures", "hcl", "identity-trust") });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/gate failed/);
  });
});
