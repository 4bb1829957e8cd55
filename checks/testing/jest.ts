// The matcher types for jest: `import "authwarden/testing/jest"` beside expect.extend(authwardenMatchers).
// Types only; the module is empty at run time.

import type { AuthwardenMatchers } from "./matchers.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R> extends AuthwardenMatchers<R> {}
  }
}
