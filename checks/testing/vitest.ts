// The matcher types for vitest: `import "authwarden/testing/vitest"` beside expect.extend(authwardenMatchers).
// Types only; the module is empty at run time, so it does not load vitest.

import type { AuthwardenMatchers } from "./matchers.js";

// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- an error in one build only, so not @ts-expect-error
// @ts-ignore -- the CommonJS build (node10 resolution) calls this augmentation invalid; a consumer's compile applies it (tested)
declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends AuthwardenMatchers<T> {}
}
