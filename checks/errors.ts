// A small typed error hierarchy: every error the CLI turns into "exit 2, one line" carries the
// file it concerns and, where it has one, the JSON path of the bad value.

export abstract class AuthwardenError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that cannot be read or parsed: a missing directory, a truncated JSON file, a binary file. */
export class InputError extends AuthwardenError {
  readonly code = "AUTHWARDEN_INPUT";
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
  }
}

/** A policy pack, user policy or waiver file whose content does not satisfy its JSON Schema. */
export class ConfigValidationError extends AuthwardenError {
  readonly code = "AUTHWARDEN_CONFIG";
  constructor(
    readonly file: string,
    readonly jsonPath: string,
    readonly problem: string,
  ) {
    super(`${file}: ${jsonPath ? `${jsonPath} ` : ""}${problem}`);
  }
}

/** Bad command-line usage. */
export class UsageError extends AuthwardenError {
  readonly code = "AUTHWARDEN_USAGE";
}

/** No AWS credentials in the chain a live scan tried: nothing can be read, so nothing is reported. */
export class CredentialsError extends AuthwardenError {
  readonly code = "AUTHWARDEN_CREDENTIALS";
}

/** A rule's check threw; the engine turns it into an ERROR result and carries on. */
export class RuleExecutionError extends AuthwardenError {
  readonly code = "AUTHWARDEN_RULE";
  constructor(
    readonly ruleId: string,
    cause: unknown,
  ) {
    super(`rule ${ruleId} threw: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** A report that would exceed the limits of where it is going (GitHub code scanning's SARIF limits). */
export class ReportLimitError extends AuthwardenError {
  readonly code = "AUTHWARDEN_REPORT_LIMIT";
}
