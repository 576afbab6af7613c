import type { CellValue } from "../../../core/types";
import type { Codec } from "../zip/codec";
import { MemorySink, bytesSource } from "../zip/byteSource";
import { ZipReader } from "../zip/zipReader";
import { ZipWriter } from "../zip/zipWriter";
import { emptyWorkbook } from "./emptyWorkbook";
import { PackageWriter } from "./packageWriter";
import { SheetXmlWriter } from "./sheetWriter";
import { WorkbookPackage } from "./workbookPackage";

/**
 * A workbook of one sheet holding rows of values as they are (a CSV's: every field the text it
 * was, an empty field no cell), as a package in memory: what a CSV is read as, so that it goes
 * through the same pipeline as a workbook.
 */
export async function valuesWorkbook(
  sheetName: string,
  rows: readonly (readonly CellValue[])[],
  codec: Codec,
  file: string
): Promise<{ pkg: WorkbookPackage; bytes: Uint8Array }> {
  const sink = new MemorySink();
  const out = await PackageWriter.create(
    await emptyWorkbook(codec, file),
    new ZipWriter(sink, codec, file)
  );
  await out.addSheet({
    name: sheetName,
    *xml() {
      const w = new SheetXmlWriter(out.dateSystem);
      yield w.head({ selected: true });
      for (let r = 0; r < rows.length; r++)
        if (rows[r].length > 0)
          yield w.row(
            r + 1,
            rows[r].map((value) => ({ value }))
          );
      yield w.tail({});
    },
  });
  await out.finish([sheetName], sheetName);
  const bytes = sink.bytes();
  const zip = await ZipReader.open(bytesSource(bytes), codec, {
    file,
    maxEntries: 100,
    maxUncompressedBytes: Number.MAX_SAFE_INTEGER,
  });
  return { pkg: await WorkbookPackage.open(zip, file), bytes };
}
