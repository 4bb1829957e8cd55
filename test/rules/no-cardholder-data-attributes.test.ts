import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import rule from "../../checks/rules/no-cardholder-data-attributes.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester, runRule } from "../harness/rule-tester.js";

const schema = (...names: string[]) => ({
  schema: names.map((name) => ({
    name,
    attributeDataType: "String",
    mutable: true,
    stringAttributeConstraints: { minLength: "0", maxLength: "64" },
  })),
});

RuleTester.run(rule, {
  valid: [
    // Words that contain "pan", "cvc" or "track" but are not card data.
    {
      name: "pass_lookalikes",
      stack: (s) =>
        consumerPool(
          s,
          "pass_lookalikes",
          // Whole words only: "primarycardnumber" is one word, not card_number; "pinned_block" is not pin_block.
          schema(
            "company",
            "span_id",
            "tracking_id",
            "expansion_pack",
            "loyalty_id",
            "tier",
            "primarycardnumber",
            "pinned_block",
            "expedite",
          ),
        ),
    },
    { name: "pass_no_custom_attributes", stack: (s) => userPool(s, "pass_no_custom_attributes") },
    {
      name: "pass_token_reference",
      stack: (s) => consumerPool(s, "pass_token_reference", schema("payment_token_ref")),
    },
  ],
  invalid: [
    {
      name: "fail_card_expiry",
      stack: (s) => consumerPool(s, "fail_card_expiry", schema("tier", "card_expiry")),
      results: [
        {
          resource: "fail_card_expiry",
          status: "FAIL",
          messageId: "cardData",
          messageIncludes: "custom:card_expiry, whose name suggests card data (card_expiry)",
        },
      ],
    },
    {
      name: "fail_word_and_camel_case",
      stack: (s) =>
        consumerPool(s, "fail_word_and_camel_case", schema("pan", "cardNumber", "saved_cvv2", "track-data")),
      results: [
        {
          resource: "fail_word_and_camel_case",
          status: "FAIL",
          messageId: "cardData",
          messageIncludes: "custom:pan, custom:cardNumber, custom:saved_cvv2, custom:track-data",
        },
      ],
    },
    {
      name: "fail_compound",
      stack: (s) => userPool(s, "fail_compound", schema("primaryCardnumber", "ccnum", "PANLast4")),
      results: [
        {
          resource: "fail_compound",
          status: "FAIL",
          messageId: "cardData",
          messageIncludes:
            "custom:primaryCardnumber, custom:ccnum, custom:PANLast4, whose name suggests card data (cardnumber, ccnum, pan)",
        },
      ],
    },
    {
      name: "fail_pin_block_and_expiry",
      stack: (s) => userPool(s, "fail_pin_block_and_expiry", schema("pinBlock", "card_exp_date")),
      results: [
        {
          resource: "fail_pin_block_and_expiry",
          status: "FAIL",
          messageId: "cardData",
          messageIncludes: "(pin_block, exp_date)",
        },
      ],
    },
    {
      name: "fail_custom_names",
      options: { names: ["iban"] },
      stack: (s) => userPool(s, "fail_custom_names", schema("iban", "card_number")),
      results: [
        { resource: "fail_custom_names", status: "FAIL", messageId: "cardData", messageIncludes: "custom:iban," },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const name = new TerraformVariable(s, "attribute_name", { type: "string" });
        userPool(s, "unknown_var", {
          schema: [{ name: name.stringValue, attributeDataType: "String", mutable: true }],
        });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.attribute_name" },
      ],
    },
  ],
});

describe("no-cardholder-data-attributes: each pattern fails the requirement its data falls under", () => {
  it.each([
    ["card_number", ["3.5.1"]],
    ["savedCvv2", ["3.3.1"]],
    ["track2", ["3.3.1"]],
    ["pin_block", ["3.3.1"]],
    ["exp_date", ["3.2.1"]],
    ["cardExpiry", ["3.2.1"]],
  ])("custom:%s bears on %j", (name, requirements) => {
    const [result] = runRule(rule, (s) => void userPool(s, "staff", schema(name)));
    expect(result?.status).toBe("FAIL");
    expect(result?.controls.map((c) => c.id)).toEqual(requirements);
  });

  it("a pattern the policy adds bears on all three; a pattern named like an object member is data", () => {
    const [result] = runRule(rule, (s) => void userPool(s, "staff", schema("iban", "constructor")), {
      options: { names: ["iban", "constructor"] },
    });
    expect(result?.controls.map((c) => c.id)).toEqual(["3.2.1", "3.3.1", "3.5.1"]);
  });
});
