/**
 * A workbook as the care lists and the forms read it (careSource, recordsSource: the summary's
 * registry and logs), and the registry as the forms list it (memberChoices, matchesMember).
 */
import { careLists, careSource, recordsSource } from "../../src/core/care";
import { matchesMember, memberChoices } from "../../src/core/records";
import type { SummarySource } from "../../src/core/summary/sources";
import type { CellValue } from "../../src/core/types";
import { idOf, utc } from "./helpers";

const ZHANG = idOf("19700105", "002");
const LI = idOf("19800229", "011");
const rows = (grid: CellValue[][]) => grid.map((values) => ({ values }));

const source = (sheets: { name: string; grid: CellValue[][] }[]): SummarySource => ({
  file: "台账.xlsx",
  asOf: utc(2026, 12, 1),
  sheets: sheets.map((s) => ({ name: s.name, rows: rows(s.grid) })),
});

const REGISTRY = {
  name: "名单",
  grid: [
    ["姓名", "身份证号", "支部", "联系人"],
    ["张三", ZHANG, "机关支部", "李书记"],
    ["李四", LI, "机关支部", null],
    ["张三", ZHANG, "生产支部", "赵主任"],
  ] as CellValue[][],
};

describe("careSource / recordsSource", () => {
  it("finds the registry and the logs where the summary finds them: by name, else by headers", () => {
    const src = source([
      { name: "说明", grid: [["本表由支部填写"]] },
      REGISTRY,
      {
        name: "谈心记录",
        grid: [
          ["日期", "姓名", "身份证号", "类型", "内容"],
          [utc(2026, 3, 1), "张山", ZHANG, "谈心谈话", "谈心"],
        ],
      },
    ]);
    const rs = recordsSource(src);
    expect(rs.registrySheet).toBe("名单");
    expect(rs.members.map((m) => [m.name, m.row])).toEqual([
      ["张三", 2],
      ["李四", 3],
      ["张三", 4],
    ]);
    expect(rs.contacts).toEqual([
      expect.objectContaining({ date: utc(2026, 3, 1), id: ZHANG, type: "谈心谈话" }),
    ]);
    expect(rs.contactLog?.name).toBe("谈心记录");
    expect(rs.contactLog?.rows[1][1]).toBe("张山");
    expect(rs.suggestionLog).toBeNull();
    expect(careSource(src)).toEqual({
      file: "台账.xlsx",
      registrySheet: "名单",
      members: rs.members,
      contacts: rs.contacts,
      unreadableContacts: [],
    });
    expect(rs.members.every((m) => m.file === "台账.xlsx")).toBe(true);
  });

  it("takes a sheet as one log only: the kind its headers match best", () => {
    const contactLike = ["日期", "姓名", "身份证号", "类型", "内容"];
    const suggestionLike = ["日期", "姓名", "身份证号", "内容", "采纳情况"];
    const rs = recordsSource(
      source([
        REGISTRY,
        { name: "建议", grid: [suggestionLike, [utc(2026, 4, 1), "李四", LI, "食堂", "是"]] },
        { name: "谈心", grid: [contactLike, [utc(2026, 3, 1), "张三", ZHANG, "谈心谈话", "x"]] },
      ])
    );
    expect(rs.contactLog?.name).toBe("谈心");
    expect(rs.suggestionLog?.name).toBe("建议");
    expect(rs.contacts).toHaveLength(1);
    // Alone, the contact-like sheet is the contact log, not also the suggestions.
    const alone = recordsSource(source([REGISTRY, { name: "谈心", grid: [contactLike] }]));
    expect([alone.contactLog?.name, alone.suggestionLog]).toEqual(["谈心", null]);
  });

  it("keeps each log row at its row number, gaps and all", () => {
    const src: SummarySource = {
      ...source([REGISTRY]),
      sheets: [
        ...source([REGISTRY]).sheets,
        {
          name: "意见建议",
          rows: [
            { rowNumber: 2, values: ["提出日期", "提出人", "内容"] },
            { rowNumber: 5, values: [utc(2026, 4, 1), "李四", "食堂"] },
          ],
        },
      ],
    };
    const log = recordsSource(src).suggestionLog!;
    expect(log.rows).toEqual([
      [],
      ["提出日期", "提出人", "内容"],
      [],
      [],
      [utc(2026, 4, 1), "李四", "食堂"],
    ]);
  });

  it("keeps members without an ID number apart across workbooks, listed workbook by workbook", () => {
    const book = (file: string, name: string) =>
      careSource({
        ...source([
          {
            name: "名册",
            grid: [
              ["姓名", "所在支部"],
              [name, file],
            ],
          },
        ]),
        file,
      });
    const [a, b] = [book("乙.xlsx", "陈七"), book("甲.xlsx", "陈七")];
    const lists = careLists([...a.members, ...b.members], [], { asOf: utc(2026, 12, 1) });
    expect(lists.uncontacted.map((e) => [e.member.branch, e.member.row])).toEqual([
      ["乙.xlsx", 2],
      ["甲.xlsx", 2],
    ]);
  });

  it("takes 成员名册 of two equally good registries, wherever its tab is; else the first", () => {
    const copy = { ...REGISTRY, name: "名单备份" };
    const named = { ...REGISTRY, name: "成员名册" };
    expect(recordsSource(source([REGISTRY, named])).registrySheet).toBe("成员名册");
    expect(recordsSource(source([named, REGISTRY])).registrySheet).toBe("成员名册");
    expect(recordsSource(source([REGISTRY, copy])).registrySheet).toBe("名单");
    // A better registry is better, whatever its name.
    const fuller = {
      name: "花名册",
      grid: REGISTRY.grid.map((r, i) => [...r, i === 0 ? "出生日期" : null]),
    };
    expect(recordsSource(source([named, fuller])).registrySheet).toBe("花名册");
  });

  it("has no members without a registry", () => {
    const rs = recordsSource(source([{ name: "Sheet1", grid: [["随便写写"]] }]));
    expect(rs).toMatchObject({ registrySheet: null, members: [], contacts: [], contactLog: null });
  });
});

describe("memberChoices / matchesMember", () => {
  const rs = recordsSource(source([REGISTRY]));
  const choices = memberChoices(rs.members);

  it("lists each person once, the later record's row and branch first, the ID masked", () => {
    expect(choices).toEqual([
      {
        row: 4,
        name: "张三",
        branch: "生产支部",
        branches: ["机关支部", "生产支部"],
        id: ZHANG.slice(0, 6) + "********" + ZHANG.slice(14),
        contactCadre: "赵主任",
      },
      {
        row: 3,
        name: "李四",
        branch: "机关支部",
        branches: ["机关支部"],
        id: expect.stringContaining("****"),
        contactCadre: null,
      },
    ]);
  });

  it("matches by part of the name or of the masked ID, within a branch", () => {
    const [zhang, li] = choices;
    expect(matchesMember(zhang, "张", null)).toBe(true);
    expect(matchesMember(zhang, " 三 ", "机关支部")).toBe(true);
    expect(matchesMember(li, "张", null)).toBe(false);
    expect(matchesMember(li, "", "生产支部")).toBe(false);
    expect(matchesMember(li, ZHANG.slice(0, 6), null)).toBe(true);
    expect(matchesMember(zhang, ZHANG.slice(14).toLowerCase(), null)).toBe(true);
  });
});
