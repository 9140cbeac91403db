import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal } from './decimal.js';
import { MAX_ID_LENGTH } from './idLimit.js';

// Cheap shape checks for the arguments of the math functions: a type test per argument, never a re-validation
// (created primitives are trusted inside), so a wrong argument is a typed INVALID_ARGUMENT naming it instead of a
// raw TypeError deep in the math.

/** `'request.side'` → `['request', 'side']`, `'path[2]'` → `['path', 2]`. */
function pathOf(name: string): (string | number)[] {
  return name
    .split(/[.[\]]+/)
    .filter((k) => k !== '')
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

function reject(name: string, expected: string, value: unknown): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be ${expected}, got ${got}`, pathOf(name));
}

/** A property of an argument, or `undefined` when reading it throws (a getter, a proxy trap, a host object). */
function field(value: Record<string, unknown>, key: string): unknown {
  try {
    return value[key];
  } catch {
    return undefined;
  }
}

/** An array without holes (a created account's lists never have any). */
function dense(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!(i in value)) return false;
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object argument (not null, not an array). */
export function checkObject(value: unknown, name: string, expected = 'an object'): void {
  if (!isObject(value)) reject(name, expected, value);
}

/** An optional options object: undefined, or an object (never a string, number or array silently ignored). */
export function checkOptions(value: unknown, name = 'options'): void {
  if (value !== undefined && !isObject(value)) reject(name, 'an options object', value);
}

/** A dense array argument (no holes). */
export function checkList(value: unknown, name: string): void {
  if (!Array.isArray(value)) reject(name, 'an array', value);
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must not have holes`, [...pathOf(name), i]);
    }
  }
}

/** A dense array of objects (tiers, scenarios, path steps, positions). */
export function checkObjectList(value: unknown, name: string): void {
  checkList(value, name);
  (value as unknown[]).forEach((item, i) => {
    if (!isObject(item)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `${name}[${i}] must be an object`, [
        ...pathOf(name),
        i,
      ]);
    }
  });
}

/** A non-empty string argument (an id): at most {@link MAX_ID_LENGTH} characters, as every created id is. */
export function checkText(value: unknown, name: string): void {
  if (typeof value !== 'string' || value === '') reject(name, 'a non-empty string', value);
  if (value.length > MAX_ID_LENGTH) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `${name} must be at most ${MAX_ID_LENGTH} characters, got ${value.length}`,
      pathOf(name),
    );
  }
}

/** A margin account made by `createMarginAccount`. */
export function checkAccount(account: unknown, name = 'account'): void {
  const expected = 'a margin account made by createMarginAccount';
  if (
    !isObject(account) ||
    !dense(field(account, 'positions')) ||
    !dense(field(account, 'collateral')) ||
    !isObject(field(account, 'markets')) ||
    typeof field(account, 'settleAsset') !== 'string'
  ) {
    reject(name, expected, account);
  }
}

/** Prices made by `createPrices`. */
export function checkPrices(prices: unknown, name = 'prices'): void {
  if (!isObject(prices) || !isObject(field(prices, 'markets')) || !isObject(field(prices, 'assets'))) {
    reject(name, 'prices made by createPrices', prices);
  }
}

/** A market made by `createMarket`. */
export function checkMarket(market: unknown, name = 'market'): void {
  if (
    !isObject(market) ||
    !isObject(field(market, 'marginSchedule')) ||
    !(field(market, 'contractSize') instanceof Decimal)
  ) {
    reject(name, 'a market made by createMarket', market);
  }
}

/** A position made by `createPosition`. */
export function checkPosition(position: unknown, name = 'position'): void {
  if (
    !isObject(position) ||
    !(field(position, 'size') instanceof Decimal) ||
    !(field(position, 'entryPrice') instanceof Decimal)
  ) {
    reject(name, 'a position made by createPosition', position);
  }
}

/** An order book made by `createOrderBook`. */
export function checkBook(book: unknown, name = 'book'): void {
  if (!isObject(book) || !Array.isArray(field(book, 'bids')) || !Array.isArray(field(book, 'asks'))) {
    reject(name, 'an order book made by createOrderBook', book);
  }
}

/** One of a few allowed strings (an order side, a direction). */
export function checkChoice(value: unknown, name: string, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    reject(name, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  }
}

/** An optional whole number within bounds (decimal places, step counts). */
export function checkWhole(value: unknown, name: string, min: number, max: number): void {
  if (
    value !== undefined &&
    (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max)
  ) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `${name} must be a whole number in ${min} … ${max}`,
      pathOf(name),
    );
  }
}

/** A time in whole milliseconds. */
export function checkTime(value: unknown, name: string): void {
  if (!Number.isSafeInteger(value)) reject(name, 'a whole number of milliseconds', value);
}

/** A funding schedule made by `createFundingSchedule`. */
export function checkFundingSchedule(schedule: unknown, name = 'schedule'): void {
  if (
    !isObject(schedule) ||
    typeof field(schedule, 'intervalMs') !== 'number' ||
    !isObject(field(schedule, 'rate'))
  ) {
    reject(name, 'a funding schedule made by createFundingSchedule', schedule);
  }
}

/** A price shock: its kind and the fields that kind reads. */
export function checkShock(shock: unknown, name = 'shock'): void {
  checkObject(shock, name);
  const s = shock as Record<string, unknown>;
  switch (field(s, 'kind')) {
    case 'uniform':
      return;
    case 'relative':
      checkObject(field(s, 'moves'), `${name}.moves`);
      return;
    case 'absolute':
      checkObject(field(s, 'prices'), `${name}.prices`);
      return;
    case 'factor': {
      checkText(field(s, 'driver'), `${name}.driver`);
      checkObject(field(s, 'betas'), `${name}.betas`);
      const idiosyncratic = field(s, 'idiosyncratic');
      if (idiosyncratic !== undefined) checkObject(idiosyncratic, `${name}.idiosyncratic`);
      return;
    }
    default:
      reject(`${name}.kind`, "'uniform', 'relative', 'absolute' or 'factor'", field(s, 'kind'));
  }
}

/** A list of scenarios, each a named shock. */
export function checkScenarios(scenarios: unknown, name = 'scenarios'): void {
  checkObjectList(scenarios, name);
  (scenarios as Record<string, unknown>[]).forEach((scenario, i) => {
    const label = field(scenario, 'name');
    if (typeof label !== 'string') reject(`${name}[${i}].name`, 'a string', label);
    const shock = field(scenario, 'shock');
    if (shock !== undefined) checkShock(shock, `${name}[${i}].shock`);
  });
}

/** A liquidation or bankruptcy price as returned by `liquidationPrice` / `bankruptcyPrice`. */
export function checkThreshold(threshold: unknown, name = 'threshold'): void {
  const expected = 'a liquidation or bankruptcy price';
  if (!isObject(threshold) || !(field(threshold, 'currentPrice') instanceof Decimal))
    reject(name, expected, threshold);
  const t = threshold as Record<string, unknown>;
  const kind = field(t, 'kind');
  if (kind === 'price' ? !(field(t, 'price') instanceof Decimal) : kind !== 'never' && kind !== 'now') {
    reject(name, expected, threshold);
  }
}

/** An object whose `keys` are library Decimals (a created schedule or tier). */
export function checkDecimals(value: unknown, name: string, keys: readonly string[]): void {
  checkObject(value, name);
  for (const key of keys) {
    const read = field(value as Record<string, unknown>, key);
    if (!(read instanceof Decimal)) reject(`${name}.${key}`, 'a Decimal', read);
  }
}

/**
 * A batch result (a packed book, scan, packed scenarios or grid shard): an object whose `arrays` are typed arrays
 * and whose `counts` are whole numbers ≥ 0. Its contents are trusted, like any created primitive.
 */
export function checkPacked(
  value: unknown,
  name: string,
  expected: string,
  arrays: readonly string[],
  counts: readonly string[],
): void {
  if (!isObject(value)) reject(name, expected, value);
  const v = value as Record<string, unknown>;
  for (const key of arrays) {
    const array = field(v, key);
    if (!ArrayBuffer.isView(array) || array instanceof DataView)
      reject(`${name}.${key}`, 'a typed array', array);
  }
  for (const key of counts) {
    const count = field(v, key);
    if (!Number.isSafeInteger(count) || (count as number) < 0)
      reject(`${name}.${key}`, 'a whole number', count);
  }
}

/** A dense list of accounts made by `createMarginAccount`. */
export function checkAccounts(accounts: unknown, name = 'accounts'): void {
  checkList(accounts, name);
  (accounts as unknown[]).forEach((account, i) => {
    checkAccount(account, `${name}[${i}]`);
  });
}
