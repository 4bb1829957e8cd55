// The shape of cdktf synth's manifest.json (cdktf.out/manifest.json): at least one stack, each
// naming its synthesized document. Other keys are cdktf's own and are left to it.

export const cdktfManifestSchema = {
  type: "object",
  required: ["stacks"],
  properties: {
    version: { type: "string" },
    stacks: {
      type: "object",
      minProperties: 1,
      additionalProperties: {
        type: "object",
        required: ["synthesizedStackPath"],
        properties: {
          name: { type: "string" },
          constructPath: { type: "string" },
          synthesizedStackPath: { type: "string", minLength: 1 },
          workingDirectory: { type: "string" },
          stackMetadataPath: { type: "string" },
          annotations: { type: "array" },
          dependencies: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
} as const;
