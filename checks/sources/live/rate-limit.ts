// Token buckets per API quota category, so a scan of a large account runs at Cognito's request-rate
// quotas instead of leaning on retries. The rates are the default quotas of
// https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html ("Amazon Cognito user pools
// API operation categories and request rate quotas"): each category has an account-wide rate per
// Region, and UserPoolClientRead and UserPoolResourceRead also hold any one user pool to 5 RPS (the
// same table in the guide's source, awsdocs/amazon-cognito-developer-guide doc_source/limits.md:
// UserPoolRead 15, UserPoolClientRead 15, UserPoolResourceRead 20, 5 RPS per pool). APIs outside
// Cognito (IAM, API Gateway, WAF) get a conservative Default per service.
//
// Identity pools are limited per operation, as the same page's section "Amazon Cognito identity pools
// (federated identities) API operation request rate quotas" lists them
// (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html#amazon-cognito-identity-pools-federated-identities-request-rate-quotas).
// The figures of that table could not be read from the reference text available when this was last
// checked (session 4), so 5 RPS per operation stays an assumption: the slowest rate any Cognito
// read category is held to, so a scan never outruns the real quota, at worst it is slower.

export interface RateLimit {
  /** Requests per second across the account (per Region), or per scope for Default. */
  readonly perSecond: number;
  /** Requests per second for one user pool, where the quota has such a constraint. */
  readonly perPool?: number;
}

export const COGNITO_QUOTAS = {
  UserPoolRead: { perSecond: 15 },
  UserPoolClientRead: { perSecond: 15, perPool: 5 },
  UserPoolResourceRead: { perSecond: 20, perPool: 5 },
  ListIdentityPools: { perSecond: 5 },
  DescribeIdentityPool: { perSecond: 5 },
  GetIdentityPoolRoles: { perSecond: 5 },
  // CloudWatch Logs, per Region: 5 RPS, the default AWS documents for its log-reading calls (FilterLogEvents:
  // 5 TPS per account and Region, https://repost.aws/knowledge-center/cloudwatch-logs-throttling); a
  // conservative bound, since DescribeLogGroups' own quota (the table of "Amazon CloudWatch Logs endpoints
  // and quotas", https://docs.aws.amazon.com/general/latest/gr/cwl_region.html) could not be read from the
  // reference text available in session 4, only the page's endpoint table.
  DescribeLogGroups: { perSecond: 5 },
  Default: { perSecond: 10 },
} as const satisfies Record<string, RateLimit>;

export type QuotaCategory = keyof typeof COGNITO_QUOTAS;

/** The scan's deadline signal: a request still waiting for a token when it aborts is not sent. */
type Abort = AbortSignal | undefined;

class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ) {
    this.tokens = perSecond;
    this.last = now();
  }

  /** Resolves when a request may be sent (or the signal aborted); requests queue in order. */
  take(signal: Abort): Promise<void> {
    const turn = this.queue.then(async () => {
      while (!signal?.aborted) {
        const now = this.now();
        this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
        this.last = now;
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return;
        }
        await this.sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000), signal);
      }
    });
    this.queue = turn;
    return turn;
  }
}

/** Sleeps, waking early when the signal aborts, so a queue of waiting requests drains at once past the deadline. */
function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Buckets by category and scope: account-wide, per user pool for the per-pool quotas, per service for Default. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = abortableSleep,
  ) {}

  /**
   * Waits for the per-pool token first (where the category has one), then the account-wide one, so a
   * request held back by its pool does not sit on an account token that another pool could use.
   */
  async take(category: QuotaCategory, scope = "", signal?: AbortSignal): Promise<void> {
    const limit: RateLimit = COGNITO_QUOTAS[category];
    if (limit.perPool !== undefined) {
      await this.bucket(`${category}:pool:${scope}`, limit.perPool).take(signal);
      await this.bucket(`${category}:account`, limit.perSecond).take(signal);
    } else {
      await this.bucket(`${category}:${scope}`, limit.perSecond).take(signal);
    }
  }

  private bucket(key: string, perSecond: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(perSecond, this.now, this.sleep);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
