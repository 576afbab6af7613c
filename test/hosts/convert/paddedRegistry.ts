/**
 * The messy registry (test/fixtures/messyRegistry.ts) in a workbook with other sheets, as is or
 * padded with members to any size: the same rows first, the same total row last.
 */
import ExcelJS from "exceljs";
import { idCheckChar } from "../../../src/core/rules/idNumber";
import { FIELDS } from "../../../src/core/schema";
import type { RawRow } from "../../../src/core/types";
import { buildMessyRegistry } from "../../fixtures/messyRegistry";
import { Random } from "../../fixtures/random";
import { memberRow } from "../stream/registryFixture";
import { writeRows } from "./helpers";

const MESSY_MEMBERS = 150;
const MESSY_SEED = 2024;
export const messyFixture = () => buildMessyRegistry(MESSY_MEMBERS, MESSY_SEED);

const col = (key: string) => FIELDS.findIndex((f) => f.key === key);
const HAN_DIGITS = "零一二三四五六七八九";

/**
 * Members past the messy registry's own: whole rows (a few quirks each thousand), with names and
 * ID numbers of their own, so that none of them is a duplicate of a member of the small registry.
 */
function* paddingRows(first: number, count: number, firstRow: number): Generator<RawRow> {
  const r = new Random(7);
  for (let k = 0; k < count; k++) {
    const i = first + k;
    const { values, numFmts } = memberRow(r, i);
    values[col("seq")] = i + 1;
    values[col("name")] = "补" + [...String(i)].map((d) => HAN_DIGITS[Number(d)]).join("");
    const id = String(values[col("idNumber")]).replace(/\s/g, "");
    // An area code the small registry does not use.
    const first17 = "130102" + id.slice(6, 17);
    values[col("idNumber")] = first17 + idCheckChar(first17);
    yield { rowNumber: firstRow + k, values, numFmts };
  }
}

/**
 * Tabs: 填表说明 (no header), 联系人 (a weaker header, before the registry), 名册 (the messy
 * registry, its total row last; with `members`, padded to that many members before the total).
 */
export async function writePaddedRegistry(file: string, members?: number): Promise<void> {
  const fixture = messyFixture();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  const notes = wb.addWorksheet("填表说明");
  notes.getColumn(1).width = 30;
  notes.getCell("A1").value = "说明：每季度更新";
  notes.getRow(1).commit();
  notes.commit();
  const contacts = wb.addWorksheet("联系人");
  writeRows(contacts, [
    { rowNumber: 1, values: ["姓名", "联系电话", "备注"] },
    { rowNumber: 2, values: ["李书记", "13800000000", null] },
    { rowNumber: 3, values: ["王副书记", "13900000000", "周二值班"] },
  ]);
  contacts.commit();
  const ws = wb.addWorksheet("名册");
  for (const m of fixture.merges) ws.mergeCells(m);
  ws.getRow(1).font = { bold: true, size: 16 };
  const total = fixture.rows[fixture.rows.length - 1];
  const body = fixture.rows.slice(0, -1);
  writeRows(ws, body);
  const padding = members === undefined ? 0 : members - fixture.expected.length;
  if (padding > 0) writeRows(ws, paddingRows(fixture.expected.length, padding, total.rowNumber!));
  writeRows(ws, [{ ...total, rowNumber: total.rowNumber! + padding }]);
  ws.commit();
  await wb.commit();
}
