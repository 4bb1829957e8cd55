import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/oauth-https-redirects.js";
import { client, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const oauth = { allowedOauthFlowsUserPoolClient: true, allowedOauthFlows: ["code"], allowedOauthScopes: ["openid"] };

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_https_and_loopback",
      stack: (s) =>
        client(s, "pass_https_and_loopback", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: ["https://www.example.com/cb", "http://localhost:3000/cb", "http://127.0.0.1:8080/cb"],
          logoutUrls: ["https://www.example.com/"],
          defaultRedirectUri: "https://www.example.com/cb",
        }),
    },
    {
      // The scheme is literal even though the host comes from a variable.
      name: "pass_https_template",
      stack: (s) => {
        const domain = new TerraformVariable(s, "domain", { type: "string" });
        client(s, "pass_https_template", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: [`https://${domain.stringValue}/cb`],
        });
      },
    },
    {
      name: "pass_private_scheme_by_option",
      options: { allowedSchemes: ["com.example.shop"] },
      stack: (s) =>
        client(s, "pass_private_scheme_by_option", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: ["com.example.shop://auth/cb"],
        }),
    },
  ],
  invalid: [
    {
      name: "na_no_urls",
      stack: (s) => client(s, "na_no_urls", userPool(s, "staff")),
      results: [
        {
          resource: "na_no_urls",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "no callback, logout or default redirect URL",
        },
      ],
    },
    {
      name: "fail_http_staging",
      stack: (s) =>
        client(s, "fail_http_staging", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: ["https://www.example.com/cb", "http://staging.example.com/cb"],
        }),
      results: [
        {
          resource: "fail_http_staging",
          status: "FAIL",
          messageId: "insecure",
          messageIncludes: "http://staging.example.com/cb (callback_urls): http to staging.example.com",
        },
      ],
    },
    {
      // localhost as a subdomain prefix is not loopback.
      name: "fail_localhost_lookalike",
      stack: (s) =>
        client(s, "fail_localhost_lookalike", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: ["https://www.example.com/cb"],
          logoutUrls: ["http://localhost.attacker.example/"],
        }),
      results: [
        {
          resource: "fail_localhost_lookalike",
          status: "FAIL",
          messageId: "insecure",
          messageIncludes: "(logout_urls)",
        },
      ],
    },
    {
      name: "fail_http_default_redirect",
      stack: (s) =>
        client(s, "fail_http_default_redirect", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: ["http://www.example.com/cb"],
          defaultRedirectUri: "http://www.example.com/cb",
        }),
      results: [{ resource: "fail_http_default_redirect", status: "FAIL", messageId: "insecure" }],
    },
    {
      name: "fail_private_scheme",
      stack: (s) =>
        client(s, "fail_private_scheme", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: ["com.example.shop://auth/cb"],
        }),
      results: [
        {
          resource: "fail_private_scheme",
          status: "FAIL",
          messageId: "insecure",
          messageIncludes: "com.example.shop: scheme is not https",
        },
      ],
    },
    {
      name: "unknown_url_var",
      stack: (s) => {
        const url = new TerraformVariable(s, "callback", { type: "string" });
        client(s, "unknown_url_var", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: ["https://www.example.com/cb", url.stringValue],
        });
      },
      results: [
        { resource: "unknown_url_var", status: "UNKNOWN", messageId: "unresolved", messageIncludes: "${var.callback}" },
      ],
    },
    {
      name: "unknown_list_var",
      stack: (s) => {
        const urls = new TerraformVariable(s, "logout_urls", { type: "list(string)" });
        client(s, "unknown_list_var", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: ["https://www.example.com/cb"],
          logoutUrls: urls.listValue,
        });
      },
      results: [
        { resource: "unknown_list_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.logout_urls" },
      ],
    },
    {
      // A certain failure outweighs an unresolved entry.
      name: "fail_http_beside_unknown",
      stack: (s) => {
        const url = new TerraformVariable(s, "other", { type: "string" });
        client(s, "fail_http_beside_unknown", userPool(s, "staff"), {
          ...oauth,
          callbackUrls: [url.stringValue, "http://shop.example.com/cb"],
        });
      },
      results: [{ resource: "fail_http_beside_unknown", status: "FAIL", messageId: "insecure" }],
    },
  ],
});
