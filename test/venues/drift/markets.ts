// Markets shared by the Drift tests (chain integers: prices 1e6, weights 1e4).

/** USDC: weight 1 everywhere. */
export const usdc = {
  oraclePrice: 1_000_000,
  decimals: 6,
  initialAssetWeight: 10_000,
  maintenanceAssetWeight: 10_000,
  initialLiabilityWeight: 10_000,
  maintenanceLiabilityWeight: 10_000,
};

/** SOL spot at $100: 0.8 / 0.9 asset, 1.2 / 1.1 liability. */
export const sol = {
  oraclePrice: 100_000_000,
  decimals: 9,
  initialAssetWeight: 8_000,
  maintenanceAssetWeight: 9_000,
  initialLiabilityWeight: 12_000,
  maintenanceLiabilityWeight: 11_000,
};
