import fc from "fast-check";
import { HEADER_ALIASES } from "../../src/core/header/aliases";
import { FIELDS, type FieldKey } from "../../src/core/schema";
import type { CellValue } from "../../src/core/types";

/** Any cell a host could hand over, including the nasty ones. */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.string(), weight: 3 },
  { arbitrary: fc.string({ unit: "binary" }), weight: 1 },
  {
    arbitrary: fc.string({
      unit: fc.constantFrom(
        "\u0000",
        "\u0007",
        "\t",
        "\r",
        "\n",
        "\u3000",
        "\u200b",
        "\ufeff",
        "a",
        "张",
        "1",
        "X"
      ),
    }),
    weight: 1,
  },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.integer(), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      1e308,
      -0,
      Number.MAX_SAFE_INTEGER,
      1e15,
      110105194912310000
    ),
    weight: 1,
  },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      "x".repeat(10000),
      "张".repeat(10000),
      "=SUM(A1:A9)",
      "合计",
      "填表人：某某"
    ),
    weight: 1,
  }
);

/** Values old workbooks really hold, per field. */
const MESSY: Partial<Record<FieldKey, CellValue[]>> = {
  seq: [1, 2, "3", null, "十"],
  name: ["张三", "张 三", "王　小明", " 李四 ", "欧阳 娜娜", "阿依古丽·买买提", null, "", 5, true],
  gender: ["男", "女", "男性", "F", 1, 2, "未知", null],
  ethnicity: [
    "汉",
    "汉族",
    "回",
    "毛难族",
    "僮族",
    "ZH",
    "ha",
    "蒙古",
    "01",
    3,
    "火星族",
    "穿青人",
    "不详",
    "外国血统",
    null,
  ],
  birthDate: [
    "1965.03",
    "1965年3月",
    "1965年3月12日",
    19650312,
    "1965-3-12",
    "1965/3/12",
    "65.3",
    23813,
    1965.1,
    "1949.12",
    new Date(Date.UTC(1988, 10, 5)),
    "不详",
    "2099-01-01",
    "一九六五年三月",
    "一九六五年三月十二号",
    "六五年三月",
    "二〇〇〇年二月廿九日",
    "八月上旬",
    "1999.08-2002.02",
    null,
  ],
  idNumber: [
    "11010519491231002X",
    "11010519491231002x",
    "１１０１０５１９４９１２３１００２Ｘ",
    "370725881105149",
    370725881105149,
    "440524188001010014",
    "110105194912310021",
    110105194912310000,
    "12345",
    null,
    "37072519881105149X",
    "111111199901101514",
    "810000199408230021",
    "911840198001010017",
  ],
  political: [
    "民盟",
    "中共党员",
    "群众",
    5,
    "05",
    "九三",
    "无党派",
    "民主党派",
    "民盟党员",
    "九三社员",
    null,
  ],
  category: ["民主党派", "港澳同胞、知识分子", "华侨、归侨及侨眷", "外星人", null],
  branch: ["机关支部", " 一车间 ", null],
  education: ["本科", "大专", "硕士", "幼儿园", null],
  mobile: [
    "13812345678",
    "138-1234-5678",
    "+86 138 1234 5678",
    13912345678,
    "0755 12345678",
    "138123",
    "13812345678/0755-12345678",
    null,
  ],
  householdSize: [3, "3人", "三人", 0, "很多", null],
  familyEconomy: ["一般", "较好", "困难户", "还行", null],
  recordedOn: ["2008年3月5日", "2008年3月5号", "二〇〇八年三月", "2008.3", 39512, "去年", null],
  remarks: ["  备注 ", "=1+1", null],
};

export function fieldCell(key: FieldKey): fc.Arbitrary<CellValue> {
  const pool = MESSY[key];
  return pool
    ? fc.oneof(
        { arbitrary: fc.constantFrom(...pool), weight: 5 },
        { arbitrary: anyCell, weight: 1 }
      )
    : anyCell;
}

function headerNames(key: FieldKey): string[] {
  const def = FIELDS.find((f) => f.key === key)!;
  return [
    def.header,
    ...Object.entries(HEADER_ALIASES)
      .filter(([, k]) => k === key)
      .map(([a]) => a),
  ];
}

/** A registry-like sheet: title rows, a header of some fields (姓名 always) under any of their names, messy rows. */
export const registryGrid: fc.Arbitrary<CellValue[][]> = fc
  .record({
    keys: fc.shuffledSubarray(
      FIELDS.map((f) => f.key).filter((k) => k !== "name"),
      { minLength: 1 }
    ),
    namePos: fc.nat(),
    titles: fc.array(
      fc.constantFrom<CellValue[]>(
        ["××公司统战成员登记表"],
        ["填报单位：机关", null, "填报日期：2008年"],
        []
      ),
      { maxLength: 3 }
    ),
    extra: fc.option(fc.constantFrom("爱好的颜色", "工号", "电话"), { nil: undefined }),
    seed: fc.nat(),
  })
  .chain(({ keys, namePos, titles, extra, seed }) => {
    const cols: FieldKey[] = [...keys];
    cols.splice(namePos % (cols.length + 1), 0, "name");
    const header = cols.map((k, i) => {
      const names = headerNames(k);
      return names[(seed + i) % names.length];
    }) as CellValue[];
    if (extra) header.push(extra);
    const row = fc
      .tuple(...cols.map((k) => fieldCell(k)), extra ? anyCell : fc.constant(null))
      .map((r) => r.slice(0, header.length));
    const rows = fc.array(
      fc.oneof(
        { arbitrary: row, weight: 8 },
        { arbitrary: fc.constant<CellValue[]>([]), weight: 1 },
        { arbitrary: fc.constant<CellValue[]>(["合计", 3]), weight: 1 }
      ),
      {
        maxLength: 12,
      }
    );
    return rows.map((data) => [...titles.map((t) => [...t]), header, ...data]);
  });

/** Any grid at all, sometimes with a registry header somewhere in its first rows. */
export const anyGrid: fc.Arbitrary<CellValue[][]> = fc.oneof(
  fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 14 }),
  fc
    .tuple(fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 14 }), fc.nat(9))
    .map(([g, at]) => {
      const grid = g.map((r) => [...r]);
      grid.splice(Math.min(at, grid.length), 0, [
        "序号",
        "姓名",
        "性别",
        "身份证号",
        "出生年月",
        "党派",
      ]);
      return grid;
    }),
  registryGrid
);
