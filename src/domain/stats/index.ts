export { confidenceInterval95, type Interval } from "./confidence-interval";
export { scaleKey, summarizeDistribution, summarizeValues, type DistributionSummary, type ValueCounts } from "./distribution";
export { formatCalendarDate, helsinkiDate, type CalendarDate, type DateInput } from "./helsinki-date";
export { lnGamma, regularizedIncompleteBeta } from "./incomplete-beta";
export { poolMeans, type PoolableEvent, type PooledMean, type PooledSource } from "./pooled-mean";
export { rateStatus, responseRate, surveyHasRun, type RateInput, type RateStatus } from "./response-rate";
export { NORMAL_QUANTILE_975, tQuantile975 } from "./student-t";
export {
  MIN_CELL,
  smallNWarning,
  suppress,
  suppressBreakdown,
  suppressComments,
  poolReleasedBreakdowns,
  type PooledBreakdownRow,
  type BreakdownRow,
  type Cell,
} from "./suppression";
export {
  BUCKET_INTERVALS,
  bucketKey,
  bucketRange,
  DEFAULT_INTERVAL,
  fillSeries,
  isBucketInterval,
  type BucketInterval,
  type SeriesPoint,
} from "./time-buckets";
export {
  coversWholeMonths,
  MIN_OTHER_REGIONS,
  yardstickState,
  type BlockContribution,
  type YardstickReader,
  type YardstickReason,
  type YardstickState,
} from "./yardstick";
export { releaseComments, type ReleasedComment } from "./comment-release";
export { exactSumOfParts, splitMonths, type MonthSplit } from "./month-split";
