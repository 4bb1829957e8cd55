// A synth whose user pool name, tag values and client name carry script and onerror payloads,
// pipes, backticks, Markdown links, a mention, a newline and a control character.

import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { client } from "../harness/cognito-fixtures.js";
import { synthFixture } from "../harness/synth-fixture.js";

export const SCRIPT = "<script>alert(1)</script>";
export const IMG = "<img src=x onerror=alert(1)>";
export const POOL_NAME = `staff ${SCRIPT} | pipe \`tick\` [link](https://evil.example) ![i](https://evil.example/p.png) @acme/admins $x$\nsecond line`;
export const CLIENT_NAME = `${IMG}\u0007bell`;

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
  }, "hostile");
}
