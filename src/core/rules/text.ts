import { showValue, stripSpaces, trimAll } from "../text";
import type { CellValue } from "../types";
import { type FieldRule, ok, problem } from "./rule";

/** Free text: white space trimmed at both ends; numbers and dates kept as they are. */
export function textRule(rule: string, column: string): FieldRule {
  return (v: CellValue) => {
    if (typeof v === "string") {
      const t = trimAll(v);
      return ok(t === "" ? null : t, rule);
    }
    if (typeof v === "boolean")
      return problem(v, rule, "unexpected-type", { column, value: showValue(v) });
    return ok(v, rule);
  };
}

const HAN_RE = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;

/** 姓名: trimmed; a 2-3 character Han name loses its inner spaces ("张 三" → "张三"); other names kept. */
export const normalizeName: FieldRule = (v: CellValue) => {
  if (v === null || (typeof v === "string" && trimAll(v) === ""))
    return problem(null, "name", "name-missing");
  if (typeof v !== "string") {
    if (typeof v === "boolean")
      return problem(v, "name", "unexpected-type", { column: "姓名", value: showValue(v) });
    return ok(v, "name");
  }
  const t = trimAll(v);
  const squeezed = stripSpaces(t);
  if (squeezed !== t && squeezed.length >= 2 && squeezed.length <= 3 && HAN_RE.test(squeezed))
    return ok(squeezed, "name");
  return ok(t, "name");
};
