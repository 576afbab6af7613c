import type { Severity } from "../../../core/types";
import type { CellStyle } from "../xlsx/styleSheet";

/** The header rows of 成员名册, 校验报告 and 变更记录: bold, centred, wrapped, light blue, thin grey borders. */
export const HEADER_STYLE: CellStyle = {
  font: { bold: true },
  align: { h: "center", v: "middle", wrap: true },
  fill: "FFD9E1F2",
  border: "FFB4B4B4",
};

/** The fill of a marked cell: red for an error, yellow for a warning (as Excel's own "bad" and "neutral"). */
export const MARK_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
};

/** How dates are shown in the sheets this project writes. */
export const DATE_FORMAT = "yyyy-mm-dd";
