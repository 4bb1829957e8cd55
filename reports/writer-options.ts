// What a writer may be told beyond the Report and the rule metadata: where the repository is (for
// SARIF's repository-relative URIs), where the full report will be published (linked from the
// Markdown comment), Part I of the evidence report, and which endpoint a live scan read.

/** Part I of the evidence report: who was assessed, by whom, over which period, in what scope. */
export interface AssessmentDetails {
  readonly entity?: string;
  readonly assessor?: string;
  readonly period?: string;
  readonly scope?: string;
}

/** The endpoint a live scan read. */
export interface ScanEndpoint {
  /** The --endpoint-url, or a description of the AWS SDK's default endpoints in the scanned regions. */
  readonly url: string;
  /** Set when --endpoint-url redirected every request: an emulator or a proxy, not AWS itself. */
  readonly overridden: boolean;
}

export interface WriterOptions {
  /** Repository root for SARIF's %SRCROOT%; found from the inputs and the working directory (nearest .git) when not given. */
  readonly repositoryRoot?: string;
  /** The directory the report's relative paths are relative to: the audit's working directory. */
  readonly cwd?: string;
  /** The full report artifact, linked from the Markdown comment for what it leaves out. */
  readonly reportUrl?: string;
  readonly assessment?: AssessmentDetails;
  readonly endpoint?: ScanEndpoint;
}
