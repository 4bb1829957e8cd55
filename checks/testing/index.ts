// authwarden/testing: audit a stack of your cdktf (0.21) or cdktn (0.24) app in a unit test.
//
//   import { expect, test } from "vitest";
//   import { authwardenMatchers } from "authwarden/testing";
//   import "authwarden/testing/vitest"; // the matcher types (authwarden/testing/jest for jest)
//   expect.extend(authwardenMatchers);
//   test("staff pool", () => expect(stack).toPassCompliance());

export { audit, type AuditOptions, type AuditTarget } from "./audit.js";
export { authwardenMatchers, type AuthwardenMatchers, type FailRuleOptions, type MatcherResult } from "./matchers.js";
export { blockingResults } from "./findings.js";
export type { Report, Result, ResultResource } from "../engine/report.js";
export type { Severity, Status } from "../engine/rule.js";
