import type { Codec } from "../zip/codec";
import { MemorySink, bytesSource } from "../zip/byteSource";
import { ZipReader } from "../zip/zipReader";
import { ZipWriter } from "../zip/zipWriter";
import { CONTENT_TYPE, REL, renderRels } from "./parts";
import { DEFAULT_STYLES_XML } from "./styleSheet";
import { WorkbookPackage } from "./workbookPackage";

const WORKBOOK_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>';

const CONTENT_TYPES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/>` +
  `<Default Extension="xml" ContentType="${CONTENT_TYPE.xml}"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
  "</Types>";

/**
 * A workbook with no sheets, as a package to add sheets to: what a CSV (which has no workbook
 * around its rows) is converted into, and what a summary or care list is written as.
 */
export async function emptyWorkbook(codec: Codec, file: string): Promise<WorkbookPackage> {
  const sink = new MemorySink();
  const zip = new ZipWriter(sink, codec, file);
  await zip.add("[Content_Types].xml", [CONTENT_TYPES_XML]);
  await zip.add("_rels/.rels", [
    renderRels([
      { id: "rId1", type: REL.officeDocument, target: "xl/workbook.xml", external: false },
    ]),
  ]);
  await zip.add("xl/workbook.xml", [WORKBOOK_XML]);
  await zip.add("xl/_rels/workbook.xml.rels", [
    renderRels([{ id: "rId1", type: REL.styles, target: "styles.xml", external: false }]),
  ]);
  await zip.add("xl/styles.xml", [DEFAULT_STYLES_XML]);
  await zip.finish();
  const reader = await ZipReader.open(bytesSource(sink.bytes()), codec, {
    file,
    maxEntries: 100,
    maxUncompressedBytes: 1024 * 1024,
  });
  return WorkbookPackage.open(reader, file);
}
