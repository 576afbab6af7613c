import { HEADER_ALIASES } from "../../src/core/header/aliases";
import { fieldForHeader, recognizeHeader } from "../../src/core/header/recognize";
import { FIELDS } from "../../src/core/schema";
import type { CellValue } from "../../src/core/types";

/** The aliases the foundation issue names, each with its canonical header. */
const REQUIRED_ALIASES: [string, string][] = [
  ["姓　名", "姓名"],
  ["名字", "姓名"],
  ["出生年月", "出生日期"],
  ["出生时间", "出生日期"],
  ["生日", "出生日期"],
  ["身份证号", "公民身份号码"],
  ["身份证号码", "公民身份号码"],
  ["身份证", "公民身份号码"],
  ["党派", "政治面貌"],
  ["党派团体", "政治面貌"],
  ["联系电话", "手机号码"],
  ["手机", "手机号码"],
  ["电话", "手机号码"],
  ["联系方式", "手机号码"],
  ["特长", "兴趣特长"],
  ["兴趣爱好", "兴趣特长"],
  ["工作单位及职务", "工作岗位"],
  ["单位职务", "工作岗位"],
  ["岗位", "工作岗位"],
  ["文化程度", "学历"],
  ["经济状况", "家庭经济状况"],
  ["家庭人数", "家庭人口"],
];

const headerOf = (text: string) => {
  const key = fieldForHeader(text);
  return key ? FIELDS.find((f) => f.key === key)!.header : null;
};

describe("header aliases", () => {
  it.each(REQUIRED_ALIASES)("%s → %s", (alias, canonical) => {
    expect(headerOf(alias)).toBe(canonical);
  });

  it.each(Object.entries(HEADER_ALIASES))("alias table: %s → %s", (alias, key) => {
    expect(fieldForHeader(alias)).toBe(key);
  });

  it.each(FIELDS.map((f) => [f.header, f.key]))("canonical header %s", (header, key) => {
    expect(fieldForHeader(header)).toBe(key);
  });

  it("ignores spaces of every kind, full-width letters, required marks and a remark in brackets", () => {
    expect(headerOf(" 姓 名 ")).toBe("姓名");
    expect(headerOf("姓\u3000\u3000名")).toBe("姓名");
    expect(headerOf("*身份证号")).toBe("公民身份号码");
    expect(headerOf("出生日期（年月日）")).toBe("出生日期");
    expect(headerOf("手机号码:")).toBe("手机号码");
    expect(headerOf("姓名称呼是什么")).toBeNull();
  });
});

const nums = (rows: unknown[]) => rows.map((_, i) => i + 1);

describe("finding the header", () => {
  it("skips merged title rows and filler rows", () => {
    const rows: CellValue[][] = [
      ["××公司统战成员登记表（2008年）", null, null, null],
      [null, null, null, null],
      ["填报单位：机关党委", null, "填报日期：2008年5月", null],
      ["序号", "姓　名", "性别", "身份证号码"],
      [1, "张三", "男", "11010519491231002X"],
    ];
    const h = recognizeHeader(rows, nums(rows))!;
    expect(h.rows).toEqual([4]);
    expect(h.fieldColumns).toEqual({ seq: 1, name: 2, gender: 3, idNumber: 4 });
  });

  it("joins a two-row header with its group row above", () => {
    const rows: CellValue[][] = [
      ["序号", "姓名", "基本情况", null, null, "联系方式", null],
      [null, null, "性别", "民族", "出生年月", "手机", "电话"],
      [1, "张三", "男", "汉", "1965.03", "13812345678", null],
    ];
    const h = recognizeHeader(rows, nums(rows))!;
    expect(h.rows).toEqual([1, 2]);
    expect(h.fieldColumns).toMatchObject({
      seq: 1,
      name: 2,
      gender: 3,
      ethnicity: 4,
      birthDate: 5,
      mobile: 6,
    });
    expect(h.columns[5].original).toBe("联系方式/手机");
    expect(h.columns[6]).toMatchObject({
      unmapped: "duplicate",
      duplicateOf: "mobile",
      original: "电话",
    });
  });

  it("joins a two-row header whose first row has most fields", () => {
    const rows: CellValue[][] = [
      ["公司统战对象名册"],
      ["序号", "姓名", "性别", "民族", "身份证号", "家庭情况", null],
      [null, null, null, null, null, "家庭人口", "经济状况"],
      [1, "张三", "男", "汉", "11010519491231002X", 3, "一般"],
    ];
    const h = recognizeHeader(rows, nums(rows))!;
    expect(h.rows).toEqual([2, 3]);
    expect(h.fieldColumns).toMatchObject({ householdSize: 6, familyEconomy: 7, idNumber: 5 });
  });

  it("does not take a data row for a sub-header", () => {
    const rows: CellValue[][] = [
      ["姓名", "性别", "民族"],
      ["张三", "男", "汉"],
    ];
    expect(recognizeHeader(rows, nums(rows))!.rows).toEqual([1]);
  });

  it("keeps unmapped columns with their original header", () => {
    const rows: CellValue[][] = [["姓名", "性别", "爱好的颜色", null, "备注"]];
    const h = recognizeHeader(rows, nums(rows))!;
    expect(h.columns.map((c) => [c.original, c.field, c.unmapped])).toEqual([
      ["姓名", "name", undefined],
      ["性别", "gender", undefined],
      ["爱好的颜色", null, "unknown"],
      ["", null, "unknown"],
      ["备注", "remarks", undefined],
    ]);
  });

  it("finds no header where there is none", () => {
    expect(
      recognizeHeader(
        [
          ["a", "b"],
          [1, 2],
        ],
        [1, 2]
      )
    ).toBeNull();
    expect(recognizeHeader([["姓名"], ["张三"]], [1, 2])).toBeNull();
    expect(recognizeHeader([], [])).toBeNull();
  });
});
