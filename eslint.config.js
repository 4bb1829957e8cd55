// Lint: typescript-eslint's recommended rules on every TypeScript and JavaScript file; layout is
// Prettier's (eslint-config-prettier turns off the rules it decides). `npm run lint` allows no warning.

import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "cdktf.out/", "cdktn.out/", "coverage/", "test/.work/", "**/.terraform/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
      "no-console": "error",
    },
  },
  // The command's entry point is CommonJS (bin/package.json): it requires Node's own modules.
  {
    files: ["bin/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["bench/**", "test/**/generate.ts", "test/fixtures/**/*.ts"], rules: { "no-console": "off" } },
  prettier,
);
