// A synth whose user pool name, tag values and client name carry script and onerror payloads,
// pipes, backticks, Markdown links, a mention, a newline and a control character, and a second
// pool whose name and tag value carry every bidirectional control, NUL and ESC.

import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { client } from "../harness/cognito-fixtures.js";
import { synthFixture } from "../harness/synth-fixture.js";

export const SCRIPT = "<script>alert(1)</script>";
export const IMG = "<img src=x onerror=alert(1)>";
export const POOL_NAME = `staff ${SCRIPT} | pipe \`tick\` [link](https://evil.example) ![i](https://evil.example/p.png) @acme/admins $x$\nsecond line`;
export const CLIENT_NAME = `${IMG}\u0007bell`;
/** Every bidi control (overrides, embeddings, isolates, marks), then NUL and an ANSI escape. */
export const BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c";
export const BIDI_CODES = [
  "202a",
  "202b",
  "202c",
  "202d",
  "202e",
  "2066",
  "2067",
  "2068",
  "2069",
  "200e",
  "200f",
  "061c",
];
export const BIDI_NAME = `invoice\u202efdp.exe\u202c ${BIDI} nul\u0000 esc\u001b[31mred`;

export function hostileSynth(): string {
  return synthFixture((scope) => {
    const pool = new CognitoUserPool(scope, "HostilePool", {
      name: POOL_NAME,
      tags: { "pci:audience": IMG, team: IMG },
      mfaConfiguration: "OFF",
    });
    client(scope, "HostileClient", pool, { accessTokenValidity: 24, refreshTokenValidity: 30 }).addOverride(
      "name",
      CLIENT_NAME,
    );
    new CognitoUserPool(scope, "BidiPool", { name: BIDI_NAME, tags: { team: BIDI_NAME }, mfaConfiguration: "OFF" });
  }, "hostile");
}
