import { defineRule, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";
import { AUTH_EVENTS, authEventDelivery, deliveriesByPool } from "./utils/auth-event-delivery.js";

type MessageId = "pass" | "missing";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "auth-event-logging",
    title: "User pools deliver user activity logs (userAuthEvents) to CloudWatch Logs, S3 or Firehose",
    description:
      "PCI DSS 10.2 asks for audit logs of every access by individual users, failed logins included. Cognito writes sign-in, sign-up and risk events (userAuthEvents, Plus tier) only when a log delivery configuration sends them to CloudWatch Logs, S3 or Data Firehose. hashicorp/aws before 6.5.0 has no aws_cognito_log_delivery_configuration, so such a configuration can neither express nor prove it: the result is UNKNOWN there, not FAIL.",
    severity: "medium",
    pci: [
      { id: "10.2.1", relation: "meets" },
      { id: "10.2.1.4", relation: "meets" },
      { id: "10.2.2", relation: "meets" },
    ],
    resourceKinds: ["UserPool"],
    messages: {
      pass: "{{resource}} delivers {{source}} logs to {{destination}}",
      missing:
        "{{resource}}: log delivery of {{source}} is missing: no aws_cognito_log_delivery_configuration sends this pool's user activity logs anywhere",
    },
    remediation: {
      summary:
        "Add an aws_cognito_log_delivery_configuration (hashicorp/aws >= 6.5.0) with event_source userAuthEvents and a CloudWatch Logs, S3 or Firehose destination; on the Plus tier.",
      cdktf: `// hashicorp/aws >= 6.5.0 (@cdktn/provider-aws 25)\nnew CognitoLogDeliveryConfiguration(this, "AuthLogs", {\n  userPoolId: pool.id,\n  logConfigurations: [{\n    eventSource: "userAuthEvents", logLevel: "INFO",\n    cloudWatchLogsConfiguration: [{ logGroupArn: logGroup.arn }],\n  }],\n});`,
    },
  },
  check(estate) {
    if (estate.userPools.length === 0) return [];
    const deliveries = deliveriesByPool(estate);
    return estate.userPools.map((pool): Finding<MessageId> => {
      if (!estate.logDeliveryExpressible.known)
        return unknownFinding(pool, "user activity log delivery", estate.logDeliveryExpressible);
      const data = { source: AUTH_EVENTS };
      const found = authEventDelivery(pool, deliveries);
      if (found.found === "unknown") return unknownFinding(pool, found.attribute, found.value);
      if (found.found === "none") return { resource: pool, status: "FAIL", messageId: "missing", data };
      return {
        resource: pool,
        status: "PASS",
        messageId: "pass",
        data: {
          ...data,
          destination: found.configuration.destination.replace(/_configuration$/, "").replace(/_/g, " "),
        },
        evidence: [{ attribute: "log delivery", value: found.delivery.provenance.address ?? found.delivery.key }],
      };
    });
  },
});
