// One CLI run with every format on the synthesized reference app: five files that agree with each
// other and with the JSON, validate against their schemas, and repeat byte for byte but the time.

import { gzipSync } from "node:zlib";
import type * as Sarif from "sarif";
import { beforeAll, describe, expect, it } from "vitest";
import { AuthwardenError, ReportLimitError } from "../../checks/errors.js";
import { assertValid } from "../../checks/io/json-schema.js";
import type { Report, Result } from "../../checks/engine/report.js";
import { NAMED_POOLS, writeConsole } from "../../reports/console.js";
import { FILE_WRITERS } from "../../reports/index.js";
import { PCI_REQUIREMENTS, PRINCIPALS } from "../../checks/engine/pci-requirements.js";
import { withoutInterpolations } from "../../reports/markdown-text.js";
import { fingerprint, SECURITY_SEVERITY, writeSarif } from "../../reports/sarif.js";
import { ruleMetadata } from "../../checks/engine/catalog.js";
import { RULES } from "../../checks/rules/index.js";
import { synthReferenceApp } from "../support/reference-synth.js";
import { reportSchema, runAllFormats, validateSarif, type AllFormatsRun } from "../support/reports.js";

// The writers get the rule metadata from their caller, as the CLI hands it in.
const RULE_METADATA = ruleMetadata(RULES);

let synthDir: string;
let first: AllFormatsRun;

beforeAll(async () => {
  synthDir = synthReferenceApp();
  first = await runAllFormats(synthDir);
});

const key = (ruleId: string, resourceKey: string) => `${ruleId} ${resourceKey}`;
const sarifOf = (text: string) => JSON.parse(text) as Sarif.Log;

describe("all formats in one run", () => {
  it("writes the five files and says where", () => {
    expect(Object.keys(first.files).sort()).toEqual([
      "authwarden.html",
      "authwarden.json",
      "authwarden.junit.xml",
      "authwarden.md",
      "authwarden.sarif",
    ]);
    expect(first.run.code).toBe(1);
    for (const name of Object.keys(first.files)) expect(first.run.stdout).toContain(name);
    expect(first.run.stdout).toMatch(/^reports written: /m);
  });

  it("JSON validates against the published schema", () => {
    expect(() => assertValid(reportSchema(), first.report, "authwarden.json")).not.toThrow();
    expect(first.report.results.length).toBeGreaterThan(10);
  });

  it("the schema rejects a report that breaks the contract", () => {
    const broken = { ...first.report, results: [{ ...first.report.results[0], status: "MAYBE" }] };
    expect(() => assertValid(reportSchema(), broken, "authwarden.json")).toThrow(/\/results\/0\/status must be one of/);
  });

  it("SARIF validates against the SARIF 2.1.0 schema", () => {
    const check = validateSarif(sarifOf(first.files["authwarden.sarif"]!));
    expect(check.valid, check.errors).toBe(true);
  });

  it("SARIF results are exactly the FAIL results of the JSON (nothing is waived here)", () => {
    const log = sarifOf(first.files["authwarden.sarif"]!);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    const fails = first.report.results.filter((r) => r.status === "FAIL");
    expect(fails.length).toBeGreaterThan(0);
    const sarifKeys = (run.results ?? []).map((r) =>
      key(r.ruleId!, (r.properties as { resourceKey: string }).resourceKey),
    );
    expect(sarifKeys.sort()).toEqual(fails.map((r) => key(r.ruleId, r.resource.key)).sort());
  });

  it("SARIF carries what GitHub code scanning reads", () => {
    const run = sarifOf(first.files["authwarden.sarif"]!).runs[0]!;
    expect(run.automationDetails?.id).toBe("authwarden/synth/shop-compliant+shop-legacy/");
    expect(run.originalUriBaseIds?.["%SRCROOT%"]?.uri).toMatch(/^file:\/\/\/.*\/$/);
    const rules = run.tool.driver.rules ?? [];
    for (const rule of rules) {
      expect(rule.shortDescription?.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription?.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help?.text).toMatch(/How to fix: /);
      expect(rule.help?.markdown).toMatch(/\*\*How to fix:\*\*/);
      expect(Object.values(SECURITY_SEVERITY)).toContain(rule.properties?.["security-severity"]);
    }
    for (const result of run.results ?? []) {
      expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      const location = result.locations?.[0]?.physicalLocation;
      expect(location?.artifactLocation?.uri).toMatch(/^stacks\/[\w-]+\.ts$/);
      expect(location?.region?.startLine).toBeGreaterThan(0);
      const source = first.report.results.find(
        (r) =>
          r.status === "FAIL" &&
          r.ruleId === result.ruleId &&
          r.resource.key === (result.properties as { resourceKey: string }).resourceKey,
      )!;
      expect(location?.artifactLocation?.uri).toBe(source.resource.file);
      expect(location?.artifactLocation?.uriBaseId).toBe("%SRCROOT%");
      expect(location?.region?.startLine).toBe(source.resource.line);
      expect(location?.region?.startColumn).toBe(source.resource.column);
      expect(source.resource.column).toBeGreaterThan(0);
      expect(result.partialFingerprints?.primaryLocationLineHash).toBe(
        `${fingerprint(source.ruleId, source.resource.key)}:1`,
      );
    }
  });

  it("JUnit has one testcase per result, a failure per FAIL and an error per ERROR", () => {
    const xml = first.files["authwarden.junit.xml"]!;
    const fails = first.report.results.filter((r) => r.status === "FAIL");
    expect(xml.match(/<testcase /g)).toHaveLength(first.report.results.length);
    expect(xml.match(/<failure /g)).toHaveLength(fails.length);
    expect(xml.match(/<error /g) ?? []).toHaveLength(first.report.summary.byStatus.ERROR);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    for (const fail of fails)
      expect(xml).toContain(
        `How to fix: ${fail.remediation.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}`,
      );
    expect(xml).toContain(`failures="${fails.length}"`);
  });

  it("JUnit skips carry their reason in the body, names leave the severity to a property, and no reason repeats", () => {
    const xml = first.files["authwarden.junit.xml"]!;
    const skipped = xml.match(/<skipped [^>]*?\/?>(?:[^<]*<\/skipped>)?/g) ?? [];
    const notRun = first.report.results.filter((r) => ["NOT_APPLICABLE", "UNKNOWN", "WAIVED"].includes(r.status));
    expect(notRun.length).toBeGreaterThan(0);
    expect(skipped).toHaveLength(notRun.length);
    for (const element of skipped) {
      expect(element).not.toMatch(/\/>$/);
      expect(element).toMatch(/>[^<]*\S[^<]*<\/skipped>$/);
    }
    const na = first.report.results.find((r) => r.status === "NOT_APPLICABLE")!;
    expect(xml).toContain(
      `<skipped type="not-applicable" message="${na.message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;")}">`,
    );
    expect(xml).not.toMatch(/not applicable: [^"\n]*not applicable:/);
    expect(xml).not.toMatch(/<testcase [^>]*name="\[(CRITICAL|HIGH|MEDIUM|LOW|INFO)\]/);
    const cases = xml.match(/<testcase [\s\S]*?<\/testcase>/g) ?? [];
    expect(cases).toHaveLength(first.report.results.length);
    for (const c of cases) expect(c).toMatch(/<property name="severity" value="(critical|high|medium|low|info)"\/>/);
  });

  it("Markdown has the verdict, severity counts, failures and the requirements touched", () => {
    const md = first.files["authwarden.md"]!;
    expect(md).toMatch(/^<!-- authwarden:pr-comment -->\n### ❌ authwarden: gate failed/);
    expect(md).toContain("| Failures by severity |");
    expect(md).toContain("#### PCI DSS v4.0.1 requirements touched");
    expect(md).toMatch(/\| 8\.3\.6 \| ❌ Not in Place \|/);
    const failureRows = md.split("\n").filter((line) => /^\| 🟥|^\| 🟧|^\| 🟨|^\| 🟦|^\| ⬜/.test(line));
    expect(failureRows).toHaveLength(first.report.summary.byStatus.FAIL);
    const ruleRows = md.split("\n").filter((line) => /^\| \[[a-z0-9-]+\]\(https:/.test(line));
    expect(ruleRows).toHaveLength(
      new Set(first.report.results.filter((r) => r.status === "FAIL").map((r) => r.ruleId)).size,
    );
  });

  it("Markdown messages show Terraform references and IAM policy variables without a raw ${...}", () => {
    const md = first.files["authwarden.md"]!;
    const withToken = first.report.results.filter((r) => r.status === "FAIL" && r.message.includes("${"));
    expect(withToken.length).toBeGreaterThan(1);
    const failureRows = md.split("\n").filter((line) => /^\| (🟥|🟧|🟨|🟦|⬜) /u.test(line));
    expect(failureRows).toHaveLength(first.report.summary.byStatus.FAIL);
    for (const row of failureRows) expect(row).not.toMatch(/\$\{|\\\$\\\{/);
    // The reference itself is kept, breakable: aws_cognito_user_pool.ConsumerPool_UserPool_74BEAF0C.endpoint.
    expect(md.replace(/<wbr>/g, "")).toMatch(
      /aws\\_cognito\\_user\\_pool\.ConsumerPool\\_UserPool\\_[0-9A-F]{8}\.endpoint/,
    );
    expect(withoutInterpolations("prefix ${cognito-identity.amazonaws.com:sub} of ${aws_s3_bucket.b.arn}")).toBe(
      "prefix policy variable cognito-identity.amazonaws.com:sub of aws_s3_bucket.b.arn",
    );
    // A fix that must write a policy variable shows it literally, as code.
    expect(md).toContain("`${cognito-identity.amazonaws.com:sub}`");
  });

  it("HTML reports requirement by requirement with ROC findings and the input hashes", () => {
    const html = first.files["authwarden.html"]!;
    for (const input of first.report.inputs) expect(html).toContain(input.sha256);
    expect(html).toContain('id="req-8.3.6"');
    expect(html).toMatch(/id="req-8\.3\.6"[\s\S]*?<span class="badge f-not-in-place">Not in Place<\/span>/);
    expect(html).toContain("Best-Practice Findings");
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;none&#39;;/,
    );
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|<link|src="http|href="http/i);
  });

  it("two runs on the same input are byte-identical except the timestamp", async () => {
    const second = await runAllFormats(synthDir);
    expect(second.report.generatedAt).not.toBe(first.report.generatedAt);
    for (const [name, text] of Object.entries(first.files)) {
      const normalize = (t: string, at: string) => t.split(at).join("<generatedAt>");
      expect(normalize(second.files[name]!, second.report.generatedAt), name).toBe(
        normalize(text, first.report.generatedAt),
      );
    }
  });
});

describe("the ROC requirement catalogue", () => {
  it("has the statement and principal title of every requirement a registered rule names", () => {
    for (const rule of RULES) {
      for (const { id } of rule.meta.pci) {
        expect(PCI_REQUIREMENTS[id]?.text, `${rule.meta.id}: ${id}`).toMatch(/\w/);
        expect(PRINCIPALS[id.split(".")[0]!], `${rule.meta.id}: ${id}`).toMatch(/\w/);
      }
    }
  });
});

describe("waived results", () => {
  function withWaiver(report: Report): Report {
    const target = report.results.find(
      (r) => r.status === "FAIL" && r.controls.some((c) => c.applicable && c.relation === "meets"),
    )!;
    const waiver = {
      id: "W-1",
      reason: "legacy <b>portal</b> retiring",
      owner: "iam-team@example.com",
      expires: "2099-12-31",
      compensatingControl: "IP allow-list | VPN",
      file: "waivers.yaml",
    };
    const results: Result[] = report.results.map((r) => (r === target ? { ...r, status: "WAIVED", waiver } : r));
    return {
      ...report,
      results,
      waivers: [
        { waiver: { ...waiver, id: "W-2" }, ruleId: "mfa-required", selector: "stale-pool", problem: "expired" },
      ],
    };
  }

  it("are SARIF results suppressed externally with the waiver's reason, and listed in the run's properties", () => {
    const report = withWaiver(first.report);
    const waived = report.results.find((r) => r.status === "WAIVED")!;
    const log = sarifOf(FILE_WRITERS.sarif.write(report, RULE_METADATA));
    expect(validateSarif(log).valid).toBe(true);
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(report.results.filter((r) => r.status === "FAIL").length + 1);
    const suppressed = run.results!.filter((r) => r.suppressions !== undefined);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.ruleId).toBe(waived.ruleId);
    expect((suppressed[0]!.properties as { resourceKey: string }).resourceKey).toBe(waived.resource.key);
    expect(suppressed[0]!.suppressions).toEqual([
      {
        kind: "external",
        status: "accepted",
        justification: "legacy <b>portal</b> retiring",
        properties: expect.objectContaining({ waiver: "W-1", owner: "iam-team@example.com", expires: "2099-12-31" }),
      },
    ]);
    expect(run.properties?.waived).toEqual([
      expect.objectContaining({
        ruleId: waived.ruleId,
        resourceKey: waived.resource.key,
        waiver: "W-1",
        owner: "iam-team@example.com",
        expires: "2099-12-31",
      }),
    ]);
    expect(run.properties?.waiverProblems).toEqual([expect.objectContaining({ id: "W-2", problem: "expired" })]);
  });

  it("are skipped in JUnit with the waiver's reason, owner and expiry", () => {
    const xml = FILE_WRITERS.junit.write(withWaiver(first.report), RULE_METADATA);
    expect(xml).toMatch(
      /<skipped type="waived" message="waived by W-1 \(owner iam-team@example.com, expires 2099-12-31\): legacy &lt;b&gt;portal&lt;\/b&gt; retiring; compensating control: IP allow-list \| VPN">/,
    );
  });

  it("appear in the Markdown's collapsed section and the HTML's waiver section with the compensating control", () => {
    const report = withWaiver(first.report);
    const md = FILE_WRITERS.markdown.write(report, RULE_METADATA);
    expect(md).toMatch(/<details>\n<summary>Waived \(1\)<\/summary>/);
    expect(md).toContain("compensating control: IP allow-list \\| VPN");
    expect(md).toMatch(/<summary>Waivers to clean up \(1\)<\/summary>/);
    const html = FILE_WRITERS.html.write(report, RULE_METADATA);
    expect(html).toContain("<td>IP allow-list | VPN</td>");
    expect(html).toContain("legacy &lt;b&gt;portal&lt;/b&gt; retiring");
    expect(html).toMatch(/☒ Compensating Control/);
    // The requirement's own badge says so too: never plain In Place.
    expect(html).toMatch(/<div class="req-head">.*<span class="badge f-not-tested">Compensating Control<\/span>/);
  });
});

describe("SARIF locations when the construct's file is not known", () => {
  it("falls back to the resource's line in the input file, then to the ARN as a logical location", () => {
    const fail = first.report.results.find((r) => r.status === "FAIL")!;
    const { file: _file, line: _line, ...fromInput } = fail.resource;
    const arnOnly = {
      kind: fail.resource.kind,
      name: fail.resource.name,
      key: "live/arn",
      source: "live" as const,
      arn: "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbCd",
    };
    const report: Report = {
      ...first.report,
      results: [
        { ...fail, resource: fromInput },
        { ...fail, resource: arnOnly },
      ],
    };
    const log = sarifOf(writeSarif(report, RULE_METADATA));
    expect(validateSarif(log).valid).toBe(true);
    const [input, arn] = log.runs[0]!.results!;
    expect(fail.resource.inputLine).toBeGreaterThan(1);
    expect(input!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: expect.stringMatching(/^file:\/\/\/.*\/cdk\.tf\.json$/) },
      region: { startLine: fail.resource.inputLine },
    });
    expect(input!.locations![0]!.logicalLocations![0]!.fullyQualifiedName).toBe(
      `${fail.resource.stack}/${fail.resource.address}`,
    );
    expect(arn!.locations![0]!.physicalLocation).toBeUndefined();
    expect(arn!.locations![0]!.logicalLocations).toEqual([
      { fullyQualifiedName: arnOnly.arn, name: arnOnly.name, kind: "resource" },
    ]);
  });
});

describe("rule documentation links", () => {
  it("every SARIF rule has the helpUri of its README section, Markdown and JUnit link the failing rules", () => {
    const { report } = first;
    const rules = sarifOf(writeSarif(report, RULE_METADATA)).runs[0]!.tool.driver.rules!;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.helpUri).toBe(`https://github.com/authwarden/authwarden#${rule.id}`);
    const failing = report.results.find((r) => r.status === "FAIL")!;
    const url = RULE_METADATA.get(failing.ruleId)!.docsUrl!;
    expect(FILE_WRITERS.markdown.write(report, RULE_METADATA)).toContain(`[${failing.ruleId}](${url})`);
    expect(FILE_WRITERS.junit.write(report, RULE_METADATA)).toContain(`<property name="docs" value="${url}"/>`);
  });

  it("without metadata (a report from another build) the writers fall back to the results", () => {
    const rules = sarifOf(writeSarif(first.report, new Map())).runs[0]!.tool.driver.rules!;
    expect(rules.every((r) => r.helpUri === undefined && r.shortDescription!.text.length > 0)).toBe(true);
  });
});

describe("GitHub's SARIF limits", () => {
  it("more than 25,000 results per run is refused with a clear AuthwardenError", () => {
    const fail = first.report.results.find((r) => r.status === "FAIL")!;
    const many: Report = {
      ...first.report,
      results: Array.from({ length: 25_001 }, (_, i) => ({
        ...fail,
        resource: { ...fail.resource, key: `${fail.resource.key}#${i}` },
      })),
    };
    expect(() => writeSarif(many, RULE_METADATA)).toThrow(ReportLimitError);
    expect(() => writeSarif(many, RULE_METADATA)).toThrow(
      /25001 results exceed GitHub code scanning's limit of 25000 per run/,
    );
    expect(new ReportLimitError("x")).toBeInstanceOf(AuthwardenError);
  });

  it("a log over the gzipped size limit is refused", () => {
    const text = writeSarif(first.report, RULE_METADATA);
    const size = gzipSync(text).length;
    expect(() =>
      writeSarif(first.report, RULE_METADATA, { limits: { resultsPerRun: 25_000, gzippedBytes: size - 1 } }),
    ).toThrow(/bytes gzipped exceed GitHub code scanning's limit/);
    expect(writeSarif(first.report, RULE_METADATA, { limits: { resultsPerRun: 25_000, gzippedBytes: size } })).toBe(
      text,
    );
  });
});

describe("the console's audience lines at scale", () => {
  it("name at most NAMED_POOLS pools and count the rest, which the JSON report lists", () => {
    const [pool] = first.report.audiences;
    const pools = Array.from({ length: NAMED_POOLS + 5 }, (_, i) => ({
      ...pool!,
      key: `pool-${i}`,
      name: `shop-${String(i).padStart(2, "0")}`,
      declared: false,
      via: "default" as const,
    }));
    const text = writeConsole({ ...first.report, audiences: pools }, { color: false, verbose: false });
    const line = text.split("\n").find((l) => l.startsWith("! audience not declared for "));
    const named = pools.slice(0, NAMED_POOLS).map((p) => p.name);
    expect(line).toBe(
      `! audience not declared for ${named.join(", ")} and 5 more (each listed in the JSON report's audiences): treated as workforce (tag the pool pci:audience)`,
    );
    const few = writeConsole({ ...first.report, audiences: pools.slice(0, NAMED_POOLS) }, { color: false });
    expect(few).toContain(`! audience not declared for ${named.join(", ")}: treated as workforce`);
  });
});

describe("a pool whose audience could not be read", () => {
  it("is shown as unknown, never as treated as workforce, in the console and the HTML", () => {
    const [pool, ...rest] = first.report.audiences;
    const report: Report = {
      ...first.report,
      audiences: [{ ...pool!, declared: false, via: "unknown" }, ...rest.map((a) => ({ ...a, declared: true }))],
    };
    const name = pool!.name ?? pool!.key;
    const text = writeConsole(report, { color: false, verbose: false });
    expect(text).toContain(`! audience unknown for ${name}: what declares it could not be read`);
    expect(text).not.toContain("treated as workforce");
    const html = FILE_WRITERS.html.write(report, RULE_METADATA);
    expect(html).toContain("unknown: what declares it could not be read, so every requirement is taken to apply");
    expect(html).not.toContain("treated as workforce");
  });
});
