// Links across the Regions of one account. Each Region is read on its own (a unit of the scan), so an
// identity pool whose Cognito provider is a user pool of another Region (provider name
// cognito-idp.<other region>.amazonaws.com/<pool id>) comes out of its Region's read without that
// pool. Once every Region of the account this scan reads is in, the link is made to the pool (and
// its client) read there; a provider naming a Region the scan did not read (not given, or in another
// shard) says so, so what depends on the pool is unknown with that reason, never a default.

import type { Estate, IdentityPool, IdentityPoolProvider } from "../../model/index.js";

const PROVIDER_NAME = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([\w-]+_[0-9A-Za-z]+)$/;

interface RegionRead {
  readonly region: string;
  readonly estate: Estate;
}

/** The estates of one account's Regions, their identity pools linked to the user pools of the others. */
export function linkAcrossRegions<T extends RegionRead>(reads: readonly T[]): T[] {
  const byRegion = new Map(reads.map((r) => [r.region, r.estate]));
  const link = (provider: IdentityPoolProvider, region: string): IdentityPoolProvider => {
    if (provider.userPool) return provider;
    const match = PROVIDER_NAME.exec(provider.providerNameRef.text);
    if (!match || match[1] === region) return provider;
    const [, poolRegion, poolId] = match as unknown as [string, string, string];
    const other = byRegion.get(poolRegion);
    if (!other)
      return {
        ...provider,
        unlinked: `its provider, user pool ${poolId}, is in ${poolRegion}, which this scan did not read`,
      };
    const userPool = other.userPools.find((p) => p.id.known && p.id.value === poolId);
    if (!userPool) return provider;
    const clientId = provider.clientIdRef.text;
    const client = other.userPoolClients.find((c) => c.userPool === userPool && c.key.endsWith(`/${clientId}`));
    return { ...provider, userPool, ...(client ? { client } : {}) };
  };
  const linked = (pool: IdentityPool, region: string): IdentityPool => {
    const providers = pool.providers;
    if (!providers.known) return pool;
    const value = providers.value.map((p) => link(p, region));
    return value.every((p, i) => p === providers.value[i]) ? pool : { ...pool, providers: { ...providers, value } };
  };
  return reads.map((read) => {
    const identityPools = read.estate.identityPools.map((pool) => linked(pool, read.region));
    return identityPools.every((p, i) => p === read.estate.identityPools[i])
      ? read
      : { ...read, estate: { ...read.estate, identityPools } };
  });
}
