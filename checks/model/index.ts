// The model, as one import for sources, rules, engine and writers.

export * from "./api.js";
export * from "./cognito.js";
export * from "./estate.js";
export * from "./identity.js";
export * from "./live-only.js";
export * from "./object.js";
export * from "./policy-document.js";
export * from "./values.js";
