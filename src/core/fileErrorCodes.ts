/**
 * The errors that stop a file from being read or written, as data: their codes, and the
 * parameters of each, typed per code (zod schemas; the types are inferred from them). Rendered by
 * fileErrors.ts from the tables in fileErrorTexts/.
 */
import { type CodedOf, type ParamsOf, codesOf } from "./coded";
import { z } from "./zod";

const text = z.string();
const count = z.number().int().min(0);

const reason = <K extends string, S extends z.ZodRawShape = Record<never, never>>(
  kind: K,
  shape?: S
) => z.object({ kind: z.literal(kind), ...(shape ?? ({} as S)) });

/** Why a file could not be read or written: one kind per cause the readers and writers know. */
export const FILE_ERROR_REASONS = {
  /** The system's error code (EIO, ENOSPC…), shown as it is. */
  errno: reason("errno", { code: text }),
  "no-permission": reason("no-permission"),
  "disk-full": reason("disk-full"),
  "read-error": reason("read-error"),
  "is-folder": reason("is-folder"),
  "name-too-long": reason("name-too-long"),
  /** LibreOffice did not start; why: the system's error code. */
  "libreoffice-not-started": reason("libreoffice-not-started", { why: text }),
  "timed-out": reason("timed-out"),
  "load-failed": reason("load-failed"),
  "exit-code": reason("exit-code", { code: z.number().int() }),
  "no-output": reason("no-output"),
  "no-temp-folder": reason("no-temp-folder"),
  "sheet-damaged": reason("sheet-damaged", { sheet: text }),
  /** part: the path of the part inside the package (docProps/core.xml). */
  "part-damaged": reason("part-damaged", { part: text }),
  "sheet-name-too-long": reason("sheet-name-too-long", { name: text }),
  "sheet-name-invalid": reason("sheet-name-invalid", { name: text }),
  "sheet-name-duplicate": reason("sheet-name-duplicate", { name: text }),
  "entry-size-mismatch": reason("entry-size-mismatch"),
  "unsupported-compression": reason("unsupported-compression"),
  "compressed-data-damaged": reason("compressed-data-damaged"),
  "output-too-large": reason("output-too-large"),
  "unwritable-content": reason("unwritable-content"),
  /** An error the readers did not foresee (a bug, which the fuzz tests look for). */
  "unexpected-error": reason("unexpected-error"),
} as const;

type Reasons = typeof FILE_ERROR_REASONS;
export type FileErrorReasonKind = keyof Reasons;
/** A reason of one kind, or of any kind. */
export type FileErrorReason<K extends FileErrorReasonKind = FileErrorReasonKind> = {
  [R in K]: z.infer<Reasons[R]>;
}[K];
export const FILE_ERROR_REASON_KINDS = Object.keys(FILE_ERROR_REASONS) as FileErrorReasonKind[];

/** The reasons a code may give, none required (its message then says what is most likely). */
const reasons = <K extends FileErrorReasonKind>(...kinds: [K, ...K[]]) =>
  z
    .discriminatedUnion(
      "kind",
      kinds.map((k) => FILE_ERROR_REASONS[k]) as unknown as [Reasons[K], ...Reasons[K][]]
    )
    .optional();

const file = { file: text };
/** Where in a workbook: the sheet, and the row and column where known. */
const place = { ...file, sheet: text.optional(), row: count.optional(), column: text.optional() };

/** The parameters of each file error, typed per code. file: the base name of the file. */
export const FILE_ERROR_PARAMS = {
  "file-not-found": z.object(file),
  "file-unreadable": z.object({
    ...file,
    reason: reasons(
      "errno",
      "no-permission",
      "disk-full",
      "read-error",
      "is-folder",
      "name-too-long"
    ),
  }),
  "file-empty": z.object(file),
  "not-a-spreadsheet": z.object(file),
  "corrupt-workbook": z.object({
    ...file,
    reason: reasons(
      "sheet-damaged",
      "part-damaged",
      "sheet-name-too-long",
      "sheet-name-invalid",
      "sheet-name-duplicate",
      "entry-size-mismatch",
      "unsupported-compression",
      "compressed-data-damaged",
      "unexpected-error"
    ),
  }),
  "password-protected": z.object(file),
  /** limit: what it would unpack to at most, in bytes or in files (zip entries). */
  "too-large": z.object({
    ...file,
    limit: z.union([z.object({ bytes: count }), z.object({ files: count })]),
  }),
  /** limit: the most cells a sheet may span. */
  "too-many-cells": z.object({ ...place, limit: count }),
  /** limit: the most cells the merged ranges may cover. */
  "too-many-cells-to-load": z.object({ ...place, limit: count }),
  "cell-too-long": z.object(place),
  "beyond-sheet-limits": z.object(place),
  "libreoffice-missing": z.object(file),
  "conversion-failed": z.object({
    ...file,
    reason: reasons(
      "libreoffice-not-started",
      "timed-out",
      "load-failed",
      "exit-code",
      "no-output",
      "no-temp-folder"
    ),
  }),
  "no-registry-sheet": z.object(file),
  "sheet-not-found": z.object({ ...file, sheet: text }),
  "write-failed": z.object({
    ...file,
    reason: reasons("errno", "output-too-large", "unwritable-content"),
  }),
  "temp-failed": z.object({ ...file, reason: reasons("errno") }),
  "output-is-input": z.object(file),
} as const;

/** The parameters of each code, as the schema has them. */
export type FileErrorParams = ParamsOf<typeof FILE_ERROR_PARAMS>;

export type FileErrorCode = keyof FileErrorParams;

export const FILE_ERROR_CODES = codesOf(FILE_ERROR_PARAMS);

/** A file-level failure as data: a code and its parameters (a union discriminated on code). */
export type FileErrorInfo<C extends FileErrorCode = FileErrorCode> = CodedOf<
  typeof FILE_ERROR_PARAMS,
  C
>;

/**
 * A file error as plain data: its code and parameters only (a thrown FileError is an Error, whose
 * own fields a worker thread's structured clone would drop).
 */
export function fileErrorData(e: FileErrorInfo): FileErrorInfo {
  return { code: e.code, params: e.params } as FileErrorInfo;
}

/** A too-large error's limit: a number with its unit. */
export type SizeLimit = FileErrorParams["too-large"]["limit"];

/** Where in a workbook, as the messages name it. */
export type FileErrorPlace = FileErrorParams["cell-too-long"];

/** One locale's texts for every file error and every reason: one missing does not compile. */
export interface FileErrorTexts {
  readonly messages: { readonly [C in FileErrorCode]: (p: FileErrorParams[C]) => string };
  readonly reasons: {
    readonly [K in FileErrorReasonKind]: (r: FileErrorReason<K>) => string;
  };
}

/**
 * A file error as report.json has it: the code, its parameters (checked per code) and the
 * message in the run's language.
 */
export const fileErrorJsonSchema = z.discriminatedUnion(
  "code",
  FILE_ERROR_CODES.map((code) =>
    z.object({ code: z.literal(code), params: FILE_ERROR_PARAMS[code], message: text })
  ) as unknown as [FileErrorJsonVariant, ...FileErrorJsonVariant[]]
);
type FileErrorJsonVariant = z.ZodObject<{
  code: z.ZodLiteral<FileErrorCode>;
  params: (typeof FILE_ERROR_PARAMS)[FileErrorCode];
  message: z.ZodString;
}>;
