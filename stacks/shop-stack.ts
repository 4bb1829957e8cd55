// One ShopSphere auth estate: the constructs of stacks/ wired together as a variant describes.
import type { Construct } from "constructs";
import { TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider, type AwsProviderConfig } from "@cdktf/provider-aws/lib/provider/index.js";
import { SesEmailIdentity } from "@cdktf/provider-aws/lib/ses-email-identity/index.js";
import type { ShopVariant, WafTarget } from "./shop-variant.js";
import { ShopUserPool } from "./user-pool.js";
import { SmsSenderRole } from "./sms-sender-role.js";
import { SocialIdentityProvider } from "./social-identity-provider.js";
import { ShopResourceServer } from "./resource-server.js";
import { ShopAppClient } from "./app-client.js";
import { ThreatProtection } from "./risk-configuration.js";
import { CustomerDataStores } from "./customer-data-stores.js";
import { ShopIdentityPool } from "./identity-pool.js";
import { ShopApi } from "./shop-api.js";
import { ShopHttpApi } from "./shop-http-api.js";
import { ShopWebAcl } from "./web-acl.js";
import { AuthEventLogs } from "./auth-event-logs.js";

export const DEFAULT_REGION = "eu-west-1";

export interface ShopStackProps {
  readonly variant: ShopVariant;
  /**
   * AWS provider configuration, merged over `{ region: "eu-west-1" }`. Tests and local runs put
   * endpoints, skip_* flags and dummy credentials here to point the estate at an emulator.
   */
  readonly provider?: Partial<AwsProviderConfig>;
}

export class ShopStack extends TerraformStack {
  readonly variant: ShopVariant;
  readonly provider: AwsProvider;
  readonly consumerPool: ShopUserPool;
  readonly staffPool: ShopUserPool;
  readonly socialProviders: readonly SocialIdentityProvider[];
  readonly resourceServer: ShopResourceServer;
  readonly webClient: ShopAppClient;
  readonly mobileClient: ShopAppClient;
  readonly adminClient: ShopAppClient;
  readonly orderSyncClient: ShopAppClient;
  readonly threatProtection: Readonly<{ consumer?: ThreatProtection; staff?: ThreatProtection }>;
  readonly dataStores: CustomerDataStores;
  readonly identityPool: ShopIdentityPool;
  readonly api: ShopApi;
  readonly httpApi?: ShopHttpApi;
  readonly webAcl?: ShopWebAcl;
  readonly authEventLogs: Readonly<{ consumer?: AuthEventLogs; staff?: AuthEventLogs }>;

  constructor(scope: Construct, id: string, props: ShopStackProps) {
    super(scope, id);
    const v = props.variant;
    this.variant = v;
    const region = props.provider?.region ?? DEFAULT_REGION;
    const tags = { project: v.shop, storefront: v.storefront, estate: v.id, "managed-by": "cdktf" };

    this.provider = new AwsProvider(this, "aws", { ...props.provider, region });

    // --- user pools -------------------------------------------------------------------------
    const needsSms = v.consumerPool.mfaFactors.sms || v.staffPool.mfaFactors.sms;
    const smsSender = needsSms
      ? new SmsSenderRole(this, "SmsSender", {
          roleName: `${v.shop.toLowerCase()}-${v.id}-cognito-sms`,
          externalId: `${v.shop.toLowerCase()}-${v.id}-cognito-sms`,
          region,
        }).sender
      : undefined;

    this.consumerPool = new ShopUserPool(this, "ConsumerPool", {
      profile: v.consumerPool,
      region,
      ...(smsSender ? { smsSender } : {}),
    });
    this.staffPool = new ShopUserPool(this, "StaffPool", {
      profile: v.staffPool,
      region,
      ...(smsSender ? { smsSender } : {}),
    });

    this.socialProviders = v.consumerPool.socialProviders.map(
      (profile) =>
        new SocialIdentityProvider(this, `${profile.provider}Federation`, {
          userPoolId: this.consumerPool.pool.id,
          profile,
        }),
    );

    this.resourceServer = new ShopResourceServer(this, "ShopResourceServer", {
      userPoolId: this.consumerPool.pool.id,
      profile: v.consumerPool.resourceServer,
    });

    // --- app clients ------------------------------------------------------------------------
    const consumerClientDeps = [...this.socialProviders.map((s) => s.provider), this.resourceServer.resourceServer];
    this.webClient = new ShopAppClient(this, "WebClient", {
      userPoolId: this.consumerPool.pool.id,
      profile: v.clients.web,
      dependsOn: consumerClientDeps,
    });
    this.mobileClient = new ShopAppClient(this, "MobileClient", {
      userPoolId: this.consumerPool.pool.id,
      profile: v.clients.mobile,
      dependsOn: consumerClientDeps,
    });
    this.adminClient = new ShopAppClient(this, "AdminClient", {
      userPoolId: this.staffPool.pool.id,
      profile: v.clients.admin,
    });
    this.orderSyncClient = new ShopAppClient(this, "OrderSyncClient", {
      userPoolId: this.consumerPool.pool.id,
      profile: v.clients.orderSync,
      dependsOn: [this.resourceServer.resourceServer],
    });

    // --- threat protection ------------------------------------------------------------------
    const pools = { consumer: this.consumerPool, staff: this.staffPool };
    const withRisk = Object.entries(pools).filter(([, pool]) => pool.profile.riskConfiguration !== undefined);
    const threat: { consumer?: ThreatProtection; staff?: ThreatProtection } = {};
    if (withRisk.length > 0) {
      const sender = new SesEmailIdentity(this, "SecurityNotificationsSender", { email: v.securityNotificationsEmail });
      for (const [key, pool] of withRisk) {
        const profile = pool.profile.riskConfiguration;
        if (!profile) continue;
        threat[key as keyof typeof pools] = new ThreatProtection(pool, "ThreatProtection", {
          userPoolId: pool.pool.id,
          profile,
          notifySourceArn: sender.arn,
          notifyFrom: v.securityNotificationsEmail,
          brand: key === "consumer" ? v.storefront : v.shop,
        });
      }
    }
    this.threatProtection = threat;

    // --- user activity logs (10.2, 10.5.1) ------------------------------------------------------
    const logs: { consumer?: AuthEventLogs; staff?: AuthEventLogs } = {};
    for (const [key, pool] of Object.entries(pools)) {
      const profile = pool.profile.authEventLogs;
      if (!profile) continue;
      logs[key as keyof typeof pools] = new AuthEventLogs(pool, "AuthEventLogs", {
        profile,
        poolName: pool.profile.name,
        userPoolId: pool.pool.id,
        provider: this.provider,
        tags,
      });
    }
    this.authEventLogs = logs;

    // --- identity pool and the data it grants access to ---------------------------------------
    this.dataStores = new CustomerDataStores(this, "CustomerData", {
      bucketName: v.identityPool.profilePicturesBucket,
      tableName: v.identityPool.wishlistTable,
      tags,
    });
    this.identityPool = new ShopIdentityPool(this, "CustomerIdentity", {
      profile: v.identityPool,
      clients: [this.webClient, this.mobileClient].map((c) => ({
        providerName: this.consumerPool.providerName,
        clientId: c.client.id,
      })),
      bucketArn: this.dataStores.bucket.arn,
      tableArn: this.dataStores.table.arn,
      rolePrefix: `${v.shop.toLowerCase()}-${v.id}`,
      tags,
    });

    // --- API and WAF --------------------------------------------------------------------------
    const storefrontOrigin = new URL(v.clients.web.callbackUrls[0] ?? "https://localhost").origin;
    this.api = new ShopApi(this, "ShopApi", {
      profile: v.api,
      userPoolArn: this.consumerPool.pool.arn,
      allowedOrigin: storefrontOrigin,
      tags,
    });

    if (v.httpApi)
      this.httpApi = new ShopHttpApi(this, "ShopHttpApi", {
        profile: v.httpApi,
        userPoolEndpoint: this.consumerPool.pool.endpoint,
        audience: [this.mobileClient.client.id],
        tags,
      });

    if (v.waf) {
      const targets: Record<WafTarget, string> = {
        "consumer-pool": this.consumerPool.pool.arn,
        "staff-pool": this.staffPool.pool.arn,
        "api-stage": this.api.stage.arn,
      };
      this.webAcl = new ShopWebAcl(this, "WebAcl", { profile: v.waf, targets, tags });
    }

    // --- outputs (what apps and the live scan need) -------------------------------------------
    new TerraformOutput(this, "consumer_user_pool_id", { value: this.consumerPool.pool.id });
    new TerraformOutput(this, "staff_user_pool_id", { value: this.staffPool.pool.id });
    new TerraformOutput(this, "web_client_id", { value: this.webClient.client.id });
    new TerraformOutput(this, "mobile_client_id", { value: this.mobileClient.client.id });
    new TerraformOutput(this, "admin_client_id", { value: this.adminClient.client.id });
    new TerraformOutput(this, "identity_pool_id", { value: this.identityPool.identityPool.id });
    new TerraformOutput(this, "api_invoke_url", { value: this.api.stage.invokeUrl });
  }
}

/** Builds one ShopSphere estate as a stack of `scope`. */
export function createShopStack(
  scope: Construct,
  id: string,
  variant: ShopVariant,
  options: Omit<ShopStackProps, "variant"> = {},
): ShopStack {
  return new ShopStack(scope, id, { ...options, variant });
}
