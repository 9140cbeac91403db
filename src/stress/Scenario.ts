import type { FundingScenarios } from '../funding/withProjectedFunding.js';
import type { DecimalInput } from '../internal/decimal.js';

/**
 * How a scenario moves prices. Moves are fractions (−0.1 = a 10 % fall) applied to both the oracle and the mark.
 *
 * - `uniform`: every market (and every non-settlement collateral asset) moves by `move`.
 * - `relative`: per market id or collateral asset, `price · (1 + move)`; unnamed ones stay.
 * - `absolute`: per market id or collateral asset, a new price.
 * - `factor`: a driver moves by `move`; every other market or asset by `β · move + idiosyncratic` (β defaults to
 *   0, the driver's own β is 1).
 * @category Stress
 */
export type PriceShock =
  | { readonly kind: 'uniform'; readonly move: DecimalInput }
  | { readonly kind: 'relative'; readonly moves: Readonly<Record<string, DecimalInput>> }
  | { readonly kind: 'absolute'; readonly prices: Readonly<Record<string, DecimalInput>> }
  | {
      readonly kind: 'factor';
      readonly driver: string;
      readonly move: DecimalInput;
      readonly betas: Readonly<Record<string, DecimalInput>>;
      readonly idiosyncratic?: Readonly<Record<string, DecimalInput>>;
    };

/**
 * One stress scenario: plain, JSON-serialisable data.
 * @category Stress
 */
export interface Scenario {
  /** Label shown in reports. */
  readonly name: string;
  /** The price move; none leaves prices as they are. */
  readonly shock?: PriceShock;
  /** Funding paid over a horizon before the shock is measured. */
  readonly funding?: {
    readonly fromMs: number;
    readonly toMs: number;
    readonly scenario: FundingScenarios;
  };
  /** Weight of the scenario's loss when scenarios are combined (SPAN extremes count 35 %); default 1. */
  readonly weight?: DecimalInput;
}
