import ExcelJS from "exceljs";
import path from "node:path";
import type { Page } from "playwright-core";

/** Clicks the page's 下载工作簿, saves the file in `dir` as `name`, and reads it with exceljs. */
export async function downloadWorkbook(
  page: Page,
  dir: string,
  name: string
): Promise<ExcelJS.Workbook> {
  const [dl] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载工作簿" }).click(),
  ]);
  const file = path.join(dir, name);
  await dl.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
