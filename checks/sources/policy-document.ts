// Turns IAM policy documents, however they were written, into the model's PolicyDocument:
// literal JSON (live reads, JSON.stringify in cdktf), jsonencode(...) HCL expressions, and
// aws_iam_policy_document data source blocks.

import { isTermLeaf, jsonencodeArgument, rebaseTerm, templateTerm, type TermJson } from "./terraform/expressions.js";
import {
  known,
  literalTerm,
  unknown,
  type PolicyCondition,
  type PolicyDocument,
  type PolicyPrincipal,
  type PolicyStatement,
  type Ref,
  type Term,
  type Value,
} from "../model/index.js";
import { InputError } from "../errors.js";
import { MAX_NESTING_DEPTH, nestingDepth } from "../io/json-scan.js";
import { isJsonObject, JsonInputProblem, safeJsonParse, type JsonValue } from "../io/safe-json.js";

/** How string leaves of a JSON policy are read: Terraform templates (configuration) or plain text (live, plan values). */
export type StringMode = "template" | "literal";

export type PolicySource =
  | { readonly kind: "document"; readonly document: Value<PolicyDocument> }
  | { readonly kind: "data-source"; readonly ref: Ref };

/** Where a policy string was read from, so a document past the parser's limits is bad input of that file. */
export interface PolicyOrigin {
  readonly file: string;
  /** The attribute, e.g. aws_iam_role.app.assume_role_policy. */
  readonly attribute: string;
}

/**
 * Reads a policy attribute value (assume_role_policy, policy) as written in configuration. A
 * document with duplicate keys or nested past the limit is an InputError naming `origin`'s file;
 * without an origin (a live read) it is an unknown document with the reason.
 */
export function readPolicyString(raw: string, mode: StringMode, origin?: PolicyOrigin): PolicySource {
  if (mode === "template") {
    const encoded = jsonencodeArgument(raw);
    if (encoded !== undefined) {
      if (nestingDepth(encoded, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) {
        const problem = `nests objects and arrays deeper than the ${MAX_NESTING_DEPTH}-level limit`;
        if (origin) throw new InputError(origin.file, `${origin.attribute}: the policy document ${problem}`);
        return { kind: "document", document: unknown(`the policy document ${problem}`) };
      }
      return { kind: "document", document: policyDocumentFromTermJson(encoded) };
    }
    const term = templateTerm(raw);
    if (term.exactRef) {
      // The data source may be in a module instance (module.m["k"].data.aws_iam_policy_document.x).
      if (
        /^(?:.*\.)?data\.aws_iam_policy_document\./.test(term.exactRef.address) &&
        term.exactRef.attribute === "json"
      ) {
        return { kind: "data-source", ref: term.exactRef };
      }
      return {
        kind: "document",
        document: unknown(`the policy is the value of ${term.text}, which is not known before apply`),
      };
    }
    if (term.opaque !== undefined && !raw.trim().startsWith("{")) {
      return {
        kind: "document",
        document: unknown(
          `the policy is computed by an expression (${truncate(term.opaque)}) that cannot be evaluated statically`,
        ),
      };
    }
  }
  let parsed: JsonValue;
  try {
    parsed = safeJsonParse(raw);
  } catch (error) {
    if (!(error instanceof JsonInputProblem))
      return { kind: "document", document: unknown("the policy is not valid JSON") };
    if (origin) throw new InputError(origin.file, `${origin.attribute}: the policy document ${error.message}`);
    return { kind: "document", document: unknown(`the policy document ${error.message}`) };
  }
  return { kind: "document", document: policyDocumentFromTermJson(toTermJson(parsed, mode)) };
}

export function toTermJson(value: JsonValue, mode: StringMode): TermJson {
  if (typeof value === "string") return { $term: mode === "template" ? templateTerm(value) : literalTerm(value) };
  if (Array.isArray(value)) return value.map((item) => toTermJson(item, mode));
  if (isJsonObject(value)) {
    const out: { [key: string]: TermJson } = {};
    for (const [key, item] of Object.entries(value)) out[key] = toTermJson(item, mode);
    return out;
  }
  return value;
}

class MalformedPolicy extends Error {}

export function policyDocumentFromTermJson(value: TermJson): Value<PolicyDocument> {
  try {
    if (!isObject(value)) throw new MalformedPolicy("the policy document is not a JSON object");
    const statementValue = getCaseInsensitive(value, "Statement");
    if (statementValue === undefined) throw new MalformedPolicy("the policy document has no Statement");
    const statements = (Array.isArray(statementValue) ? statementValue : [statementValue]).map(readStatement);
    return known({ statements });
  } catch (error) {
    if (error instanceof MalformedPolicy) return unknown(error.message);
    throw error;
  }
}

function readStatement(value: TermJson): PolicyStatement {
  if (!isObject(value)) throw new MalformedPolicy("a policy statement is not an object");
  const effect = termText(getCaseInsensitive(value, "Effect"), "Effect");
  if (effect !== "Allow" && effect !== "Deny")
    throw new MalformedPolicy(`a policy statement has Effect ${JSON.stringify(effect)}`);
  const sid = getCaseInsensitive(value, "Sid");
  const optional = <T>(key: string, read: (v: TermJson) => T): T | undefined => {
    const raw = getCaseInsensitive(value, key);
    return raw === undefined ? undefined : read(raw);
  };
  return {
    ...(sid !== undefined ? { sid: termText(sid, "Sid") } : {}),
    effect,
    ...withDefined(
      "actions",
      optional("Action", (v) => stringList(v, "Action")),
    ),
    ...withDefined(
      "notActions",
      optional("NotAction", (v) => stringList(v, "NotAction")),
    ),
    ...withDefined(
      "resources",
      optional("Resource", (v) => termList(v, "Resource")),
    ),
    ...withDefined(
      "notResources",
      optional("NotResource", (v) => termList(v, "NotResource")),
    ),
    ...withDefined("principals", optional("Principal", readPrincipals)),
    ...withDefined("notPrincipals", optional("NotPrincipal", readPrincipals)),
    conditions: optional("Condition", readConditions) ?? [],
  };
}

function readPrincipals(value: TermJson): PolicyPrincipal[] {
  if (isTermLeaf(value)) {
    if (value.$term.text === "*") return [{ type: "*", ids: [literalTerm("*")] }];
    throw new MalformedPolicy(`Principal ${JSON.stringify(value.$term.text)} is neither "*" nor an object`);
  }
  if (!isObject(value)) throw new MalformedPolicy("Principal is not an object");
  return Object.entries(value).map(([type, ids]) => ({ type, ids: termList(ids, `Principal.${type}`) }));
}

function readConditions(value: TermJson): PolicyCondition[] {
  if (!isObject(value)) throw new MalformedPolicy("Condition is not an object");
  const conditions: PolicyCondition[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isObject(block)) throw new MalformedPolicy(`Condition ${operator} is not an object`);
    for (const [key, values] of Object.entries(block)) {
      conditions.push({ operator, key: key.toLowerCase(), values: termList(values, `Condition.${operator}.${key}`) });
    }
  }
  return conditions;
}

/** Reads the statement blocks of an aws_iam_policy_document data source (configuration shape). */
export function policyDocumentFromDataSource(attributes: Record<string, unknown>): Value<PolicyDocument> {
  for (const merged of ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]) {
    const present = attributes[merged];
    if (present !== undefined && present !== null && !(Array.isArray(present) && present.length === 0)) {
      return unknown(`the policy document data source merges other documents (${merged}), which is not evaluated`);
    }
  }
  try {
    const blocks = asBlocks(attributes.statement);
    const statements = blocks.map((block): PolicyStatement => {
      const effect = block.effect === undefined ? "Allow" : block.effect;
      if (effect !== "Allow" && effect !== "Deny")
        throw new MalformedPolicy(`a statement has effect ${JSON.stringify(effect)}`);
      const strings = (key: string) =>
        Array.isArray(block[key]) ? (block[key] as unknown[]).map((s) => String(s)) : undefined;
      const terms = (key: string) => strings(key)?.map((s) => templateTerm(s));
      const principals = (key: string) =>
        asBlocks(block[key]).map((p) => ({
          type: String(p.type),
          ids: (Array.isArray(p.identifiers) ? p.identifiers : []).map((s) => templateTerm(String(s))),
        }));
      return {
        ...(typeof block.sid === "string" ? { sid: block.sid } : {}),
        effect,
        ...withDefined("actions", strings("actions")),
        ...withDefined("notActions", strings("not_actions")),
        ...withDefined("resources", terms("resources")),
        ...withDefined("notResources", terms("not_resources")),
        ...(block.principals !== undefined ? { principals: principals("principals") } : {}),
        ...(block.not_principals !== undefined ? { notPrincipals: principals("not_principals") } : {}),
        conditions: asBlocks(block.condition).map((c) => ({
          operator: String(c.test),
          key: String(c.variable).toLowerCase(),
          values: (Array.isArray(c.values) ? c.values : []).map((s) => templateTerm(String(s))),
        })),
      };
    });
    return known({ statements });
  } catch (error) {
    if (error instanceof MalformedPolicy) return unknown(error.message);
    throw error;
  }
}

/** A document read from a module's configuration, with references to the module's resources made absolute. */
export function rebasePolicyDocument(
  document: Value<PolicyDocument>,
  prefix: string | undefined,
): Value<PolicyDocument> {
  if (!prefix || !document.known) return document;
  const terms = (list: readonly Term[] | undefined) => list?.map((term) => rebaseTerm(term, prefix));
  const principals = (list: readonly PolicyPrincipal[] | undefined) =>
    list?.map((p) => ({ type: p.type, ids: terms(p.ids) ?? [] }));
  const statements = document.value.statements.map((statement): PolicyStatement => ({
    ...statement,
    ...withDefined("resources", terms(statement.resources)),
    ...withDefined("notResources", terms(statement.notResources)),
    ...withDefined("principals", principals(statement.principals)),
    ...withDefined("notPrincipals", principals(statement.notPrincipals)),
    conditions: statement.conditions.map((condition) => ({ ...condition, values: terms(condition.values) ?? [] })),
  }));
  return { ...document, value: { statements } };
}

/** Terraform JSON nested blocks: one object, or an array of objects. */
export function asBlocks(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter(
    (item): item is Record<string, unknown> => typeof item === "object" && item !== null && !Array.isArray(item),
  );
}

function isObject(value: TermJson | undefined): value is { [key: string]: TermJson } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isTermLeaf(value);
}

function getCaseInsensitive(object: { [key: string]: TermJson }, key: string): TermJson | undefined {
  if (key in object) return object[key];
  const lower = key.toLowerCase();
  const found = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : object[found];
}

function termText(value: TermJson | undefined, field: string): string {
  if (value !== undefined && isTermLeaf(value)) return value.$term.text;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new MalformedPolicy(`${field} is not a string`);
}

function termList(value: TermJson, field: string): Term[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (isTermLeaf(item)) return item.$term;
    if (typeof item === "number" || typeof item === "boolean") return literalTerm(String(item));
    throw new MalformedPolicy(`${field} holds a value that is not a string`);
  });
}

function stringList(value: TermJson, field: string): string[] {
  return termList(value, field).map((term) => term.text);
}

function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
