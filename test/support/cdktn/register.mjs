// node --import ./test/support/cdktn/register.mjs: installs alias-hooks.mjs before the app loads.
import { register } from "node:module";

register("./alias-hooks.mjs", import.meta.url);
