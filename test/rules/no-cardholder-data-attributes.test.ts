import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/no-cardholder-data-attributes.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

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
          schema("company", "span_id", "tracking_id", "expansion_pack", "loyalty_id", "tier"),
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
      stack: (s) => userPool(s, "fail_compound", schema("primarycardnumber", "ccnum")),
      results: [
        {
          resource: "fail_compound",
          status: "FAIL",
          messageId: "cardData",
          messageIncludes: "custom:primarycardnumber, custom:ccnum, whose name suggests card data (card_number, ccnum)",
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
