import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as yauzl from "yauzl";
import {
  MAX_ENTRY_IN_MEMORY,
  entryChunks,
  openZip,
  unpackEntry,
} from "../../../src/hosts/exceljs/input/zipEntry";
import { writeZip } from "./zipWriter";

/** The entries of a zip in memory, by name, with the zip (to be closed by the caller). */
async function entriesOf(bytes: Buffer): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  const zip = await openZip("(memory)", { bytes });
  const entries: yauzl.Entry[] = [];
  for await (const e of zip.eachEntry()) entries.push(e);
  return { zip, entries };
}

async function unpackFirst(bytes: Buffer): Promise<Buffer> {
  const { zip, entries } = await entriesOf(bytes);
  try {
    return await unpackEntry(zip, bytes, entries[0]);
  } finally {
    zip.close();
  }
}

/** Sets an entry's compression method in both headers of a one-entry zip made by writeZip. */
function withMethod(zip: Buffer, method: number): Buffer {
  const b = Buffer.from(zip);
  b.writeUInt16LE(method, 8);
  const central = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  b.writeUInt16LE(method, central + 10);
  return b;
}

const XML = Buffer.from(`<?xml version="1.0"?><sst>${"<si><t>赵敏</t></si>".repeat(2000)}</sst>`);

describe("unpackEntry (a zip in memory, one synchronous inflate)", () => {
  it("gives an entry's bytes exactly", async () => {
    const out = await unpackFirst(writeZip([{ name: "xl/sharedStrings.xml", data: XML }]));
    expect(out.equals(XML)).toBe(true);
  });

  it("gives a stored (uncompressed) entry's bytes as they are", async () => {
    const data = Buffer.from("<workbook/>");
    const stored = withMethod(
      writeZip([{ name: "a.xml", deflated: { bytes: data, crc: 0, size: data.length } }]),
      0
    );
    expect((await unpackFirst(stored)).toString()).toBe("<workbook/>");
  });

  it("refuses an entry that holds more than declared, inflating no more than one byte past it", async () => {
    // 64 MB of zeros declared as 1 KB: a zip bomb. The inflate stops at 1 KB + 1.
    const bomb = writeZip([
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 << 20), declaredSize: 1024 },
    ]);
    const before = process.memoryUsage().arrayBuffers;
    await expect(unpackFirst(bomb)).rejects.toThrow("too many bytes in the stream");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 << 20);
  });

  it("refuses an entry that holds fewer bytes than declared", async () => {
    const short = writeZip([{ name: "a.xml", data: XML, declaredSize: XML.length + 10 }]);
    await expect(unpackFirst(short)).rejects.toThrow(/too few bytes/);
  });

  it("refuses damaged compressed data", async () => {
    const zip = writeZip([{ name: "a.xml", data: XML }]);
    const damaged = Buffer.from(zip);
    // The compressed data starts after the 30-byte local header and the name.
    damaged.fill(0xff, 30 + 5 + 10, 30 + 5 + 40);
    await expect(unpackFirst(damaged)).rejects.toThrow();
  });

  it("refuses compression methods other than stored and deflate", async () => {
    const zip = withMethod(writeZip([{ name: "a.xml", data: XML }]), 14);
    await expect(unpackFirst(zip)).rejects.toThrow(/unsupported compression method: 14/);
  });
});

describe("entryChunks", () => {
  it("inflates an entry over MAX_ENTRY_IN_MEMORY as a stream, even from memory", async () => {
    const big = Buffer.alloc(MAX_ENTRY_IN_MEMORY + 1024, 0x20);
    const bytes = writeZip([{ name: "xl/worksheets/sheet1.xml", data: big }]);
    const { zip, entries } = await entriesOf(bytes);
    try {
      let chunks = 0;
      let length = 0;
      for await (const c of await entryChunks(zip, entries[0], { bytes })) {
        chunks++;
        length += c.length;
      }
      expect(length).toBe(big.length);
      expect(chunks).toBeGreaterThan(1);
    } finally {
      zip.close();
    }
  });

  it("reads the same bytes from memory and from the file", async () => {
    const bytes = writeZip([
      { name: "a.xml", data: XML },
      { name: "b.xml", data: Buffer.from("<b/>") },
    ]);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "uf-zipentry-"));
    try {
      const file = path.join(dir, "x.xlsx");
      await fs.writeFile(file, bytes);
      const read = async (source: { bytes?: Buffer }) => {
        const zip = await openZip(file, source);
        const out: string[] = [];
        try {
          for await (const e of zip.eachEntry()) {
            const chunks: Buffer[] = [];
            for await (const c of await entryChunks(zip, e, source)) chunks.push(c);
            out.push(Buffer.concat(chunks).toString("utf8"));
          }
        } finally {
          zip.close();
        }
        return out;
      };
      const fromMemory = await read({ bytes });
      expect(fromMemory).toEqual([XML.toString("utf8"), "<b/>"]);
      expect(await read({})).toEqual(fromMemory);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
