// check --hcl reads what file() gives, as Terraform does (relative to the directory it runs in, or
// "${path.module}/..." in a child module), so no-plaintext-secrets judges SAML metadata shipped beside
// the configuration: a private key in it FAILS, clean metadata PASSES, and a file that cannot be read
// leaves the provider UNKNOWN with a diagnostic naming the file and the problem. The key is never printed.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../../../checks/sources/hcl/file-function.js";
import type { Report } from "../../../checks/engine/report.js";
import { checkReport, runCli } from "../../support/run-cli.js";

const KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
const metadata = (withKey: boolean) =>
  `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"><IDPSSODescriptor>${
    withKey ? `<!-- -----BEGIN PRIVATE KEY-----\n${KEY_BODY}\n-----END PRIVATE KEY----- -->` : ""
  }</IDPSSODescriptor></EntityDescriptor>\n`;

const samlProvider = (name: string, metadataFile: string) => `
resource "aws_cognito_identity_provider" "${name}" {
  user_pool_id  = aws_cognito_user_pool.staff.id
  provider_name = "${name}"
  provider_type = "SAML"
  provider_details = {
    MetadataFile = ${metadataFile}
  }
  attribute_mapping = { email = "email" }
}
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "authwarden-hcl-file-"));
  mkdirSync(join(dir, "metadata"));
  mkdirSync(join(dir, "modules", "idp"), { recursive: true });
  writeFileSync(join(dir, "metadata", "leaky.xml"), metadata(true));
  writeFileSync(join(dir, "metadata", "clean.xml"), metadata(false));
  writeFileSync(join(dir, "metadata", "huge.xml"), "x".repeat(MAX_FILE_BYTES + 1));
  writeFileSync(join(dir, "modules", "idp", "idp.xml"), metadata(true));
  writeFileSync(
    join(dir, "main.tf"),
    `resource "aws_cognito_user_pool" "staff" {
  name = "staff"
}
${samlProvider("fail_leaky", 'file("metadata/leaky.xml")')}
${samlProvider("pass_clean", 'file("metadata/clean.xml")')}
${samlProvider("unknown_missing", 'file("metadata/missing.xml")')}
${samlProvider("unknown_huge", 'file("metadata/huge.xml")')}
module "idp" {
  source       = "./modules/idp"
  user_pool_id = aws_cognito_user_pool.staff.id
}
`,
  );
  writeFileSync(
    join(dir, "modules", "idp", "main.tf"),
    `variable "user_pool_id" {
  type = string
}
resource "aws_cognito_identity_provider" "module_leaky" {
  user_pool_id  = var.user_pool_id
  provider_name = "module_leaky"
  provider_type = "SAML"
  provider_details = {
    MetadataFile = file("\${path.module}/idp.xml")
  }
  attribute_mapping = { email = "email" }
}
`,
  );
});

function secretsVerdict(report: Report, name: string) {
  const found = report.results.filter((r) => r.ruleId === "no-plaintext-secrets" && r.resource.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

describe("check --hcl: SAML metadata read with file()", () => {
  it("judges the file's content: a private key FAILS, clean metadata PASSES, in the root and a child module", async () => {
    const report = await checkReport(["--hcl", dir, "--rule", "no-plaintext-secrets"]);
    const leaky = secretsVerdict(report, "fail_leaky");
    expect(leaky.status).toBe("FAIL");
    expect(leaky.message).toMatch(/provider_details\.MetadataFile holds a private key block \(\d+ characters\)/);
    expect(secretsVerdict(report, "module_leaky").status).toBe("FAIL");
    expect(secretsVerdict(report, "pass_clean").status).toBe("PASS");
  });

  it("a file that cannot be read (missing, too large) leaves the provider UNKNOWN and names the file and problem", async () => {
    const report = await checkReport(["--hcl", dir, "--rule", "no-plaintext-secrets"]);
    for (const name of ["unknown_missing", "unknown_huge"]) {
      const result = secretsVerdict(report, name);
      expect(result.status).toBe("UNKNOWN");
      expect(result.messageId).toBe("metadataFromFile");
    }
    const messages = report.diagnostics.map((d) => d.message);
    expect(messages).toContain(
      `file("metadata/missing.xml") in ${dir}: ${join(dir, "metadata", "missing.xml")} does not exist; the value it gives is unknown`,
    );
    expect(messages).toContain(
      `file("metadata/huge.xml") in ${dir}: ${join(dir, "metadata", "huge.xml")} is larger than ${MAX_FILE_BYTES} bytes; the value it gives is unknown`,
    );
  });

  it("never prints the key, in any format", async () => {
    const { stdout, stderr } = await runCli(["check", "--hcl", dir, "--format", "json", "markdown", "console"]);
    for (const text of [stdout, stderr]) {
      expect(text).not.toContain(KEY_BODY);
      expect(text).not.toContain(KEY_BODY.slice(0, 12));
    }
  });
});
