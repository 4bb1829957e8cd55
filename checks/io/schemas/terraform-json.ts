// The shape of Terraform JSON configuration as authwarden reads it: a cdktf stack (cdk.tf.json), a
// .tf.json file, or hcl2json's reading of a .tf file (which wraps every block body in an array).
// The top-level keys are Terraform's block types, so a misspelt "resources" is refused as Terraform
// refuses it, instead of auditing nothing.

/** Terraform's rule for type and resource names: a letter or underscore, then letters, digits, _ and -. */
const NAME = "^[A-Za-z_][A-Za-z0-9_-]*$";

const body = {
  anyOf: [{ type: "object" }, { type: "array", minItems: 1, items: { type: "object" } }],
};

/** resource, data, ephemeral: type -> name -> block body. */
const labelledTwice = {
  type: "object",
  propertyNames: { pattern: NAME },
  additionalProperties: { type: "object", propertyNames: { pattern: NAME }, additionalProperties: body },
};

const labelledOnce = { type: "object", additionalProperties: body };
const blocks = { type: ["object", "array"] };

export const terraformJsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    "//": {},
    terraform: blocks,
    provider: { type: ["object", "array"] },
    variable: labelledOnce,
    output: labelledOnce,
    locals: blocks,
    module: labelledOnce,
    resource: labelledTwice,
    data: labelledTwice,
    ephemeral: labelledTwice,
    action: labelledTwice,
    moved: blocks,
    import: blocks,
    removed: blocks,
    check: blocks,
  },
} as const;
