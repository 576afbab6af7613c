/**
 * The registry's members as the contact log, the suggestions and the care lists need them: who
 * (name, ID number, branch, phone), how to reach and help them (联系人, 家庭经济状况) and their
 * dates, each with the row it has in the registry sheet. Read from the engine's output
 * (normalizeRegistry), so values are canonical wherever the engine could make them so.
 */
import { FAMILY_ECONOMY_LEVELS } from "../codes/economy";
import type { RegistryResult } from "../registry";
import { isRealDate } from "../rules/dates";
import { type FieldKey, type Member, idNumberSchema } from "../schema";
import { trimAll } from "../text";
import type { CellValue } from "../types";
import { validDay } from "./days";

/** One registry row: canonical fields of {@link Member}, and its 1-based row in the registry sheet. */
export type RegistryMember = Pick<
  Member,
  | "name"
  | "idNumber"
  | "branch"
  | "mobile"
  | "familyEconomy"
  | "contactCadre"
  | "birthDate"
  | "recordedOn"
> & {
  row: number;
  /** The workbook it was read from, where several are read together (two workbooks' rows 5 are two rows). */
  file?: string;
};

const text = (v: CellValue | undefined): string | null => {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return null;
  const t = trimAll(v);
  return t === "" ? null : t;
};

/** The birth date an ID number carries (digits 7-14), where the number is a valid 18-character one. */
export function birthOfId(id: string | null): Date | null {
  if (!id || !idNumberSchema.safeParse(id).success) return null;
  const y = +id.slice(6, 10);
  const m = +id.slice(10, 12);
  const d = +id.slice(12, 14);
  return isRealDate(y, m, d) ? new Date(Date.UTC(y, m - 1, d)) : null;
}

/**
 * The members of a normalised registry, in its order. A row counts when it has a name or an ID
 * number. Values the engine could not make canonical are left out (an ID number that is not 18
 * characters, a 家庭经济状况 outside 良好/一般/困难); 出生日期 falls back on the ID number's.
 */
export function registryMembers(
  r: Pick<RegistryResult, "columns" | "rows" | "sourceRows">
): RegistryMember[] {
  const at = new Map<FieldKey, number>();
  r.columns.forEach((c, i) => {
    if (c.field && !at.has(c.field)) at.set(c.field, i);
  });
  const out: RegistryMember[] = [];
  r.rows.forEach((row, i) => {
    const get = (k: FieldKey): CellValue | undefined => {
      const c = at.get(k);
      return c === undefined ? undefined : row[c];
    };
    const date = (k: FieldKey): Date | null => {
      const v = get(k);
      return v instanceof Date ? validDay(v) : null;
    };
    const rawId = text(get("idNumber"));
    const idNumber = rawId && idNumberSchema.safeParse(rawId).success ? rawId : null;
    const name = text(get("name"));
    if (!name && !idNumber) return;
    const economy = text(get("familyEconomy"));
    out.push({
      name: name ?? "",
      idNumber,
      branch: text(get("branch")),
      mobile: text(get("mobile")),
      familyEconomy: FAMILY_ECONOMY_LEVELS.find((l) => l === economy) ?? null,
      contactCadre: text(get("contactCadre")),
      birthDate: date("birthDate") ?? birthOfId(idNumber),
      recordedOn: date("recordedOn"),
      row: r.sourceRows[i] ?? i + 2,
    });
  });
  return out;
}
