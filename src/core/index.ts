export * from "./types";
export type { Problem, ProblemPlace } from "./problem";
export * from "./schema";
export * from "./messages";
export {
  RegistryNormalizer,
  type NormalizedRow,
  type NormalizeSummary,
  type OutputColumn,
} from "./normalizer";
export { normalizeRegistry, type RegistryResult, type RegistryCounts } from "./registry";
export { REGISTRY_SHEET, type SheetPlan, type ColumnPlan, type CellMark } from "./plan";
export {
  recognizeHeader,
  fieldForHeader,
  type HeaderInfo,
  type ColumnMapping,
} from "./header/recognize";
export { maskId, idCheckChar, upgradeId15 } from "./rules/idNumber";
export { maskPhone } from "./rules/phone";
export { parseDateValue, serialToDate, dateToSerial, type PartialDate } from "./rules/dates";
