import { defineRule, unknownFinding, type Evidence, type Finding } from "../engine/rule.js";
import type { LogDestination } from "../model/index.js";
import { AUTH_EVENTS, authEventDelivery, deliveriesByPool } from "./utils/auth-event-delivery.js";

type MessageId = "pass" | "passNeverExpires" | "tooShort";

const KIND_TEXT: Readonly<Record<LogDestination["kind"], string>> = {
  "cloudwatch-logs": "CloudWatch log group",
  s3: "S3 bucket",
  firehose: "Firehose stream",
};

export default defineRule<{ minRetentionDays: number }, MessageId>({
  meta: {
    id: "auth-log-retention",
    title: "User activity logs (userAuthEvents) are kept at least 12 months where they are delivered",
    description:
      "PCI DSS 10.5.1 asks that audit log history be retained for at least 12 months. Cognito's user activity logs are only as durable as their destination: a CloudWatch log group keeps them for its retention_in_days (unset keeps them forever), an S3 bucket until a lifecycle rule expires them. A Firehose stream hands them on to a destination this tool cannot see, so its retention is UNKNOWN. Whether logs are delivered at all is auth-event-logging's verdict: without a delivery this rule does not apply.",
    severity: "medium",
    pci: [{ id: "10.5.1", relation: "meets" }],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          minRetentionDays: {
            type: "integer",
            minimum: 1,
            description: "Fewest days the destination must keep user activity logs.",
          },
        },
      },
      defaults: { minRetentionDays: 365 },
    },
    messages: {
      pass: "{{resource}}: {{source}} logs go to {{target}}, which keeps them {{days}} days (at least {{expected}})",
      passNeverExpires: "{{resource}}: {{source}} logs go to {{target}}, which never expires them",
      tooShort:
        "{{resource}}: {{source}} logs go to {{target}}, which keeps them only {{days}} days; PCI DSS 10.5.1 asks for {{expected}}",
    },
    remediation: {
      summary:
        "Keep the log group's retention at 365 days or more (or unset: never expire), or the S3 bucket's lifecycle expiration at 365 days or more; archive older logs rather than expiring them.",
      cdktf: `const authLogs = new CloudwatchLogGroup(this, "AuthLogs", {\n  name: "/aws/cognito/shop-staff/user-activity",\n  retentionInDays: 400,\n});\nnew CognitoLogDeliveryConfiguration(this, "AuthLogDelivery", {\n  userPoolId: pool.id,\n  logConfigurations: [{\n    eventSource: "userAuthEvents", logLevel: "INFO",\n    cloudWatchLogsConfiguration: [{ logGroupArn: authLogs.arn }],\n  }],\n});`,
    },
  },
  check(estate, context) {
    const deliveries = deliveriesByPool(estate);
    return estate.userPools.map((pool): Finding<MessageId> => {
      // Where auth-event-logging cannot tell whether logs are delivered, neither can this rule tell for how long.
      if (!estate.logDeliveryExpressible.known)
        return unknownFinding(pool, "user activity log delivery", estate.logDeliveryExpressible);
      const found = authEventDelivery(pool, deliveries);
      if (found.found === "unknown") return unknownFinding(pool, found.attribute, found.value);
      if (found.found === "none")
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: `no log delivery sends its ${AUTH_EVENTS} logs anywhere (auth-event-logging judges that)` },
        };
      const target = found.configuration.target;
      if (!target)
        return unknownFinding(pool, "log destination", {
          known: false,
          reason: `the ${AUTH_EVENTS} log configuration names no destination`,
        });
      const where = `${KIND_TEXT[target.kind]} ${target.target ?? target.arn?.text ?? "(unnamed)"}`;
      const evidence: Evidence[] = [
        { attribute: "log delivery", value: found.delivery.provenance.address ?? found.delivery.key },
        { attribute: "destination", value: where },
      ];
      if (!target.retentionDays.known)
        return { ...unknownFinding(pool, `retention of ${where}`, target.retentionDays), evidence };
      const days = target.retentionDays.value;
      const expected = context.options(pool).minRetentionDays;
      const data = { source: AUTH_EVENTS, target: where, expected };
      evidence.push({
        attribute: "retention",
        value: days === null ? "never expires" : `${days} days`,
        origin: target.retentionDays.origin,
      });
      if (days === null)
        return { resource: pool, status: "PASS", messageId: "passNeverExpires", data: { ...data }, evidence };
      return days >= expected
        ? { resource: pool, status: "PASS", messageId: "pass", data: { ...data, days }, evidence }
        : { resource: pool, status: "FAIL", messageId: "tooShort", data: { ...data, days }, evidence };
    });
  },
});
