/**
 * Which ExcelApi requirement sets the running Excel supports. The manifest asks for ExcelApi 1.7;
 * everything newer is checked here before use, and the host degrades with a note when it is missing.
 */
export interface ApiSupport {
  /** ExcelApi 1.<minor> is supported. */
  excel(minor: number): boolean;
}

/** The requirement set each optional feature needs (ExcelApi 1.x). */
export const FEATURE = {
  /** worksheet.getRanges (RangeAreas), pageLayout, cell properties, autoFilter. */
  rangeAreas: 9,
  pageLayout: 9,
  cellProperties: 9,
  autoFilter: 9,
  /** range.dataValidation, PivotTables. */
  dataValidation: 8,
  pivotTables: 8,
  /** worksheet.comments (threaded comments). */
  comments: 10,
  /** range.getMergedAreasOrNullObject. */
  mergedAreas: 13,
  /** worksheet.notes (classic notes). */
  notes: 18,
} as const;

/** What the running Office says (Office.context.requirements). */
export function officeApiSupport(): ApiSupport {
  return {
    excel: (minor) => Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`),
  };
}

/** An Excel that supports every ExcelApi set up to 1.<max> (tests, and reasoning about old clients). */
export function apiSupportUpTo(max: number): ApiSupport {
  return { excel: (minor) => minor <= max };
}
