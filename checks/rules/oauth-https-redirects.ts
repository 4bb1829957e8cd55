import { isLiteral, type Term, type Value } from "../model/index.js";
import { defineRule, unknownFinding, type Evidence, type Finding } from "../engine/rule.js";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1"]);

type Verdict = { ok: true } | { ok: false; why: string } | { ok: "unknown"; why: string };

type MessageId = "pass" | "insecure" | "unresolved";

export default defineRule<{ allowedSchemes: string[] }, MessageId>({
  meta: {
    id: "oauth-https-redirects",
    title: "App client redirect URLs use https (http only for localhost and 127.0.0.1)",
    description:
      "Cognito sends authorization codes and tokens to the callback URL and signs users out to the logout URL. Over http they cross the network in clear text, and they are authentication material (PCI DSS 8.3.2). Every callback_urls, logout_urls and default_redirect_uri entry must be https; http is accepted only for localhost and 127.0.0.1, which never leave the machine. Private-use schemes of native apps pass only when the policy lists them.",
    severity: "high",
    pci: [{ id: "8.3.2", relation: "meets" }],
    resourceKinds: ["UserPoolClient"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          allowedSchemes: {
            type: "array",
            uniqueItems: true,
            items: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9+.-]*$" },
            description:
              "Private-use URI schemes of native apps accepted as redirect targets (e.g. com.example.shop), without the colon.",
          },
        },
      },
      defaults: { allowedSchemes: [] },
    },
    messages: {
      pass: "{{resource}} redirects only to https (or loopback) URLs: {{count}} checked",
      insecure: "{{resource}} redirects to {{url}} ({{attribute}}): {{why}}",
      unresolved: "{{resource}}: {{attribute}} {{url}} {{why}}",
    },
    remediation: {
      summary:
        "Serve every callback and logout URL over https; keep http only for http://localhost or http://127.0.0.1 during development.",
      cdktf: `new CognitoUserPoolClient(this, "Client", {\n  name: "web",\n  userPoolId: pool.id,\n  callbackUrls: ["https://www.example.com/auth/callback", "http://localhost:3000/auth/callback"],\n  logoutUrls: ["https://www.example.com/"],\n});`,
    },
  },
  check(estate, context) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const { allowedSchemes } = context.options(client);
      const lists: [string, Value<readonly Term[]>][] = [
        ["callback_urls", client.callbackUrls],
        ["logout_urls", client.logoutUrls],
        [
          "default_redirect_uri",
          client.defaultRedirectUri.known
            ? {
                ...client.defaultRedirectUri,
                value: client.defaultRedirectUri.value ? [client.defaultRedirectUri.value] : [],
              }
            : client.defaultRedirectUri,
        ],
      ];
      const evidence: Evidence[] = [];
      let firstUnknown: Finding<MessageId> | undefined;
      let count = 0;
      for (const [attribute, list] of lists) {
        if (!list.known) {
          firstUnknown ??= unknownFinding(client, attribute, list);
          evidence.push({ attribute, value: `unknown (${list.reason})` });
          continue;
        }
        if (list.value.length > 0)
          evidence.push({ attribute, value: list.value.map((t) => t.text).join(", "), origin: list.origin });
        for (const term of list.value) {
          count += 1;
          const verdict = judge(term, allowedSchemes);
          if (verdict.ok === false)
            return {
              resource: client,
              status: "FAIL",
              messageId: "insecure",
              data: { url: term.text, attribute, why: verdict.why },
              evidence,
            };
          if (verdict.ok === "unknown")
            firstUnknown ??= {
              resource: client,
              status: "UNKNOWN",
              messageId: "unresolved",
              data: { url: term.text, attribute, why: verdict.why },
            };
        }
      }
      if (firstUnknown) return { ...firstUnknown, evidence };
      if (count === 0)
        return {
          resource: client,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "the client has no callback, logout or default redirect URL" },
        };
      return { resource: client, status: "PASS", messageId: "pass", data: { count }, evidence };
    });
  },
});

function judge(term: Term, allowedSchemes: readonly string[]): Verdict {
  if (!isLiteral(term)) {
    // The scheme may still be literal text before the first interpolation: https://${var.domain}/cb.
    const prefix = term.text.slice(0, term.text.indexOf("${")).toLowerCase();
    if (prefix.startsWith("https://")) return { ok: true };
    return {
      ok: "unknown",
      why: "is built from values known only at plan or apply, so its scheme or host cannot be checked",
    };
  }
  let url: URL;
  try {
    url = new URL(term.text);
  } catch {
    return { ok: false, why: "not an absolute URL" };
  }
  const scheme = url.protocol.replace(/:$/, "").toLowerCase();
  if (scheme === "https") return { ok: true };
  if (scheme === "http")
    return LOOPBACK_HOSTS.has(url.hostname.toLowerCase())
      ? { ok: true }
      : {
          ok: false,
          why: `http to ${url.hostname} sends codes and tokens in clear text; only localhost and 127.0.0.1 may use http`,
        };
  if (allowedSchemes.some((s) => s.toLowerCase() === scheme)) return { ok: true };
  return {
    ok: false,
    why: `the ${scheme}: scheme is not https (list it in allowedSchemes if it is a native app's private-use scheme)`,
  };
}
