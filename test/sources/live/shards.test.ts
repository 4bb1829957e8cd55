import { describe, expect, it } from "vitest";
import { UsageError } from "../../../checks/errors.js";
import { parseShard, planDigest, scanUnits, shardOf } from "../../../checks/sources/live/shards.js";

const ACCOUNTS = ["333333333333", "111111111111", "222222222222", "444444444444", "555555555555"];
const REGIONS = ["us-east-1", "eu-west-1"];

describe("shards", () => {
  it("lists every (account, region) unit once, sorted by account then region", () => {
    const units = scanUnits([...ACCOUNTS, "111111111111"], [...REGIONS, "eu-west-1"]);
    expect(units.map((u) => `${u.account}/${u.region}`)).toEqual(
      [...ACCOUNTS].sort().flatMap((account) => [`${account}/eu-west-1`, `${account}/us-east-1`]),
    );
  });

  it("gives each account, with all its regions, to exactly one shard", () => {
    const units = scanUnits(ACCOUNTS, REGIONS);
    const shards = [1, 2, 3].map((index) => shardOf(units, { index, count: 3 }).units);
    expect(shards.flat()).toHaveLength(units.length);
    expect(new Set(shards.flat().map((u) => `${u.account}/${u.region}`)).size).toBe(units.length);
    for (const shard of shards) {
      const accounts = new Set(shard.map((u) => u.account));
      for (const account of accounts) expect(shard.filter((u) => u.account === account)).toHaveLength(REGIONS.length);
    }
    // Every 3rd account from the Kth, in sorted order: 1: 111, 444; 2: 222, 555; 3: 333.
    expect(shards.map((shard) => [...new Set(shard.map((u) => u.account.slice(0, 3)))])).toEqual([
      ["111", "444"],
      ["222", "555"],
      ["333"],
    ]);
  });

  it("records the whole list in every shard, so merge can tell shards of different plans apart", () => {
    const units = scanUnits(ACCOUNTS, REGIONS);
    const infos = [1, 2].map((index) => shardOf(units, { index, count: 2 }).info);
    expect(infos.map((info) => info.plan)).toEqual([planDigest(units), planDigest(units)]);
    expect(infos.map((info) => info.units)).toEqual([units.length, units.length]);
    expect(planDigest(scanUnits(ACCOUNTS.slice(1), REGIONS))).not.toBe(planDigest(units));
  });

  it("leaves a shard beyond the number of accounts empty", () => {
    expect(shardOf(scanUnits(["111111111111"], REGIONS), { index: 2, count: 2 }).units).toEqual([]);
  });

  it.each(["0/2", "3/2", "1/0", "1", "a/b", "1/2/3"])("refuses --shard %s", (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
  });
});
