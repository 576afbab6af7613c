import { promises as fs } from "node:fs";
import path from "node:path";
import type { BulletinInput } from "../../../core/docs/bulletin";
import type { MeetingInput } from "../../../core/docs/meeting";
import { writeWorkbookFile } from "../node/writeWorkbookFile";
import { type OpenedInput, openInput } from "../read/openInput";
import { type AddedSheet, addBulletin, addMeeting } from "./addDocs";

/** A document to add to a workbook: a meeting record or a bulletin. */
export type DocRequest = { meeting: MeetingInput } | { bulletin: BulletinInput };

/** Why the workbook was not changed, for the command line to say in its words. */
export type EditRefusal = "in-place-needs-xlsx" | "output-is-input";

/**
 * Adds a document to a workbook file and writes the result: to `target`, or over the input itself
 * (`inPlace`: an .xlsx only, a copy kept as .bak first). The input is read as a package and every
 * sheet the change does not touch copied as it is stored. `refused` says why nothing was written;
 * file errors are thrown (FileError).
 */
export async function addDocToFile(
  file: string,
  target: string,
  doc: DocRequest,
  options: { inPlace: boolean; sameFile: (a: string, b: string) => Promise<boolean> }
): Promise<{ added: AddedSheet; backup: string | null } | { refused: EditRefusal }> {
  const opened: OpenedInput = await openInput(file);
  let closed = false;
  const close = async () => {
    if (!closed) await opened.close();
    closed = true;
  };
  try {
    if (options.inPlace && (opened.kind !== "xlsx" || !/\.xlsx$/i.test(file)))
      return { refused: "in-place-needs-xlsx" };
    if (!options.inPlace && (await options.sameFile(file, target)))
      return { refused: "output-is-input" };
    let backup: string | null = null;
    if (options.inPlace) {
      backup = `${file}.bak`;
      await fs.copyFile(file, backup);
    } else await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    const added = await writeWorkbookFile(
      opened.pkg,
      target,
      (out) =>
        "meeting" in doc
          ? addMeeting(opened.pkg, out, doc.meeting)
          : addBulletin(opened.pkg, out, doc.bulletin),
      // The input is closed before the output is renamed over it (in place).
      close
    );
    return { added, backup };
  } finally {
    await close();
  }
}
