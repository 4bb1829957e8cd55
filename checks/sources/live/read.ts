// One guarded read of the live account. A read that fails (access denied, throttled after the
// SDK's retries, a 5xx, a timeout, an operation the endpoint does not implement) becomes an
// unknown value with the reason and a diagnostic on the report: it never becomes a default that
// looks compliant, and the scan goes on.

import type { LoadDiagnostic, Value } from "../../model/index.js";
import { known, unknown } from "../../model/index.js";
import type { QuotaCategory, RateLimiter } from "./rate-limit.js";

export interface ReadProgress {
  /** Called when a unit of work starts: "region eu-west-1", "user pool shop-staff", "role ...". */
  (event: { readonly kind: "region" | "pool" | "identity-pool" | "roles" | "api"; readonly name: string }): void;
}

/** What an API call is handed: the scan's abort signal, for the SDK's send(command, options). */
export interface CallOptions {
  readonly abortSignal?: AbortSignal;
}

/** The whole scan's deadline: once its signal aborts, in-flight calls are cancelled and no new call is sent. */
export interface ScanDeadline {
  readonly signal: AbortSignal;
  /** How the deadline reads in reasons: "the scan timed out (--timeout 15m)". */
  readonly reason: string;
}

/** What a failed read hides from the audit: "they" (a listing's items), "its domains", or nothing but values. */
type Hidden = string | undefined;

/**
 * The reads of a scan. Reads run concurrently, so the order they finish in is not the report's order: each unit of
 * work reads through its own fork(), taken in the order the units are listed, and diagnostics come out in fork order.
 */
export class LiveReads {
  /** Diagnostics and forks, in the order they were recorded or taken. */
  private readonly entries: (LoadDiagnostic | LiveReads)[] = [];
  private readonly counter: { cutShort: number };

  constructor(
    private readonly limiter: RateLimiter,
    readonly progress: ReadProgress = () => undefined,
    private readonly deadline?: ScanDeadline,
    counter?: { cutShort: number },
  ) {
    this.counter = counter ?? { cutShort: 0 };
  }

  /** Reads for one unit of work, sharing quota and deadline; its diagnostics take this place in the order. */
  fork(): LiveReads {
    const child = new LiveReads(this.limiter, this.progress, this.deadline, this.counter);
    this.entries.push(child);
    return child;
  }

  /** The diagnostics of every read, in the order of the units that made them, whatever order they finished in. */
  get diagnostics(): LoadDiagnostic[] {
    return this.entries.flatMap((entry) => (entry instanceof LiveReads ? entry.diagnostics : [entry]));
  }

  /** Reads that the deadline cut short or that were never sent because it had passed. */
  get timedOutReads(): number {
    return this.counter.cutShort;
  }

  /**
   * Runs one API call under its quota; failures become unknown values with the reason. `required` names the member a
   * response lacks that the API always returns: such a 200 is a failed read too, not a resource with defaults.
   */
  async read<T>(
    what: string,
    category: QuotaCategory,
    scope: string,
    call: (options: CallOptions) => Promise<T>,
    options: {
      readonly listing?: boolean;
      readonly required?: (response: T) => string | undefined;
      /** Resources only this response names ("its domains"): when it fails they are hidden, the audit incomplete. */
      readonly hides?: string;
    } = {},
  ): Promise<Value<T>> {
    const listing: Hidden = options.listing ? "they" : options.hides;
    const signal = this.deadline?.signal;
    if (!signal?.aborted) await this.limiter.take(category, scope, signal);
    if (signal?.aborted) return this.timedOut(what, listing);
    try {
      const response = await call(signal ? { abortSignal: signal } : {});
      const missing = options.required?.(response);
      if (missing !== undefined)
        return this.failed(
          `${what} could not be read: the response lacks ${missing}, which the API always returns`,
          listing,
        );
      return known(response);
    } catch (error) {
      // Whatever the SDK made of the cancelled request (AbortError, a retry's last error), the deadline is why.
      if (signal?.aborted) return this.timedOut(what, listing);
      return this.failed(`${what} could not be read: ${describeAwsError(error)}`, listing);
    }
  }

  private timedOut<T>(what: string, listing: Hidden): Value<T> {
    this.counter.cutShort += 1;
    return this.failed(`${what} could not be read: ${this.deadline!.reason}`, listing);
  }

  /** Records a failed read; a failed listing hides whole resources, not just values: the audit is incomplete. */
  private failed<T>(reason: string, hidden: Hidden): Value<T> {
    this.entries.push(
      hidden
        ? { message: `${reason}; ${hidden} were not audited`, incomplete: true, failedRead: true }
        : { message: reason, failedRead: true },
    );
    return unknown(reason);
  }

  /** Follows a paginated list to its end; any failed page makes the whole list unknown and the audit incomplete. */
  async paginate<P, T>(
    what: string,
    category: QuotaCategory,
    scope: string,
    page: (token: string | undefined, options: CallOptions) => Promise<P>,
    items: (page: P) => readonly T[] | undefined,
    next: (page: P) => string | undefined,
  ): Promise<Value<T[]>> {
    const all: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    for (;;) {
      const result = await this.read(what, category, scope, (o) => page(token, o), { listing: true });
      if (!result.known) return result;
      all.push(...(items(result.value) ?? []));
      token = next(result.value);
      if (!token) return known(all);
      // A service that hands back a token it already gave would loop forever.
      if (seen.has(token)) {
        return this.failed(
          `${what} could not be read completely: the service repeated pagination token ${JSON.stringify(token.slice(0, 40))}`,
          "they",
        );
      }
      seen.add(token);
    }
  }
}

export function describeAwsError(error: unknown): string {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; code?: string };
  const status = e.$metadata?.httpStatusCode;
  const name = e.name ?? e.code ?? "Error";
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name))
    return `access denied (${name}: ${firstLine(e.message)})`;
  if (/Throttl|TooManyRequests|RequestLimitExceeded/i.test(name)) return `throttled after retries (${name})`;
  if (name === "SyntaxError" || (status !== undefined && status >= 500)) {
    return `the endpoint failed${status ? ` with HTTP ${status}` : ""} or does not implement the operation (${name}: ${firstLine(e.message)})`;
  }
  if (name === "TimeoutError" || e.code === "ETIMEDOUT")
    return `the request timed out (${name}: ${firstLine(e.message)})`;
  if (/TimeoutError|ETIMEDOUT|ECONNREFUSED|ECONNRESET/.test(`${name} ${e.code ?? ""} ${e.message ?? ""}`))
    return `the request failed (${name}: ${firstLine(e.message)})`;
  return `${name}: ${firstLine(e.message)}`;
}

function firstLine(message: string | undefined): string {
  const line = (message ?? "").split("\n")[0] ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
