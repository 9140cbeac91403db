import { checkList, checkPacked } from '../internal/argumentShape.js';

// Cheap shape checks for the batch results handed back in (a type test per field, contents trusted), so a wrong
// argument is a typed INVALID_ARGUMENT naming it instead of a raw TypeError inside a float loop.

/** A book made by `packAccounts`. */
export function checkPackedBook(book: unknown, name = 'book'): void {
  checkPacked(
    book,
    name,
    'a book made by packAccounts',
    [
      'positionStart',
      'fixedCollateral',
      'collateralStart',
      'collateralValue',
      'collateralKey',
      'exposure',
      'entryPrice',
      'price',
      'funding',
      'isolated',
      'isolatedMargin',
      'open',
      'leverageFraction',
      'market',
      'key',
      'inverse',
      'tierStart',
      'tierFloor',
      'tierInitial',
      'tierMaintenance',
      'tierDeduction',
    ],
    ['accountCount', 'positionCount'],
  );
  const b = book as Record<string, unknown>;
  checkList(b.keys, `${name}.keys`);
  checkList(b.accountIds, `${name}.accountIds`);
}

/** A scan made by `scanPackedBook`. */
export function checkScan(scan: unknown, name = 'scan'): void {
  checkPacked(
    scan,
    name,
    'a scan made by scanPackedBook',
    ['liquidatable', 'meetsInitial', 'needsExact'],
    ['exactCount'],
  );
}

/** Scenarios made by `packScenarios`. */
export function checkPackedScenarios(scenarios: unknown, name = 'scenarios'): void {
  checkPacked(scenarios, name, 'scenarios made by packScenarios', ['multiplier'], ['count', 'keyCount']);
}

/** A grid shard made by `gridPackedBook`, `stressGrid` or `mergeGridShards`. */
export function checkGridShard(shard: unknown, name = 'shard'): void {
  checkPacked(
    shard,
    name,
    'a grid shard made by gridPackedBook',
    [
      'baseEquity',
      'worstEquity',
      'worstScenario',
      'minSurplus',
      'liquidatingCount',
      'firstLiquidating',
      'scenarioLiquidating',
      'scenarioLoss',
      'lossHistogram',
      'pending',
    ],
    ['from', 'to', 'scenarioCount', 'exactCount'],
  );
  const s = shard as Record<string, unknown>;
  checkList(s.lossEdges, `${name}.lossEdges`);
  if (s.matrix !== undefined) {
    checkPacked(s.matrix, `${name}.matrix`, 'a grid matrix', ['equity', 'liquidatable'], []);
  }
}
