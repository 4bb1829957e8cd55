// The IAM role Cognito assumes to send SMS (MFA codes, verification) through Amazon SNS.
// Only created for estates whose user pools offer SMS as an MFA factor.
import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import type { SmsSender } from "./user-pool.js";

export interface SmsSenderRoleProps {
  readonly roleName: string;
  readonly externalId: string;
  readonly region: string;
}

export class SmsSenderRole extends Construct {
  readonly role: IamRole;
  readonly sender: SmsSender;

  constructor(scope: Construct, id: string, props: SmsSenderRoleProps) {
    super(scope, id);

    this.role = new IamRole(this, "Role", {
      name: props.roleName,
      description: "Lets Cognito user pools publish SMS messages through SNS",
      maxSessionDuration: 3600,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "cognito-idp.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": props.externalId } },
          },
        ],
      }),
    });

    // SNS direct-to-phone publishing has no resource ARN, so Resource "*" is the documented form.
    new IamRolePolicy(this, "SnsPublish", {
      name: "sns-publish-sms",
      role: this.role.id,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }],
      }),
    });

    this.sender = { roleArn: this.role.arn, externalId: props.externalId, region: props.region };
  }
}
