/** The names of the sheets a summary writes. */
export const SUMMARY_NOTES_SHEET = "汇总说明";
export const summarySheetName = (label: string) => `季度汇总-${label}`;
export const yearSheetName = (year: number) => `年度汇总-${year}`;
