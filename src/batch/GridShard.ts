/**
 * The streaming reductions of a stress grid over a range of accounts (`from` … `to − 1`) and every scenario. Plain
 * data, so shards computed on other threads, processes or machines can be posted, stored and merged
 * ({@link mergeGridShards}); memory is O(accounts + scenarios) unless the full matrix was asked for.
 *
 * Decisions (which account is liquidatable in which scenario) equal the exact engine's once `pending` is empty
 * ({@link confirmGrid}); amounts are float.
 * @category Batch
 */
export interface GridShard {
  /** First account of the range (index in the packed book). */
  readonly from: number;
  /** One past the last account. */
  readonly to: number;
  /** Number of scenarios. */
  readonly scenarioCount: number;
  /** Per account: total equity at today's prices. */
  readonly baseEquity: Float64Array;
  /** Per account: the lowest total equity over the scenarios. */
  readonly worstEquity: Float64Array;
  /** Per account: the first scenario reaching `worstEquity`. */
  readonly worstScenario: Int32Array;
  /** Per account: the lowest `equity − MMR` of any pool over the scenarios. */
  readonly minSurplus: Float64Array;
  /** Per account: number of scenarios in which some pool is liquidatable. */
  readonly liquidatingCount: Int32Array;
  /** Per account: the first such scenario (meaningful where `liquidatingCount` > 0). */
  readonly firstLiquidating: Int32Array;
  /** Per scenario: number of accounts liquidatable. */
  readonly scenarioLiquidating: Int32Array;
  /** Per scenario: Σ over accounts of `baseEquity − equity`. */
  readonly scenarioLoss: Float64Array;
  /** Ascending loss bin edges of the histogram. */
  readonly lossEdges: readonly number[];
  /** `lossEdges.length + 1` counts of account×scenario losses: bin b holds `edges[b−1] ≤ loss < edges[b]`. */
  readonly lossHistogram: Float64Array;
  /** Account×scenario cells the float screen could not decide, as (account, scenario) pairs, until confirmed. */
  readonly pending: Int32Array;
  /** How many cells the exact engine decided. */
  readonly exactCount: number;
  /** The full matrices (row per account, column per scenario), when asked for. */
  readonly matrix?: {
    /** Total equity per cell. */
    readonly equity: Float64Array;
    /** 1 where some pool is liquidatable. */
    readonly liquidatable: Uint8Array;
  };
}
