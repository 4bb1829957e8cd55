// AWS SDK v3 clients for a scan, built from the standard AWS settings: the default credential
// chain (or --profile), --region, --endpoint-url, and adaptive retries. Every request has a
// connection and a response timeout (--request-timeout), so a hung endpoint ends in a failed read,
// not a hang. The clients share one credential provider, resolved once before the scan: without
// credentials there is nothing to audit, which is bad input, not a report full of failed reads.
// Passed in, never global.

import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import type { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { IAMClient } from "@aws-sdk/client-iam";
import type { S3Client } from "@aws-sdk/client-s3";
import { WAFV2Client } from "@aws-sdk/client-wafv2";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { CredentialsError } from "../../errors.js";

export interface RegionalClients {
  readonly cognitoIdp: CognitoIdentityProviderClient;
  readonly cognitoIdentity: CognitoIdentityClient;
  readonly apiGateway: APIGatewayClient;
  /** HTTP APIs: the SDK module is loaded on first use, so only a scan that reads them loads it. */
  apiGatewayV2(): Promise<ApiGatewayV2Client>;
  readonly wafv2: WAFV2Client;
}

export interface ClientFactory {
  forRegion(region: string): RegionalClients;
  /** IAM is global. */
  iam(): IAMClient;
  /** CloudWatch Logs, loaded on first use: only a scan that finds a log group destination needs it. */
  cloudWatchLogs(region: string): Promise<CloudWatchLogsClient>;
  /** S3, loaded on first use: only a scan that finds a bucket log destination needs it. */
  s3(region: string): Promise<S3Client>;
  /** Resolves the credentials once; throws CredentialsError naming the chain tried when there are none. */
  checkCredentials(): Promise<void>;
}

/** Anything with an SDK middleware stack: lets tests record or fault calls on every client. */
export type ClientHook = (client: { middlewareStack: { add: (...args: never[]) => unknown } }) => void;

export interface SdkClientOptions {
  readonly profile?: string;
  readonly endpointUrl?: string;
  readonly maxAttempts?: number;
  /** Milliseconds a request may wait for its response (and at most for its connection); DEFAULT_REQUEST_TIMEOUT_MS. */
  readonly requestTimeoutMs?: number;
  /** Applied to every client created: recording, fault injection. */
  readonly hook?: ClientHook;
  /** Credentials to use instead of the default chain: an account's assumed audit role (accounts.ts). */
  readonly credentials?: () => Promise<{ readonly accessKeyId: string; readonly secretAccessKey: string }>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
/** The EC2 instance metadata lookup, last in the chain, waits at most this long (once, no retry) off EC2. */
export const INSTANCE_METADATA_TIMEOUT_MS = 1_000;

/** The SDK's default chain (defaultProvider of @aws-sdk/credential-provider-node), in its order. */
function chainTried(profile: string | undefined): string {
  return [
    ...(profile ? [] : ["environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)"]),
    "SSO",
    `the shared config and credentials files (profile ${JSON.stringify(profile ?? "default")})`,
    "credential_process",
    "a web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE)",
    "ECS container or EC2 instance metadata credentials",
  ].join(", ");
}

export function sdkClientFactory(options: SdkClientOptions = {}): ClientFactory {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const profile = options.profile ?? process.env.AWS_PROFILE;
  const credentials =
    options.credentials ??
    fromNodeProviderChain({
      ...(options.profile ? { profile: options.profile } : {}),
      timeout: INSTANCE_METADATA_TIMEOUT_MS,
      maxRetries: 0,
    });
  const common = (region: string) => ({
    region,
    // The options of the SDK's NodeHttpHandler (@smithy/node-http-handler), which each client builds from them.
    requestHandler: {
      connectionTimeout: Math.min(DEFAULT_CONNECTION_TIMEOUT_MS, requestTimeout),
      requestTimeout,
      // Without it the handler only logs a warning and the request waits on.
      throwOnRequestTimeout: true,
    },
    retryMode: "adaptive" as const,
    maxAttempts: options.maxAttempts ?? 5,
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    credentials,
  });
  const hooked = <T extends { middlewareStack: unknown }>(client: T): T => {
    options.hook?.(client as never);
    return client;
  };
  const regional = new Map<string, RegionalClients>();
  let iam: IAMClient | undefined;
  const logs = new Map<string, Promise<CloudWatchLogsClient>>();
  const s3 = new Map<string, Promise<S3Client>>();
  return {
    forRegion(region) {
      let clients = regional.get(region);
      if (!clients) {
        let v2: Promise<ApiGatewayV2Client> | undefined;
        clients = {
          cognitoIdp: hooked(new CognitoIdentityProviderClient(common(region))),
          cognitoIdentity: hooked(new CognitoIdentityClient(common(region))),
          apiGateway: hooked(new APIGatewayClient(common(region))),
          apiGatewayV2: () =>
            (v2 ??= import("@aws-sdk/client-apigatewayv2").then((sdk) =>
              hooked(new sdk.ApiGatewayV2Client(common(region))),
            )),
          wafv2: hooked(new WAFV2Client(common(region))),
        };
        regional.set(region, clients);
      }
      return clients;
    },
    iam() {
      iam ??= hooked(new IAMClient(common("us-east-1")));
      return iam;
    },
    cloudWatchLogs(region) {
      let client = logs.get(region);
      if (!client) {
        client = import("@aws-sdk/client-cloudwatch-logs").then((m) =>
          hooked(new m.CloudWatchLogsClient(common(region))),
        );
        logs.set(region, client);
      }
      return client;
    },
    s3(region) {
      let client = s3.get(region);
      if (!client) {
        client = import("@aws-sdk/client-s3").then((m) =>
          hooked(
            new m.S3Client({
              ...common(region),
              // A bucket of another Region answers with a redirect the client follows, rather than a failed read.
              followRegionRedirects: true,
              // An endpoint override (the emulator, a VPC endpoint URL) serves buckets by path, not by host name.
              ...(options.endpointUrl ? { forcePathStyle: true } : {}),
            }),
          ),
        );
        s3.set(region, client);
      }
      return client;
    },
    async checkCredentials() {
      try {
        await credentials();
      } catch (error) {
        const detail = ((error as Error).message ?? "").split("\n")[0];
        throw new CredentialsError(`no AWS credentials: tried ${chainTried(profile)}${detail ? ` (${detail})` : ""}`);
      }
    },
  };
}
