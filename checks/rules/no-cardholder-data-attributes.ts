import type { CustomAttribute } from "../model/index.js";
import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";

const DEFAULT_NAMES = ["pan", "card_number", "cardnumber", "ccnum", "cvv", "cvc", "cvv2", "card_expiry", "track"];

/** The requirement a default name's data falls under: PAN 3.5.1, sensitive authentication data 3.3.1, expiry 3.2.1. */
const REQUIREMENT_OF: Readonly<Record<string, string>> = {
  pan: "3.5.1",
  card_number: "3.5.1",
  cardnumber: "3.5.1",
  ccnum: "3.5.1",
  cvv: "3.3.1",
  cvc: "3.3.1",
  cvv2: "3.3.1",
  track: "3.3.1",
  card_expiry: "3.2.1",
};
const ALL_REQUIREMENTS = ["3.2.1", "3.3.1", "3.5.1"];

type MessageId = "pass" | "cardData";

export default defineRule<{ names: string[] }, MessageId>({
  meta: {
    id: "no-cardholder-data-attributes",
    title: "User pools have no custom attribute that holds card data (PAN, CVV, expiry, track data)",
    description:
      "User attributes are readable by app clients and sit in ID tokens and Cognito exports, outside the cardholder data environment's protections: PCI DSS 3.2.1 keeps account data storage to a minimum, 3.3.1 forbids keeping sensitive authentication data (CVV, track data) after authorization and 3.5.1 requires the PAN to be unreadable wherever it is stored. A custom attribute whose name suggests card data fails. Names are split into words at _ - . : and camelCase; a single-word entry (pan, cvv) must equal one of the words, so company or span do not match; an entry of several words (card_number) or a compound (cardnumber) matches anywhere in the name with separators removed.",
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
            description: "Words or compounds that suggest card data in a custom attribute name.",
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
      const matchers = context.options(pool).names.map(matcher);
      const attributes = pool.customAttributes;
      if (!attributes.known) return unknownFinding(pool, "schema", attributes);
      const evidence = [
        evidenceOf("custom attributes", attributes, (list) => list.map((a) => `custom:${a.name}`).join(", ") || "none"),
      ];
      const hits: { attribute: CustomAttribute; name: string }[] = [];
      for (const attribute of attributes.value) {
        const hit = matchers.find((m) => m.test(attribute.name));
        if (hit) hits.push({ attribute, name: hit.name });
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
        requirements: [...new Set(hits.flatMap((h) => REQUIREMENT_OF[h.name] ?? ALL_REQUIREMENTS))].sort(),
      };
    });
  },
});

/** Splits an attribute name into lower-case words at separators and camelCase boundaries. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_\-.:]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 0);
}

function matcher(entry: string): { name: string; test(attribute: string): boolean } {
  const parts = words(entry);
  const compound = parts.join("");
  // Several words (card_number) or a long compound (cardnumber): match anywhere once separators are gone.
  const substring = parts.length > 1 || compound.length >= 6;
  return {
    name: entry,
    test: (attribute) =>
      substring ? words(attribute).join("").includes(compound) : words(attribute).includes(compound),
  };
}
