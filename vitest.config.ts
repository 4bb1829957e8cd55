import { defineConfig } from "vitest/config";

export default defineConfig({
  oxc: { include: /\.(m|c)?tsx?$/ },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
