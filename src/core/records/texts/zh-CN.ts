import { maskId } from "../../privacy";
import type { RecordErrorParams } from "../errors";
import type { RecordTexts } from "./types";

const who = (p: RecordErrorParams["member-not-found"]): string =>
  p.by === "id"
    ? `公民身份号码为 ${maskId(p.value)} 的成员`
    : p.by === "name"
      ? `名为“${p.value}”的成员`
      : `第 ${p.value} 行的成员`;

/** The records' texts in Chinese. */
export const ZH_CN: RecordTexts = {
  errors: {
    "entry-invalid": (p) => `“${p.field}”一项的值不是应有的类型`,
    "member-missing": () => "请至少选择一名成员",
    "member-not-found": (p) => `成员名册中没有${who(p)}`,
    "member-ambiguous": (p) =>
      `成员名册中有 ${p.count} 名成员叫“${p.name}”，请按公民身份号码或名册行号选择`,
    "member-moved": (p) =>
      `成员名册第 ${p.row} 行已不是“${p.name}”（名册在读取后有排序或增删），没有写入。请刷新成员列表后重新选择`,
    "date-invalid": () => "日期无效",
    "date-in-future": (p) => `日期 ${p.date} 晚于今天（${p.today}），不能记录尚未发生的事`,
    "content-empty": () => "内容不能为空",
    "type-invalid": (p) => `活动类型“${p.value}”无效，应为：${p.allowed.join("、")}`,
    "adoption-invalid": (p) => `是否采纳“${p.value}”无效，应为：${p.allowed.join("、")}`,
    "log-unrecognised": (p) => `工作表“${p.sheet}”已有内容，但前 10 行中找不到它的表头，没有写入`,
    "log-full": (p) => `工作表“${p.sheet}”已写到 Excel 的最后一行（第 ${p.limit} 行），无法追加`,
    "suggestion-not-found": (p) => `工作表“${p.sheet}”第 ${p.row} 行不是一条意见建议`,
    "suggestion-moved": (p) =>
      `工作表“${p.sheet}”第 ${p.row} 行已不是列表中的那条意见建议（表中行有增删），请刷新列表后再改`,
    "nothing-to-update": (p) => `第 ${p.row} 行：没有要更新的是否采纳或落实情况`,
  },
  openReasons: {
    pending: "是否采纳待定",
    "adoption-unclear": "是否采纳填写不明确",
    "not-carried-out": "已采纳，尚未落实",
  },
};
