/** 活动类型 of the contact log (联谊活动记录), DOMAIN.md's four. */
import { lookupKey } from "../text";

export const CONTACT_TYPES = ["谈心谈话", "学习活动", "困难帮扶", "其他"] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** A type as a form or the command line gives it: one of the four (spaces, full-width forms ignored); else null. */
export function parseContactType(value: string): ContactType | null {
  const k = lookupKey(value);
  return CONTACT_TYPES.find((t) => t === k) ?? null;
}

/**
 * The kind of a type as a log row has it, read as the quarterly summary counts it (谈心/谈话 a talk,
 * 学习 a study session, 帮扶/困难/慰问 help with hardship, anything else 其他).
 */
export function contactKind(type: string | null | undefined): ContactType {
  if (!type) return "其他";
  if (/谈心|谈话/.test(type)) return "谈心谈话";
  if (/学习/.test(type)) return "学习活动";
  if (/帮扶|困难|慰问/.test(type)) return "困难帮扶";
  return "其他";
}
