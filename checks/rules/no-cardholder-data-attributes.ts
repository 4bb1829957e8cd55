import type { CustomAttribute } from "../model/index.js";
import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";
import { wordPatterns } from "./utils/word-match.js";

/** The default patterns, each with the requirement its data falls under (RULES.md rev 2). */
const REQUIREMENT_OF: Readonly<Record<string, string>> = {
  // PAN: rendered unreadable wherever stored.
  pan: "3.5.1",
  card_number: "3.5.1",
  cardnumber: "3.5.1",
  ccnum: "3.5.1",
  // Sensitive authentication data: not kept after authorization.
  cvv: "3.3.1",
  cvc: "3.3.1",
  cvv2: "3.3.1",
  track: "3.3.1",
  pin_block: "3.3.1",
  // Expiry: account data kept to a minimum.
  card_expiry: "3.2.1",
  exp_date: "3.2.1",
};
const DEFAULT_NAMES = Object.keys(REQUIREMENT_OF);
const ALL_REQUIREMENTS = ["3.2.1", "3.3.1", "3.5.1"];

type MessageId = "pass" | "cardData";

export default defineRule<{ names: string[] }, MessageId>({
  meta: {
    id: "no-cardholder-data-attributes",
    title: "User pools have no custom attribute that holds card data (PAN, CVV, expiry, track data)",
    description:
      "User attributes are readable by app clients and sit in ID tokens and Cognito exports, outside the cardholder data environment's protections: PCI DSS 3.2.1 keeps account data storage to a minimum, 3.3.1 forbids keeping sensitive authentication data (CVV, track data) after authorization and 3.5.1 requires the PAN to be unreadable wherever it is stored. A custom attribute whose name suggests card data fails, on the requirement its pattern names (PAN 3.5.1; CVV, track data, PIN block 3.3.1; expiry 3.2.1). Names are split into words at _ - . and lower-to-upper case changes, digits are words of their own, and a pattern matches a run of whole words, case-insensitively: pan matches pan_last4 and savedPan, not company or span; card_number matches cardNumber.",
    severity: "high",
    pci: [
      { id: "3.2.1", relation: "meets" },
      { id: "3.3.1", relation: "meets" },
      { id: "3.5.1", relation: "meets" },
    ],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          names: {
            type: "array",
            uniqueItems: true,
            items: { type: "string", minLength: 2 },
            description:
              "Patterns of whole words (card_number, cvv) that suggest card data in a custom attribute name.",
          },
        },
      },
      defaults: { names: DEFAULT_NAMES },
    },
    messages: {
      pass: "{{resource}} has no custom attribute that suggests card data ({{count}} custom attributes)",
      cardData:
        "{{resource}} has custom attribute {{attributes}}, whose name suggests card data ({{matched}}); keep card data in the tokenization service, never in user attributes",
    },
    remediation: {
      summary:
        "Remove the attribute from the schema (a custom attribute cannot be deleted: migrate users to a new pool if needed) and keep card data in a PCI-scoped token vault, storing only a token reference.",
      cdktf: `schema: [\n  { name: "payment_token_ref", attributeDataType: "String", mutable: true, stringAttributeConstraints: { minLength: "0", maxLength: "64" } },\n]`,
    },
  },
  check(estate, context) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      // Plain words: the names option has no wildcards.
      const patterns = wordPatterns(context.options(pool).names, { wildcards: false });
      const attributes = pool.customAttributes;
      if (!attributes.known) return unknownFinding(pool, "schema", attributes);
      const evidence = [
        evidenceOf("custom attributes", attributes, (list) => list.map((a) => `custom:${a.name}`).join(", ") || "none"),
      ];
      const hits: { attribute: CustomAttribute; name: string }[] = [];
      for (const attribute of attributes.value) {
        const hit = patterns.first(attribute.name);
        if (hit !== undefined) hits.push({ attribute, name: hit.pattern });
      }
      if (hits.length === 0)
        return {
          resource: pool,
          status: "PASS",
          messageId: "pass",
          data: { count: attributes.value.length },
          evidence,
        };
      return {
        resource: pool,
        status: "FAIL",
        messageId: "cardData",
        data: {
          attributes: hits.map((h) => `custom:${h.attribute.name}`).join(", "),
          matched: [...new Set(hits.map((h) => h.name))].join(", "),
        },
        evidence,
        // A name the policy added has no known kind of data: it bears on all three.
        requirements: [
          ...new Set(
            hits.flatMap((h) => (Object.hasOwn(REQUIREMENT_OF, h.name) ? REQUIREMENT_OF[h.name]! : ALL_REQUIREMENTS)),
          ),
        ].sort(),
      };
    });
  },
});
