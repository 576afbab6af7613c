import {
  blockAddress,
  cellRuns,
  joinAreas,
  parseAreas,
  parseBlock,
  sheetRef,
} from "../../src/core/a1";
import { RequestBatch } from "../../src/hosts/office/batch";
import { excelWouldParse, fromExcelValue, toExcelValue } from "../../src/hosts/office/cellValues";
import { footerSections } from "../../src/hosts/office/renderDoc";
import { jsonBytes, utf8Length } from "../../src/hosts/office/payload";
import { pointsToWidth, rgb, widthToPoints } from "../../src/hosts/office/styles";
import { AREAS_ADDRESS_LIMIT } from "../../src/hosts/office/write";
import { typeIn } from "./fakeExcel";

describe("values for range.values", () => {
  it.each([
    "=SUM(A1)",
    "+86 138",
    "-不详",
    "@张三",
    "'已有引号",
    "0012",
    "110105194912310020",
    "1/2",
    "12:30",
    "50%",
    "TRUE",
    "false",
    "Jan 5",
    "#N/A",
    "(3)",
    "$5",
    "¥5",
    ".5",
    " =1",
    "１２３",
    "＝1",
  ])("%s is written with an apostrophe, and Excel keeps exactly that text", (s) => {
    expect(excelWouldParse(s)).toBe(true);
    const written = toExcelValue(s, 1900);
    expect(written).toBe("'" + s);
    expect(typeIn(written, "General")).toEqual({ value: s, quoted: true });
  });

  it.each(["张三", "中国民主同盟盟员", "Mayor", "汉族", "A1", "无 =1"])(
    "%s needs no apostrophe",
    (s) => {
      expect(excelWouldParse(s)).toBe(false);
      expect(toExcelValue(s, 1900)).toBe(s);
      expect(typeIn(s, "General")).toEqual({ value: s });
    }
  );

  it("the fake Excel takes unquoted text as Excel would: formulas, numbers, booleans", () => {
    expect(typeIn("=SUM(A1)", "General")).toEqual({ value: "#FORMULA", formula: "=SUM(A1)" });
    expect(typeIn("-不详", "General").formula).toBe("=-不详");
    expect(typeIn("110105194912310020", "General")).toEqual({ value: 110105194912310020 });
    expect(typeIn("TRUE", "General")).toEqual({ value: true });
    expect(typeIn("=SUM(A1)", "@")).toEqual({ value: "=SUM(A1)" });
  });

  it("dates become serial numbers of the workbook's date system; empty is empty", () => {
    const d = new Date(Date.UTC(1965, 2, 2));
    expect(toExcelValue(d, 1900)).toBe(23803);
    expect(toExcelValue(d, 1904)).toBe(23803 - 1462);
    expect(toExcelValue(null, 1900)).toBe("");
    expect(toExcelValue(Number.NaN, 1900)).toBe("NaN");
    expect(toExcelValue(true, 1900)).toBe(true);
    expect(fromExcelValue("")).toBeNull();
    expect(fromExcelValue(0)).toBe(0);
  });
});

describe("addresses", () => {
  it("reads RangeAreas addresses, quoted sheet names with commas included", () => {
    expect(parseAreas("'a,b'!A1:B2, Sheet1!$C$3, 'x''y'!D4:D9")).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 3, bottom: 3, right: 3 },
      { top: 4, left: 4, bottom: 9, right: 4 },
    ]);
    expect(parseBlock("AA10:AB12")).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
    expect(parseBlock("A:A")).toBeNull();
    expect(blockAddress(2, 3, 2, 3)).toBe("C2");
    expect(sheetRef("Sheet1")).toBe("Sheet1");
    expect(sheetRef("成员 名册")).toBe("'成员 名册'");
  });

  it("joins consecutive cells of a column into runs, and runs into lists within the length limit", () => {
    const cells = [5, 6, 7, 9, 10].map((row) => ({ row, column: 3 }));
    cells.push({ row: 6, column: 1 }, { row: 7, column: 1 });
    expect(cellRuns(cells)).toEqual(["A6:A7", "C5:C7", "C9:C10"]);
    const many = Array.from({ length: 5000 }, (_, i) => ({ row: 2 + i * 2, column: 2 }));
    const runs = cellRuns(many);
    expect(runs).toHaveLength(5000);
    const lists = joinAreas(runs, AREAS_ADDRESS_LIMIT);
    expect(lists.length).toBeGreaterThan(3);
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(AREAS_ADDRESS_LIMIT);
    expect(lists.join(",").split(",")).toEqual(runs);
  });
});

describe("sizes and styles", () => {
  it("measures UTF-8 without encoding", () => {
    for (const s of ["abc", "汉字", "𠀀x", "é", ""])
      expect(utf8Length(s)).toBe(Buffer.byteLength(s));
    expect(jsonBytes([["张三", 1, null]])).toBe(Buffer.byteLength('[["张三",1,null]]'));
  });

  it("converts widths and colours as Excel does", () => {
    expect(widthToPoints(8.43)).toBeCloseTo(48, 0);
    expect(pointsToWidth(widthToPoints(21))).toBeCloseTo(21, 1);
    expect(rgb("FFA6A6A6")).toBe("#A6A6A6");
    expect(rgb("c00000")).toBe("#C00000");
  });

  it("splits Excel footer codes into left, centre and right", () => {
    expect(footerSections("&C第 &P 页 共 &N 页")).toEqual({ center: "第 &P 页 共 &N 页" });
    expect(footerSections("&L左&R右")).toEqual({ left: "左", right: "右" });
    expect(footerSections("第 &P 页")).toEqual({ center: "第 &P 页" });
  });
});

describe("RequestBatch", () => {
  it("sends what is queued before an operation that would not fit, and counts those syncs", async () => {
    const synced: number[][] = [];
    let queued: number[] = [];
    const context = {
      sync: async () => {
        synced.push(queued);
        queued = [];
      },
    };
    const batch = new RequestBatch(context as unknown as Excel.RequestContext, 10_000, () =>
      queued.push(-1)
    );
    for (let i = 0; i < 10; i++) await batch.add(2_000, () => queued.push(i));
    await batch.flush();
    await batch.flush();
    expect(batch.stats.syncs).toBe(synced.length);
    expect(batch.stats.forced).toBe(synced.length - 1);
    // Each request begins with the request-start operation, then as many as fit in 10,000 bytes.
    for (const r of synced) {
      expect(r[0]).toBe(-1);
      expect((r.length - 1) * (2_000 + 300) + 300).toBeLessThanOrEqual(10_000);
    }
    expect(synced.flat().filter((x) => x >= 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
