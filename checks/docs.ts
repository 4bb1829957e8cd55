// `npm run docs`: rewrites the README's rule catalog between its markers from rule metadata.

import { readFileSync, writeFileSync } from "node:fs";
import { catalogMarkdown } from "./engine/catalog.js";
import { RULES } from "./rules/index.js";

const START = "<!-- rules:start -->";
const END = "<!-- rules:end -->";
const readme = readFileSync("README.md", "utf8");
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} ... ${END} markers`);
writeFileSync("README.md", `${readme.slice(0, start + START.length)}\n${catalogMarkdown(RULES)}\n${readme.slice(end)}`);
