// The shape of `terraform show -json PLANFILE` (format 1.x) in the parts authwarden reads, after
// https://developer.hashicorp.com/terraform/internals/json-format. Unknown property names are
// allowed everywhere, as that page asks of readers for forward compatibility; a known property of
// the wrong type is refused, so a plan that parses but would audit nothing is bad input.

const ACTIONS = ["no-op", "create", "read", "update", "delete", "forget"];

const resourceChange = {
  type: "object",
  required: ["address", "mode", "type", "name", "change"],
  properties: {
    address: { type: "string", minLength: 1 },
    module_address: { type: "string" },
    mode: { enum: ["managed", "data"] },
    type: { type: "string", minLength: 1 },
    name: { type: "string", minLength: 1 },
    index: { type: ["string", "number"] },
    deposed: { type: "string" },
    provider_name: { type: "string" },
    change: {
      type: "object",
      required: ["actions"],
      properties: {
        actions: { type: "array", minItems: 1, items: { enum: ACTIONS } },
        after_unknown: { type: ["object", "boolean"] },
        after_sensitive: { type: ["object", "boolean"] },
      },
    },
  },
};

const stateResource = {
  type: "object",
  required: ["address", "mode", "type", "name"],
  properties: {
    address: { type: "string", minLength: 1 },
    mode: { enum: ["managed", "data"] },
    type: { type: "string", minLength: 1 },
    name: { type: "string", minLength: 1 },
    index: { type: ["string", "number"] },
    values: { type: "object" },
    sensitive_values: { type: ["object", "boolean"] },
  },
};

const configResource = {
  type: "object",
  required: ["address", "mode", "type", "name"],
  properties: {
    address: { type: "string" },
    mode: { enum: ["managed", "data"] },
    type: { type: "string" },
    name: { type: "string" },
    expressions: { type: "object" },
  },
};

export const terraformPlanSchema = {
  type: "object",
  required: ["format_version"],
  $defs: {
    stateModule: {
      type: "object",
      properties: {
        address: { type: "string" },
        resources: { type: "array", items: stateResource },
        child_modules: { type: "array", items: { $ref: "#/$defs/stateModule" } },
      },
    },
    configModule: {
      type: "object",
      properties: {
        resources: { type: "array", items: configResource },
        module_calls: {
          type: "object",
          additionalProperties: { type: "object", properties: { module: { $ref: "#/$defs/configModule" } } },
        },
      },
    },
    stateValues: { type: "object", properties: { root_module: { $ref: "#/$defs/stateModule" } } },
  },
  properties: {
    format_version: { type: "string" },
    terraform_version: { type: "string" },
    planned_values: { $ref: "#/$defs/stateValues" },
    resource_changes: { type: "array", items: resourceChange },
    resource_drift: { type: "array", items: resourceChange },
    prior_state: { type: "object", properties: { values: { $ref: "#/$defs/stateValues" } } },
    configuration: { type: "object", properties: { root_module: { $ref: "#/$defs/configModule" } } },
  },
} as const;
