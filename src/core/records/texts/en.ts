import { maskId } from "../../privacy";
import type { RecordErrorParams } from "../errors";
import type { RecordTexts } from "./types";

const who = (p: RecordErrorParams["member-not-found"]): string =>
  p.by === "id"
    ? `with ID number ${maskId(p.value)}`
    : p.by === "name"
      ? `named "${p.value}"`
      : `in row ${p.value}`;

const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(", ");

/** The records' texts in English. */
export const EN: RecordTexts = {
  errors: {
    "entry-invalid": (p) => `"${p.field}" is not of the type it should be`,
    "member-missing": () => "Choose at least one member",
    "member-not-found": (p) => `The member registry has no member ${who(p)}`,
    "member-ambiguous": (p) =>
      `${p.count} members of the registry are named "${p.name}": choose by ID number or registry row`,
    "date-invalid": () => "The date is not valid",
    "date-in-future": (p) =>
      `The date ${p.date} is after today (${p.today}): what has not happened cannot be recorded`,
    "member-moved": (p) =>
      `Row ${p.row} of the registry no longer holds "${p.name}" (the registry was sorted or rows were added or removed since it was read); nothing was written. Refresh the member list and choose again`,
    "content-empty": () => "The content must not be empty",
    "type-invalid": (p) =>
      `Activity type "${p.value}" is not valid; use one of ${quoted(p.allowed)}`,
    "adoption-invalid": (p) =>
      `"Adopted" value "${p.value}" is not valid; use one of ${quoted(p.allowed)}`,
    "log-unrecognised": (p) =>
      `Sheet "${p.sheet}" holds data, but its header is not in its first 10 rows; nothing was written`,
    "log-full": (p) =>
      `Sheet "${p.sheet}" reaches Excel's last row (${p.limit}); no row can be added`,
    "suggestion-not-found": (p) => `Row ${p.row} of sheet "${p.sheet}" holds no suggestion`,
    "suggestion-moved": (p) =>
      `Row ${p.row} of sheet "${p.sheet}" no longer holds the suggestion listed (rows were added or removed); refresh the list and try again`,
    "nothing-to-update": (p) => `Row ${p.row}: neither "adopted" nor "carried out" to update`,
  },
  openReasons: {
    pending: "adoption not decided",
    "adoption-unclear": "adoption unclear",
    "not-carried-out": "adopted, not carried out yet",
  },
};
