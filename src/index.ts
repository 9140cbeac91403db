// The public surface: explicit named re-exports only.

export { createMarginAccount } from './account/createMarginAccount.js';
export type {
  Collateral,
  CollateralInput,
  MarginAccount,
  MarginAccountInput,
} from './account/MarginAccount.js';
export {
  type AccountScan,
  LIQUIDATION_STATUS,
  type PositionScan,
} from './batch/AccountScan.js';
export { confirmGrid } from './batch/confirmGrid.js';
export { type ConfirmOptions, confirmScan } from './batch/confirmScan.js';
export type { GridShard } from './batch/GridShard.js';
export { type GridOptions, gridPackedBook } from './batch/gridPackedBook.js';
export { mergeGridShards } from './batch/mergeGridShards.js';
export {
  type OptionGridRow,
  type OptionStressGrid,
  optionStressGrid,
} from './batch/optionStressGrid.js';
export type { PackedBook } from './batch/PackedBook.js';
export { type PackOptions, packAccounts } from './batch/packAccounts.js';
export { type PackedScenarios, packScenarios } from './batch/packScenarios.js';
export { scanAccounts } from './batch/scanAccounts.js';
export { type ScanOptions, scanPackedBook } from './batch/scanPackedBook.js';
export { stressGrid } from './batch/stressGrid.js';
export { type AsyncGridOptions, stressGridAsync } from './batch/stressGridAsync.js';
export { AbortedError, type AbortedErrorCode } from './errors/AbortedError.js';
export { InvalidArgumentError, type InvalidArgumentErrorCode } from './errors/InvalidArgumentError.js';
export { formatPath, type InputPath, isMarginKitError, MarginKitError } from './errors/MarginKitError.js';
export { MissingPriceError, type MissingPriceErrorCode } from './errors/MissingPriceError.js';
export {
  ValidationError,
  type ValidationErrorCode,
  type ValidationIssue,
} from './errors/ValidationError.js';
export { applyFill, type FillResult, type Transition } from './execution/applyFill.js';
export { checkTrigger, type TriggerCheck, type TriggerCheckOptions } from './execution/checkTrigger.js';
export { createFeeSchedule } from './execution/createFeeSchedule.js';
export { createOrderBook } from './execution/createOrderBook.js';
export type { FeeSchedule, FeeScheduleInput, FeeTier, Liquidity } from './execution/FeeSchedule.js';
export { feeRateFor } from './execution/feeRateFor.js';
export {
  type IsolatedMarginLimitOptions,
  type IsolatedMarginLimits,
  isolatedMarginLimits,
} from './execution/isolatedMarginLimits.js';
export {
  type LadderOptions,
  type LadderStep,
  type LiquidationLadder,
  liquidationLadder,
} from './execution/liquidationLadder.js';
export type { MarginCheck, PoolCheck } from './execution/marginCheck.js';
export {
  type MaxOrderOptions,
  type MaxOrderRequest,
  type MaxOrderSize,
  maxOrderSize,
} from './execution/maxOrderSize.js';
export {
  maxSizeWithinSlippage,
  type SlippageLimitedSize,
  type SlippageLimitOptions,
} from './execution/maxSizeWithinSlippage.js';
export type { OpenOrder } from './execution/OpenOrder.js';
export type { BookLevel, OrderBook, OrderBookInput, OrderSide } from './execution/OrderBook.js';
export { type OpenOrderMargin, openOrderMargin } from './execution/openOrderMargin.js';
export {
  type BookDepth,
  type BookMetrics,
  type BookMetricsOptions,
  orderBookMetrics,
} from './execution/orderBookMetrics.js';
export { type OrderPreview, type OrderRequest, previewOrder } from './execution/previewOrder.js';
export {
  type PositionChange,
  type PositionChangePreview,
  previewPositionChange,
} from './execution/previewPositionChange.js';
export type { MarketReservation } from './execution/reservedMargin.js';
export { type BookStress, stressOrderBook } from './execution/stressOrderBook.js';
export { tradingFee } from './execution/tradingFee.js';
export {
  type TriggerOptions,
  type TriggerPrice,
  type TriggerTarget,
  triggerPrice,
} from './execution/triggerPrice.js';
export { type BookWalk, type Slippage, type WalkOptions, walkOrderBook } from './execution/walkOrderBook.js';
export {
  type QuoteWalk,
  type QuoteWalkOptions,
  walkOrderBookByQuote,
} from './execution/walkOrderBookByQuote.js';
export { type AnnualizedFundingRate, annualizedFundingRate } from './funding/annualizedFundingRate.js';
export { type BreakEvenCosts, type BreakEvenPrice, breakEvenPrice } from './funding/breakEvenPrice.js';
export { createFundingSchedule } from './funding/createFundingSchedule.js';
export type { FundingAccrual, FundingScenario } from './funding/FundingScenario.js';
export type {
  ClampedPremiumRate,
  FundingPrice,
  FundingRateModel,
  FundingRateModelInput,
  FundingRatePoint,
  FundingSchedule,
  FundingScheduleInput,
  PremiumInterestRate,
  RatePathRate,
} from './funding/FundingSchedule.js';
export { fundingIndexDelta, settleFundingIndex } from './funding/fundingIndex.js';
export { fundingPayment } from './funding/fundingPayment.js';
export { fundingRateBound } from './funding/fundingRateBound.js';
export { fundingRateFromPremium } from './funding/fundingRateFromPremium.js';
export { fundingTimes } from './funding/fundingTimes.js';
export { premiumIndex } from './funding/premiumIndex.js';
export {
  type FundingInterval,
  type FundingProjection,
  type FundingProjectionOptions,
  projectFunding,
} from './funding/projectFunding.js';
export { roundFundingPayment } from './funding/roundFundingPayment.js';
export {
  type PoolTimeToLiquidation,
  type TimeToLiquidation,
  type TimeToLiquidationOptions,
  timeToLiquidation,
} from './funding/timeToLiquidation.js';
export {
  type FundingScenarios,
  type ProjectedFundingOptions,
  withProjectedFunding,
} from './funding/withProjectedFunding.js';
export { type ConvergeBasisOptions, convergeBasis } from './futures/convergeBasis.js';
export type { FutureBasis, FutureBasisInput, FutureFairPriceInput } from './futures/Future.js';
export { futureBasis } from './futures/futureBasis.js';
export { futureFairPrice } from './futures/futureFairPrice.js';
export { Decimal, type DecimalInput } from './internal/decimal.js';
export type { AbortSignalLike, Progress, ProgressOptions } from './internal/progress.js';
export {
  type AlgebraicLiquidationPrice,
  algebraicLiquidationPrice,
} from './liquidation/algebraicLiquidationPrice.js';
export { bankruptcyPrice } from './liquidation/bankruptcyPrice.js';
export {
  type DistanceOptions,
  type LiquidationDistance,
  liquidationDistance,
} from './liquidation/liquidationDistance.js';
export { type LiquidationPriceOptions, liquidationPrice } from './liquidation/liquidationPrice.js';
export type { ThresholdOptions } from './liquidation/poolThresholdPrice.js';
export type {
  BankruptcyPrice,
  LiquidationPrice,
  ThresholdContext,
  ThresholdPrice,
} from './liquidation/ThresholdPrice.js';
export type {
  AccountSummary,
  CollateralValuation,
  IsolatedPoolSummary,
  PoolSummary,
  PositionSummary,
} from './margin/AccountSummary.js';
export { collateralValue } from './margin/collateralValue.js';
export { maintenanceDeductions } from './margin/maintenanceDeductions.js';
export {
  type MarginRequirement,
  type MarginRequirementOptions,
  marginRequirement,
} from './margin/marginRequirement.js';
export { marginTierAt } from './margin/marginTierAt.js';
export { notional } from './margin/notional.js';
export { openInterestInitialFraction } from './margin/openInterestInitialFraction.js';
export { positionRoi, type RoiOptions } from './margin/positionRoi.js';
export type { Ratio } from './margin/Ratio.js';
export { type SummaryOptions, summarizeAccount } from './margin/summarizeAccount.js';
export { unrealizedPnl } from './margin/unrealizedPnl.js';
export { createMarket } from './market/createMarket.js';
export type {
  FlatMarginSchedule,
  MarginSchedule,
  MarginScheduleInput,
  MarginTier,
  MarginTierInput,
  OpenInterestMarginSchedule,
  TieredMarginSchedule,
} from './market/MarginSchedule.js';
export type { Market, MarketInput, MarketKind } from './market/Market.js';
export type {
  Black76Greeks,
  Black76Input,
  OptionSettlement,
  OptionType,
} from './options/Black76.js';
export {
  type Black76FloatGreeks,
  type Black76FloatInput,
  black76Float,
} from './options/black76Float.js';
export { black76Greeks } from './options/black76Greeks.js';
export { black76Price } from './options/black76Price.js';
export {
  cascadeWithOptions,
  type OptionCascadeOptions,
  type OptionCascadeResult,
  type OptionLiquidationEvent,
} from './options/cascadeWithOptions.js';
export {
  compareOptionLayouts,
  type OptionLayout,
  type OptionLayoutOutcome,
  withOptionLayout,
} from './options/compareOptionLayouts.js';
export { createOptionBook } from './options/createOptionBook.js';
export {
  liquidationMoveWithOptions,
  type OptionLiquidationMove,
  type OptionLiquidationSearch,
} from './options/liquidationMoveWithOptions.js';
export type {
  OptionAccountSummary,
  OptionLegSummary,
  OptionValuation,
} from './options/OptionAccountSummary.js';
export type {
  OptionBook,
  OptionBookInput,
  OptionMarginRule,
  OptionMarket,
  OptionMarketInput,
  OptionPosition,
  OptionPositionInput,
} from './options/OptionBook.js';
export type { OptionScenario, OptionScenarioResult } from './options/OptionScenario.js';
export { type OptionRequirement, optionMargin } from './options/optionMargin.js';
export { optionMarkPrice } from './options/optionMarkPrice.js';
export { stressWithOptions } from './options/stressWithOptions.js';
export { summarizeWithOptions } from './options/summarizeWithOptions.js';
export { createPosition } from './position/createPosition.js';
export type { MarginMode, Position, PositionInput } from './position/Position.js';
export { createPrices } from './prices/createPrices.js';
export type { MarketPrice, MarketPriceInput, PriceSource, Prices, PricesInput } from './prices/Prices.js';
export { priceOf } from './prices/priceOf.js';
export { combineRiskArrays, type RiskArrayLeg } from './scenarioMargin/combineRiskArrays.js';
export {
  type DeribitContingency,
  type DeribitContingencyInput,
  deribitContingency,
} from './scenarioMargin/deribitContingency.js';
export {
  type DeribitFuturesMargin,
  type DeribitFuturesMarginOptions,
  deribitFuturesMargin,
} from './scenarioMargin/deribitFuturesMargin.js';
export {
  type DeribitPortfolioMargin,
  type DeribitPortfolioMarginInput,
  deribitPortfolioMargin,
} from './scenarioMargin/deribitPortfolioMargin.js';
export {
  type DeribitPortfolioMarginPreset,
  deribitPortfolioMarginPreset,
} from './scenarioMargin/deribitPortfolioMarginPreset.js';
export {
  type DeribitVolShock,
  type DeribitVolShockInput,
  deribitVolShock,
} from './scenarioMargin/deribitVolShock.js';
export {
  type InterCommodityCredit,
  type InterCommodityCreditInput,
  type InterCommodityLeg,
  interCommodityCredit,
} from './scenarioMargin/interCommodityCredit.js';
export {
  type FormedSpread,
  type IntraSpreadCharge,
  type IntraSpreadInput,
  intraSpreadCharge,
} from './scenarioMargin/intraSpreadCharge.js';
export { type OptionRiskArrayTerms, optionRiskArray } from './scenarioMargin/optionRiskArray.js';
export {
  type PortfolioMarginGridOptions,
  portfolioMarginScenarios,
} from './scenarioMargin/portfolioMarginScenarios.js';
export type { RiskArray, RiskScenario, VolMove } from './scenarioMargin/RiskScenario.js';
export { type Revalue, type RiskArrayTerms, riskArray } from './scenarioMargin/riskArray.js';
export { type RiskArrayFromOptions, riskArrayFrom } from './scenarioMargin/riskArrayFrom.js';
export { type ScanningRisk, scanningRisk } from './scenarioMargin/scanningRisk.js';
export {
  type SpanRequirement,
  type SpanRequirementInput,
  spanRequirement,
} from './scenarioMargin/spanRequirement.js';
export { type SpanRiskScenarioOptions, spanRiskScenarios } from './scenarioMargin/spanRiskScenarios.js';
export {
  type TimsGridOptions,
  timsScenarios,
  type ValuationRange,
} from './scenarioMargin/timsScenarios.js';
export { type TimsValuationRanges, timsValuationRanges } from './scenarioMargin/timsValuationRanges.js';
export { applyShock } from './stress/applyShock.js';
export { collateralToSurvive, type SurvivalCollateral } from './stress/collateralToSurvive.js';
export { type IsolatedMarginPlan, isolatedMarginPlan } from './stress/isolatedMarginPlan.js';
export type { LiquidationEvent } from './stress/liquidateAt.js';
export { type LiquidationShock, liquidationRange, liquidationShock } from './stress/liquidationShock.js';
export {
  compareMarginLayouts,
  type LayoutOutcome,
  type MarginLayout,
  withMarginLayout,
} from './stress/marginLayouts.js';
export {
  type DistanceSizing,
  type DistanceSizingRequest,
  maxLeverageForLiquidationDistance,
  maxSizeForLiquidationDistance,
} from './stress/maxSizeForLiquidationDistance.js';
export {
  type ChartOptions,
  renderStressChart,
  type StressChartLine,
  type StressChartMarker,
  type StressChartSeries,
  stressChartSeries,
} from './stress/renderStressChart.js';
export { renderStressTable, type StressTableOptions } from './stress/renderStressTable.js';
export {
  type PathReplay,
  type PricePathStep,
  type ReplayOptions,
  type ReplayStep,
  replayPricePath,
} from './stress/replayPricePath.js';
export type { PriceShock, Scenario } from './stress/Scenario.js';
export { factorScenarios, spanScenarios, uniformLadder } from './stress/scenarioSets.js';
export {
  type ScenarioResult,
  type StressOptions,
  type StressPool,
  type StressRun,
  stressAccount,
} from './stress/stressAccount.js';
export type {
  BinanceCoinMLiquidationInput,
  BinanceLegTerms,
  BinanceLiquidationInput,
  BinanceLiquidationLeg,
  BinanceLiquidationPrice,
  BinancePositionSide,
} from './venues/binance/BinanceLiquidationPrice.js';
export { binanceCoinMLiquidationPrice } from './venues/binance/coinMLiquidationPrice.js';
export {
  type BinancePositionReport,
  type BinanceUsdmAccountOptions,
  type BinanceUsdmSnapshot,
  fromBinanceUsdmAccount,
} from './venues/binance/fromBinanceUsdmAccount.js';
export { type BinanceFundingOptions, binanceFundingSchedule } from './venues/binance/fundingSchedule.js';
export type {
  BinanceBracketOptions,
  BinanceBracketsInput,
  BinanceCumPolicy,
  BinanceLeverageBracket,
  BinanceLeverageBracketInput,
  BinanceMaintenanceRateInput,
} from './venues/binance/LeverageBracket.js';
export { binanceLiquidationPrice } from './venues/binance/liquidationPrice.js';
export {
  type BinanceMaintenanceInput,
  type BinanceMaintenanceMargin,
  binanceMaintenanceMargin,
} from './venues/binance/maintenanceMargin.js';
export { binanceMarginSchedule } from './venues/binance/marginSchedule.js';
export type {
  BinanceAccountAssetPayload,
  BinanceAccountPayload,
  BinanceAccountPositionPayload,
  BinancePositionRiskPayload,
  BinancePremiumIndexPayload,
  BinanceSymbolBracketsPayload,
} from './venues/binance/payloads.js';
export {
  type BinanceWalletBackSolveInput,
  binanceWalletBalanceFromLiquidationPrice,
} from './venues/binance/walletBalanceFromLiquidationPrice.js';
export type {
  BybitMaintenanceTerms,
  BybitPositionTerms,
  BybitPriceLevel,
} from './venues/bybit/BybitPositionTerms.js';
export { bybitBankruptcyPrice } from './venues/bybit/bankruptcyPrice.js';
export { bybitCloseFee } from './venues/bybit/closeFee.js';
export {
  type BybitAccountSnapshot,
  type BybitAdaptedPosition,
  type BybitAdaptedTerms,
  type BybitReportedFigures,
  type BybitSkippedPosition,
  type FromBybitOptions,
  fromBybitPositions,
} from './venues/bybit/fromBybitPositions.js';
export { bybitInitialMargin } from './venues/bybit/initialMargin.js';
export {
  type BybitInverseCrossInput,
  type BybitInverseCrossLiquidation,
  bybitInverseCrossLiquidationPrice,
} from './venues/bybit/inverseCrossLiquidationPrice.js';
export {
  type BybitLiquidationOptions,
  type BybitLiquidationPrice,
  bybitLiquidationPrice,
} from './venues/bybit/liquidationPrice.js';
export { type BybitMarginScheduleOptions, bybitMarginSchedule } from './venues/bybit/marginSchedule.js';
export { type BybitOrderCost, bybitOrderCost } from './venues/bybit/orderCost.js';
export type {
  BybitListPayload,
  BybitListResult,
  BybitPositionInfo,
  BybitResponse,
  BybitRiskLimitTier,
  BybitTicker,
  BybitWalletAccount,
  BybitWalletCoin,
} from './venues/bybit/payloads.js';
export { bybitRoi } from './venues/bybit/roi.js';
export type { DriftMarkets, DriftPerpMarket, DriftSpotMarket } from './venues/drift/DriftMarkets.js';
export type { DriftPerpPosition, DriftSpotPosition, DriftUser } from './venues/drift/DriftUser.js';
export {
  type DriftAccountSnapshot,
  type DriftPerpMarketPayload,
  type DriftSpotMarketPayload,
  type DriftUserAccountPayload,
  fromDriftUserAccount,
} from './venues/drift/fromDriftUserAccount.js';
export { driftFundingPayment } from './venues/drift/fundingPayment.js';
export { driftHourlyFundingRate } from './venues/drift/hourlyFundingRate.js';
export { type DriftLiquidationPrice, driftLiquidationPrice } from './venues/drift/liquidationPrice.js';
export {
  type DriftMarginCalculation,
  type DriftPerpMargin,
  driftMarginCalculation,
} from './venues/drift/marginCalculation.js';
export {
  type DriftMarginCategory,
  type DriftMarginRatioOptions,
  driftPerpMarginRatio,
} from './venues/drift/perpMarginRatio.js';
export { driftSizeDiscountAssetWeight } from './venues/drift/sizeDiscountAssetWeight.js';
export { driftSizePremiumLiabilityWeight } from './venues/drift/sizePremiumLiabilityWeight.js';
export { driftSpotWeight } from './venues/drift/spotWeight.js';
export { driftUnrealizedAssetWeight } from './venues/drift/unrealizedAssetWeight.js';
export { dydxAdjustedInitialMarginPpm } from './venues/dydx/adjustedInitialMarginPpm.js';
export { dydxBankruptcyQuoteQuantums } from './venues/dydx/bankruptcyQuoteQuantums.js';
export { type DydxMatchCheck, type DydxMatchSide, dydxCheckMatch } from './venues/dydx/checkMatch.js';
export { dydxCompareRisk } from './venues/dydx/compareRisk.js';
export type { DydxFraction } from './venues/dydx/DydxFraction.js';
export type { DydxLiquidationsConfig } from './venues/dydx/DydxLiquidationsConfig.js';
export type { DydxClobPair, DydxLiquidityTier, DydxPerpetual } from './venues/dydx/DydxPerpetual.js';
export type { DydxRisk, DydxRiskInput } from './venues/dydx/DydxRisk.js';
export type {
  DydxCustomImfPpm,
  DydxPerpetualPosition,
  DydxSubaccount,
} from './venues/dydx/DydxSubaccount.js';
export { dydxFillAmountToQuoteQuantums } from './venues/dydx/fillAmountToQuoteQuantums.js';
export { dydxFillablePrice } from './venues/dydx/fillablePrice.js';
export { dydxFillablePriceSubticks } from './venues/dydx/fillablePriceSubticks.js';
export {
  type DydxIndexerAccount,
  type DydxIndexerOptions,
  fromDydxIndexerSubaccount,
} from './venues/dydx/fromDydxIndexerSubaccount.js';
export { dydxFundingIndexDelta } from './venues/dydx/fundingIndexDelta.js';
export { dydxFundingRateClampPpm } from './venues/dydx/fundingRateClampPpm.js';
export { dydxFundingTickRate } from './venues/dydx/fundingTickRate.js';
export {
  type DydxBookLevel,
  type DydxImpactPrice,
  dydxImpactPriceSubticks,
} from './venues/dydx/impactPriceSubticks.js';
export { dydxInitialMarginQuoteQuantums } from './venues/dydx/initialMarginQuoteQuantums.js';
export { dydxIsInitialCollateralized } from './venues/dydx/isInitialCollateralized.js';
export { dydxIsLiquidatable } from './venues/dydx/isLiquidatable.js';
export { dydxLiquidatablePositionSizeDelta } from './venues/dydx/liquidatablePositionSizeDelta.js';
export {
  type DydxInsuranceFundDelta,
  type DydxLiquidationFill,
  dydxLiquidationInsuranceFundDelta,
} from './venues/dydx/liquidationInsuranceFundDelta.js';
export { dydxMaintenanceMarginQuoteQuantums } from './venues/dydx/maintenanceMarginQuoteQuantums.js';
export { dydxOraclePriceToSubticks } from './venues/dydx/oraclePriceToSubticks.js';
export { type DydxPositionBlockLimits, dydxPositionBlockLimits } from './venues/dydx/positionBlockLimits.js';
export {
  type DydxPositionRisk,
  type DydxPositionRiskOptions,
  dydxPositionRisk,
} from './venues/dydx/positionRisk.js';
export { type DydxPremiumVoteInput, dydxPremiumVotePpm } from './venues/dydx/premiumVotePpm.js';
export { dydxPriceToSubticks } from './venues/dydx/priceToSubticks.js';
export { dydxBaseToQuoteQuantums } from './venues/dydx/quantums.js';
export { dydxQuoteToBaseQuantums } from './venues/dydx/quoteToBaseQuantums.js';
export {
  type DydxFundingPosition,
  type DydxFundingSettlement,
  dydxSettleFunding,
} from './venues/dydx/settleFunding.js';
export { dydxSizeToQuantums } from './venues/dydx/sizeToQuantums.js';
export {
  type DydxSubaccountPositionRisk,
  type DydxSubaccountRisk,
  type DydxSubaccountRiskOptions,
  dydxSubaccountRisk,
} from './venues/dydx/subaccountRisk.js';
export { type DydxUpdateResult, dydxUpdateCollateralCheck } from './venues/dydx/updateCollateralCheck.js';
export {
  fromGmxPositionInfo,
  type GmxAdapterOptions,
  type GmxPositionSnapshot,
} from './venues/gmx/fromGmxPositionInfo.js';
export type { GmxLiquidationParams, GmxPositionInput } from './venues/gmx/GmxPosition.js';
export type { GmxPositionInfo } from './venues/gmx/GmxPositionInfo.js';
export {
  type GmxAccruedFees,
  type GmxAccruedFeesInput,
  gmxAccruedFees,
} from './venues/gmx/gmxAccruedFees.js';
export {
  type GmxBorrowingInput,
  gmxBorrowingFactorPerSecond,
} from './venues/gmx/gmxBorrowingFactorPerSecond.js';
export {
  type GmxFundingFactor,
  type GmxFundingFactorInput,
  gmxFundingFactorPerSecond,
} from './venues/gmx/gmxFundingFactorPerSecond.js';
export {
  type GmxFundingRates,
  type GmxFundingRatesInput,
  gmxFundingRates,
} from './venues/gmx/gmxFundingRates.js';
export {
  type GmxLeverageCheck,
  type GmxLeverageCheckInput,
  gmxLeverageCheck,
} from './venues/gmx/gmxLeverageCheck.js';
export { type GmxLiquidationCheck, gmxLiquidationCheck } from './venues/gmx/gmxLiquidationCheck.js';
export {
  type GmxFeeRatesInput,
  type GmxLiquidationHours,
  gmxLiquidationHours,
} from './venues/gmx/gmxLiquidationHours.js';
export { type GmxLiquidationPrice, gmxLiquidationPrice } from './venues/gmx/gmxLiquidationPrice.js';
export {
  type GmxPositionFee,
  type GmxPositionFeeInput,
  gmxPositionFee,
} from './venues/gmx/gmxPositionFee.js';
export {
  type GmxPriceImpact,
  type GmxPriceImpactInput,
  gmxPositionPriceImpact,
} from './venues/gmx/gmxPositionPriceImpact.js';
export {
  fromHyperliquidClearinghouseState,
  type HyperliquidAccountSnapshot,
  type HyperliquidAdapterOptions,
  type HyperliquidReportedPosition,
  type HyperliquidReportedState,
} from './venues/hyperliquid/fromHyperliquidClearinghouseState.js';
export type {
  HyperliquidMarginTable,
  HyperliquidMarginTier,
} from './venues/hyperliquid/HyperliquidMarginTable.js';
export type {
  HyperliquidAssetCtx,
  HyperliquidClearinghouseState,
  HyperliquidMarginSummary,
  HyperliquidMeta,
  HyperliquidPosition,
  HyperliquidUniverseEntry,
} from './venues/hyperliquid/HyperliquidPayloads.js';
export { hyperliquidBackstopLiquidatable } from './venues/hyperliquid/hyperliquidBackstopLiquidatable.js';
export {
  type HyperliquidFundingRate,
  hyperliquidFundingRate,
} from './venues/hyperliquid/hyperliquidFundingRate.js';
export { hyperliquidFundingSchedule } from './venues/hyperliquid/hyperliquidFundingSchedule.js';
export {
  type HyperliquidLiquidationOrder,
  type HyperliquidLiquidationOrderOptions,
  hyperliquidLiquidationOrder,
} from './venues/hyperliquid/hyperliquidLiquidationOrder.js';
export {
  type HyperliquidLiquidationOptions,
  type HyperliquidLiquidationPrice,
  type HyperliquidLiquidationTerms,
  hyperliquidLiquidationPrice,
} from './venues/hyperliquid/hyperliquidLiquidationPrice.js';
export { hyperliquidMarginSchedule } from './venues/hyperliquid/hyperliquidMarginSchedule.js';
export { type HyperliquidMarketInput, hyperliquidMarket } from './venues/hyperliquid/hyperliquidMarket.js';
export {
  type OrderlyAccountMargin,
  type OrderlyPositionMargin,
  orderlyAccountMargin,
} from './venues/orderly/accountMargin.js';
export {
  fromOrderlyPositions,
  type OrderlyAccountSnapshot,
  type OrderlyClientInfo,
  type OrderlyPositionsPayload,
  type OrderlyReported,
  type OrderlySymbolInfo,
} from './venues/orderly/fromOrderlyPositions.js';
export { type OrderlyImrOptions, orderlyInitialMarginRatio } from './venues/orderly/initialMarginRatio.js';
export {
  type OrderlyLiquidationOptions,
  type OrderlyLiquidationPrice,
  type OrderlyOrderPreview,
  orderlyLiquidationPrice,
} from './venues/orderly/liquidationPrice.js';
export { orderlyMaintenanceMarginRatio } from './venues/orderly/maintenanceMarginRatio.js';
export { type OrderlyMaxOrderQtyInput, orderlyMaxOrderQty } from './venues/orderly/maxOrderQty.js';
export type { OrderlyAccount, OrderlyMarket, OrderlyPosition } from './venues/orderly/OrderlyMarket.js';
