// Token buckets per API quota category, so a scan of a large account stays inside Cognito's
// request-rate quotas instead of leaning on retries (UserPoolRead 15 RPS per account;
// UserPoolClientRead and UserPoolResourceRead 5 RPS per pool).

export interface RateLimit {
  readonly perSecond: number;
}

export const COGNITO_QUOTAS = {
  UserPoolRead: { perSecond: 15 },
  UserPoolClientRead: { perSecond: 5 },
  UserPoolResourceRead: { perSecond: 5 },
  IdentityPoolRead: { perSecond: 5 },
  Default: { perSecond: 10 },
} as const satisfies Record<string, RateLimit>;

export type QuotaCategory = keyof typeof COGNITO_QUOTAS;

class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {
    this.tokens = limit.perSecond;
    this.last = now();
  }

  /** Resolves when a request may be sent; requests queue in order. */
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.now();
        this.tokens = Math.min(this.limit.perSecond, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
        this.last = now;
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return;
        }
        await this.sleep(Math.ceil(((1 - this.tokens) / this.limit.perSecond) * 1000));
      }
    });
    this.queue = turn;
    return turn;
  }
}

/** Buckets by category and scope (account-wide, or per user pool for the per-pool quotas). */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  take(category: QuotaCategory, scope = ""): Promise<void> {
    const key = `${category}:${scope}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(COGNITO_QUOTAS[category], this.now, this.sleep);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
