/**
 * Registry sheets for the Office host's tests, as Excel holds them (dates as serial numbers with a
 * date format), quick to make at 100,000 rows: clean members, with a few messy rows at known places.
 */
import { BRANCHES } from "../fixtures/members";
import { dateToSerial } from "../../src/core/rules/dates";
import { idCheckChar } from "../../src/core/rules/idNumber";
import { FIELDS } from "../../src/core/schema";
import type { SheetInit } from "./fakeExcel";

export const HEADERS = FIELDS.map((f) => f.header);
export const col = (header: string): number => HEADERS.indexOf(header);

const SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林高罗";
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "秀英", "建华"];
const POLITICAL = [
  "中国民主同盟盟员",
  "中国民主建国会会员",
  "九三学社社员",
  "无党派民主人士",
  "群众",
];
const DAY = 86400000;

/** Text that looks like a formula (or that Excel would convert), put in 备注 of the first rows. */
export const TRICKY_REMARKS = [
  "=SUM(A1:A3)",
  "+86 138 0013 8000",
  "-不详",
  "@张三",
  "'引号开头",
  "0012",
  "TRUE",
];

export function idFor(birth: Date, seq: number): string {
  const first17 =
    "110105" + birth.toISOString().slice(0, 10).replace(/-/g, "") + String(seq).padStart(3, "0");
  return first17 + idCheckChar(first17);
}

/** Row i of the registry (0-based), as values and number formats. */
export function memberRow(
  i: number,
  dateSystem: 1900 | 1904 = 1900
): { values: unknown[]; formats: string[] } {
  // 17,999 birth dates against 240 names: no two rows share name and birth date below 4 million.
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 17999) * DAY);
  const male = i % 2 === 0;
  const seq = Math.floor(i / 17999) * 2 + (male ? 1 : 0);
  const recorded = new Date(Date.UTC(2010, 0, 1) + (i % 4000) * DAY);
  const values: unknown[] = [
    i + 1,
    SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length],
    male ? "男" : "女",
    "汉族",
    dateToSerial(birth, dateSystem),
    idFor(birth, seq),
    POLITICAL[i % POLITICAL.length],
    POLITICAL[i % POLITICAL.length] === "无党派民主人士" ? "无党派人士" : "民主党派成员",
    BRANCHES[i % BRANCHES.length],
    "设计科",
    "科员",
    "工程师",
    "大学本科",
    "139" + String(10000000 + i).padStart(8, "0"),
    3,
    "配偶、子女",
    "一般",
    "思想稳定",
    null,
    null,
    "李书记",
    dateToSerial(recorded, dateSystem),
    i < TRICKY_REMARKS.length ? TRICKY_REMARKS[i] : null,
  ];
  const formats = HEADERS.map((h) =>
    h === "出生日期" || h === "建档日期" ? "yyyy/m/d" : "General"
  );
  return { values, formats };
}

/** Row indexes (0-based, among members) that carry problems, and what. */
export const MESSY = {
  /** An unknown gender: an error on 性别. */
  badGender: 1,
  /** Ethnicity without 族: fixed to 汉族 (a change, no problem). */
  shortEthnicity: 2,
  /** An ID number with a wrong check digit: an error. */
  badId: 3,
  /** No ID number: a warning. */
  missingId: 4,
};

/** A registry sheet of n members (header in row 1). */
export function registrySheet(
  n: number,
  name = "Sheet1",
  dateSystem: 1900 | 1904 = 1900
): SheetInit {
  const values: unknown[][] = [HEADERS];
  const formats: string[][] = [HEADERS.map(() => "General")];
  for (let i = 0; i < n; i++) {
    const r = memberRow(i, dateSystem);
    values.push(r.values);
    formats.push(r.formats);
  }
  if (n > MESSY.badGender) values[1 + MESSY.badGender][col("性别")] = "男性?";
  if (n > MESSY.shortEthnicity) values[1 + MESSY.shortEthnicity][col("民族")] = "汉";
  if (n > MESSY.badId) {
    const id = String(values[1 + MESSY.badId][col("公民身份号码")]);
    values[1 + MESSY.badId][col("公民身份号码")] = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
  }
  if (n > MESSY.missingId) values[1 + MESSY.missingId][col("公民身份号码")] = null;
  return { name, values, formats };
}
