// Verdicts that cannot depend on an audience nobody could read. When some resource's audience
// cannot be determined (its pool's tags were not read), a rule runs once per possible audience;
// a resource keeps its verdict only when every audience gives the same one, and is UNKNOWN with the
// reason otherwise. A guess (workforce, or any other) would move thresholds and applicability.

import { AudienceIndex, type AudienceSettings } from "./audience.js";
import { AUDIENCES, type Audience, type Estate, type ModelObject } from "../model/index.js";
import type { Finding } from "./rule.js";

/** The audience index of a run and, when some audience is unknown, one index per audience it could be. */
export class AudienceViews {
  readonly index: AudienceIndex;
  private readonly assumed: readonly { readonly audience: Audience; readonly index: AudienceIndex }[];

  constructor(estate: Estate, settings: AudienceSettings) {
    this.index = new AudienceIndex(estate, settings);
    this.assumed = this.index.hasUnknown
      ? AUDIENCES.map((audience) => ({ audience, index: new AudienceIndex(estate, settings, audience) }))
      : [];
  }

  /** Runs a rule's check under every possible audience and keeps what they agree on. */
  judge<F extends Finding>(check: (index: AudienceIndex) => F[]): (F | Finding<never>)[] {
    if (this.assumed.length === 0) return check(this.index);
    const runs = this.assumed.map(({ audience, index }) => ({ audience, byResource: groupByResource(check(index)) }));
    // The strictest audience's run speaks when all agree: its message states the strictest requirement.
    const strictest = runs.find((r) => r.audience === "workforce") ?? runs[0]!;
    const keys = [...new Set(runs.flatMap((r) => [...r.byResource.keys()]))];
    return keys.flatMap((key): (F | Finding<never>)[] => {
      const perRun = runs.map((r) => r.byResource.get(key));
      const statuses = perRun.map((findings) => (findings ?? []).map((f) => f.status).join(","));
      if (statuses.every((s) => s === statuses[0])) return strictest.byResource.get(key) ?? [];
      const resource = perRun.find((findings) => findings && findings.length > 0)![0]!.resource;
      return [this.dependsOnAudience(resource)];
    });
  }

  private dependsOnAudience(resource: ModelObject): Finding<never> {
    const own = this.index.of(resource).unknown;
    return {
      resource,
      status: "UNKNOWN",
      messageId: "unknown",
      data: {
        attribute: "the audience this verdict depends on",
        reason: own ?? `it follows from resources whose audience cannot be read (${this.unknownReasons()})`,
      },
    };
  }

  private unknownReasons(): string {
    return [...new Set(this.index.unknownReasons())].join("; ");
  }
}

function groupByResource<F extends Finding>(findings: readonly F[]): Map<string, F[]> {
  const out = new Map<string, F[]>();
  for (const finding of findings) {
    const list = out.get(finding.resource.key) ?? [];
    list.push(finding);
    out.set(finding.resource.key, list);
  }
  return out;
}
