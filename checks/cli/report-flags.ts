// The flags that only change what the report files say: where the repository is (SARIF paths),
// where the full report is published (the Markdown's link) and Part I of the evidence report.

import type { Command } from "commander";
import type { WriterOptions } from "../../reports/index.js";

export interface ReportFlags {
  repositoryRoot?: string;
  reportUrl?: string;
  assessedEntity?: string;
  assessor?: string;
  assessmentPeriod?: string;
  scopeStatement?: string;
}

export function addReportFlags(command: Command): Command {
  return command
    .option("--repository-root <dir>", "SARIF paths relative to this directory (default: the nearest .git upward)")
    .option("--report-url <url>", "link the Markdown summary to the full report published here")
    .option("--assessed-entity <name>", "evidence report Part I: the entity assessed")
    .option("--assessor <name>", "evidence report Part I: who ran the assessment")
    .option("--assessment-period <text>", "evidence report Part I: the period assessed")
    .option("--scope-statement <text>", "evidence report Part I: what the assessment covers");
}

/** The writers' options: the flags, over what the command itself knows (a scan's endpoint). */
export function writerOptions(flags: ReportFlags, known: WriterOptions = {}): WriterOptions {
  const assessment = {
    ...(flags.assessedEntity ? { entity: flags.assessedEntity } : {}),
    ...(flags.assessor ? { assessor: flags.assessor } : {}),
    ...(flags.assessmentPeriod ? { period: flags.assessmentPeriod } : {}),
    ...(flags.scopeStatement ? { scope: flags.scopeStatement } : {}),
  };
  return {
    ...known,
    ...(flags.repositoryRoot ? { repositoryRoot: flags.repositoryRoot } : {}),
    ...(flags.reportUrl ? { reportUrl: flags.reportUrl } : {}),
    ...(Object.keys(assessment).length > 0 ? { assessment } : {}),
  };
}
