import { normalizeRegistry } from "../../src/core/registry";
import { changeLogSheet, problemReportSheet } from "../../src/core/report";
import { AS_OF } from "./helpers";

const grid = [
  ["××公司名册"],
  ["姓名", "性别", "身份证号"],
  ["张三", "男", "11010519491231002X"],
  ["李四", "女", "110105194912310021"],
  ["合计", "2人"],
];

describe("report sheets", () => {
  const r = normalizeRegistry(grid, { asOf: AS_OF });

  it("校验报告: counts by problem type on top, then one row per problem sorted by row", () => {
    const s = problemReportSheet(r, "zh-CN");
    expect(s.rows[0][0]).toMatch(/^共 2 名成员：错误 \d+ 个/);
    expect(s.rows[2]).toEqual(["问题类型", "代码", "级别", "数量"]);
    expect(s.rows).toContainEqual(["性别与身份证号不符", "gender-mismatch", "错误", 1]);
    const tableStart = s.headerRows[1];
    expect(s.rows[tableStart]).toEqual(["原行号", "姓名", "列", "原值", "级别", "问题", "建议"]);
    const body = s.rows.slice(tableStart + 1);
    expect(body.map((x) => x[0])).toEqual(
      [...body.map((x) => x[0])].sort((a, b) => Number(a) - Number(b))
    );
    expect(body).toContainEqual([
      3,
      "张三",
      "性别",
      "男",
      "错误",
      "性别“男”与身份证号不符（身份证号显示为女）",
      "核对后改为“女”，或更正身份证号",
    ]);
    expect(body.some((x) => x[4] === "错误" && String(x[5]).includes("校验位"))).toBe(true);
  });

  it("变更记录: every change, then every removed row cell by cell", () => {
    const s = changeLogSheet(r.changes, r.dropped, "zh-CN");
    expect(s.rows[0]).toEqual(["原行号", "姓名", "列", "原值", "新值", "规则"]);
    expect(s.rows).toContainEqual([2, "", "公民身份号码", "身份证号", "公民身份号码", "header"]);
    expect(s.rows).toContainEqual([1, "", "A", "××公司名册", "(已删除)", "删除：标题行"]);
    expect(s.rows).toContainEqual([5, "", "B", "2人", "(已删除)", "删除：合计行"]);
  });

  it("speaks English", () => {
    expect(changeLogSheet(r.changes, r.dropped, "en").rows[0]).toEqual([
      "Source row",
      "Name",
      "Column",
      "Old value",
      "New value",
      "Rule",
    ]);
    expect(problemReportSheet(r, "en").rows[0][0]).toMatch(/^2 members/);
  });
});
