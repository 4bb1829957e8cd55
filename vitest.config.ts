import { defineConfig } from "vitest/config";

// The rule tests and the synth loader tests run once per provider binding: aws-5 synthesizes with
// cdktf 0.21 and @cdktf/provider-aws (hashicorp/aws 5.100), aws-6 with the same imports resolved to
// cdktn 0.24 and @cdktn/provider-aws (hashicorp/aws 6.66), so every fixture proves both attribute
// shapes (test/harness/provider-binding.ts checks the synthesized version matches the project).
const BOTH_BINDINGS = ["test/rules/**/*.test.ts", "test/harness/**/*.test.ts", "test/sources/synth/**/*.test.ts"];

export default defineConfig({
  oxc: { include: /\.(m|c)?tsx?$/ },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "aws-5",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.aws-6.test.ts"],
          env: { AUTHWARDEN_PROVIDER_BINDING: "aws-5" },
        },
      },
      {
        extends: true,
        resolve: {
          alias: [
            { find: /^cdktf$/, replacement: "cdktn" },
            { find: /^@cdktf\/provider-aws\/(.*)$/, replacement: "@cdktn/provider-aws/$1" },
          ],
        },
        test: {
          name: "aws-6",
          include: [...BOTH_BINDINGS, "test/**/*.aws-6.test.ts"],
          env: { AUTHWARDEN_PROVIDER_BINDING: "aws-6" },
        },
      },
    ],
  },
});
