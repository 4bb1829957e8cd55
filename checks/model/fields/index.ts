// The field tables of every kind, for the sources and for evidence labels.

export * from "./field.js";
export * from "./identity.js";
export * from "./user-pool-client.js";
export * from "./user-pool.js";
