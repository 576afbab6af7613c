import fc from "fast-check";
import iconv from "iconv-lite";
import { packZip, type PackEntry, unpackZip, zipLayout } from "./zipParts";

/*
 * Mutations are plain data (printable, replayable, shrinkable by fast-check); applyMutations turns
 * a seed file's bytes and a list of them into the bytes of the file under test. Positions are
 * natural numbers taken modulo the length of the part aimed at, so one case means the same bytes
 * on every run and shrinks towards the start of that part.
 */

/** One edit of a byte string. */
export type ByteOp =
  | { op: "flip"; at: number; bit: number }
  | { op: "set"; at: number; value: number }
  | { op: "insert"; at: number; bytes: number[] }
  | { op: "token"; at: number; token: number; times: number }
  | { op: "delete"; at: number; length: number }
  | { op: "truncate"; at: number }
  | { op: "duplicate"; from: number; length: number; to: number };

/** How an entry of the zip is changed as a whole, the zip being rebuilt around it. */
export type EntryChange = "drop" | "duplicate" | "rename" | "store" | "shrink-size" | "grow-size";

export type Mutation =
  /** Anywhere in the file. */
  | { target: "file"; ops: ByteOp[] }
  /** Inside the central directory and end record of a zip. */
  | { target: "central"; ops: ByteOp[] }
  /** Inside the local header of one entry. */
  | { target: "header"; entry: number; ops: ByteOp[] }
  /** Inside the compressed data of one entry. */
  | { target: "data"; entry: number; ops: ByteOp[] }
  /** Inside the unpacked content (XML) of one entry; the zip is rebuilt, sound. */
  | { target: "content"; entry: number; ops: ByteOp[] }
  /** The nth numbers of one entry's content replaced by odd ones; the zip is rebuilt. */
  | { target: "numbers"; entry: number; edits: { nth: number; value: number }[] }
  /** A whole element (from TOKENS) inserted between two tags of one entry; the zip is rebuilt. */
  | { target: "element"; entry: number; at: number; token: number }
  /** The nth attribute values of one entry's content replaced by odd ones; the zip is rebuilt. */
  | { target: "attributes"; entry: number; edits: { nth: number; value: number }[] }
  /** One entry dropped, duplicated, renamed to another's name, stored, or its size misstated. */
  | { target: "entries"; change: EntryChange; entry: number; other: number }
  /** A text file re-encoded (its text kept). */
  | { target: "encoding"; to: "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" };

/** What gets inserted: markup and text that readers trip over, and sizes at the limits. */
export const TOKENS: readonly (string | Buffer)[] = [
  // 0-11: markup
  "<",
  ">",
  "&",
  '"',
  "&amp;",
  "&#0;",
  "&#xD800;",
  "&#1114112;",
  "&nosuch;",
  "<![CDATA[x]]>",
  "<!-- 注释 -->",
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>&b;',
  // 12-31: spreadsheet XML
  '<row r="1048576"><c r="A1048576" t="s"><v>0</v></c></row>',
  '<row r="0"><c r="A0"><v>1</v></c></row>',
  '<c r="XFD1"><v>1</v></c>',
  '<c r="A1" t="s"><v>99999</v></c>',
  '<c r="B2" t="s"><v>-1</v></c>',
  '<c r="B2" t="inlineStr"><is><t>张三</t></is></c>',
  '<c r="C3" t="str"><f>A1</f><v>x</v></c>',
  '<c r="D4" t="e"><v>#REF!</v></c>',
  '<c r="E5" t="b"><v>2</v></c>',
  '<c r="F6" t="d"><v>不是日期</v></c>',
  '<c r="G7" s="9999"><v>1</v></c>',
  '<c r="H8" t="n"><v>1e999</v></c>',
  '<c r="I9" t="s"><f t="shared" ref="I9:I99" si="0">A1</f><v>0</v></c><c r="I10"><f t="shared" si="7"/></c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="B2:A1"/><mergeCell ref="ZZZZ1:A1"/>',
  '<sheet name="多余" sheetId="99" r:id="rId99"/>',
  "<si><r><t>富</t></r><r><t>文本</t></r></si>",
  '<numFmt numFmtId="200" formatCode="[$-F800]dddd"/>',
  '<definedName name="_xlnm.Print_Area" localSheetId="99">Sheet1!$A$1</definedName>',
  '<col min="1" max="16384" width="1e308"/><dimension ref="A1:XFD1048576"/>',
  // 32-37: attributes
  ' r="-1"',
  ' t="s"',
  ' s="-1"',
  ' t="inlineStr"',
  ' count="-5" uniqueCount="99999999"',
  ' ref="A1:A1048576"',
  // 38-49: CSV
  ",",
  ";",
  "\t",
  "\r",
  "\n",
  "\r\n",
  '""',
  "\uFEFF",
  "sep=|\r\n",
  "张三,11010519491231002X,1949.12",
  '=HYPERLINK("http://x")',
  "合计",
  // 50-56: bytes
  Buffer.from([0x80]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0x81, 0x30, 0x81, 0x30]),
  Buffer.from([0x00]),
  Buffer.from([0x1a]),
  Buffer.from([0xe5, 0xbc]),
  Buffer.from([0xef, 0xbb, 0xbf]),
  // 57-63: sizes at the limits
  "x".repeat(32767),
  "x".repeat(32768),
  "张".repeat(33000),
  '"' + "长".repeat(40000) + '"',
  ",".repeat(20000),
  "\n".repeat(20000),
  '<?xml version="1.0"?>\n',
];

/** Odd numbers for the "numbers" target. */
export const NUMBERS: readonly string[] = [
  "0",
  "-1",
  "1048576",
  "1048577",
  "16384",
  "16385",
  "2147483648",
  "4294967296",
  "99999999999999999999",
  "1e308",
  "NaN",
  "0.5",
  "-0",
  "",
];

/** Odd values for the "attributes" target: numbers, cell references, types, text. */
export const ATTRIBUTE_VALUES: readonly string[] = [
  ...NUMBERS,
  "A0",
  "A1048577",
  "XFE1",
  "$A$1",
  "A1:XFD1048576",
  "B2:A1",
  "s",
  "str",
  "inlineStr",
  "e",
  "b",
  "d",
  "n",
  "x",
  "张三",
  "&amp;&lt;&#0;",
  " ",
  "1 2",
  "9".repeat(400),
];

/** Files are never made larger than this by mutations (a long token repeated, a chunk duplicated). */
const MAX_BYTES = 4 * 1024 * 1024;

function tokenBytes(token: number): Buffer {
  const t = TOKENS[token % TOKENS.length];
  return typeof t === "string" ? Buffer.from(t, "utf8") : t;
}

/** Applies one edit inside [start, end) of the bytes (end included for inserts). */
function applyOp(bytes: Buffer, op: ByteOp, start = 0, regionEnd = bytes.length): Buffer {
  const end = Math.min(regionEnd, bytes.length);
  start = Math.min(start, end);
  const span = Math.max(0, end - start);
  const pos = (n: number) => start + (span === 0 ? 0 : n % span);
  const gap = (n: number) => start + (n % (span + 1));
  switch (op.op) {
    case "flip": {
      if (span === 0) return bytes;
      const out = Buffer.from(bytes);
      out[pos(op.at)] ^= 1 << (op.bit % 8);
      return out;
    }
    case "set": {
      if (span === 0) return bytes;
      const out = Buffer.from(bytes);
      out[pos(op.at)] = op.value & 0xff;
      return out;
    }
    case "insert":
    case "token": {
      const p = gap(op.at);
      const piece =
        op.op === "insert"
          ? Buffer.from(op.bytes)
          : Buffer.concat(new Array(Math.max(1, op.times)).fill(tokenBytes(op.token)));
      return Buffer.concat([bytes.subarray(0, p), piece, bytes.subarray(p)]);
    }
    case "delete": {
      if (span === 0) return bytes;
      const p = pos(op.at);
      return Buffer.concat([bytes.subarray(0, p), bytes.subarray(Math.min(end, p + op.length))]);
    }
    case "truncate":
      return bytes.subarray(0, gap(op.at));
    case "duplicate": {
      if (span === 0) return bytes;
      const from = pos(op.from);
      const chunk = bytes.subarray(from, Math.min(end, from + op.length));
      const to = gap(op.to);
      return Buffer.concat([bytes.subarray(0, to), chunk, bytes.subarray(to)]);
    }
  }
}

function applyOps(bytes: Buffer, ops: readonly ByteOp[], start?: number, end?: number): Buffer {
  let out = bytes;
  let regionEnd = end;
  for (const op of ops) {
    const before = out.length;
    out = applyOp(out, op, start, regionEnd);
    // The part aimed at grows or shrinks with what was inserted or deleted in it.
    if (regionEnd !== undefined) regionEnd = Math.max(start ?? 0, regionEnd + out.length - before);
    if (out.length > MAX_BYTES) out = out.subarray(0, MAX_BYTES);
  }
  return out;
}

/** Rebuilds a zip after changing its unpacked entries; the bytes unchanged if they are no sound zip. */
function rebuild(bytes: Buffer, change: (entries: PackEntry[]) => PackEntry[]): Buffer {
  const entries = unpackZip(bytes);
  if (!entries || entries.length === 0) return bytes;
  return packZip(change(entries));
}

function replaceNumbers(text: string, edits: readonly { nth: number; value: number }[]): string {
  const matches = [...text.matchAll(/\d+/g)];
  if (matches.length === 0) return text;
  const chosen = new Map<number, string>();
  for (const e of edits) chosen.set(e.nth % matches.length, NUMBERS[e.value % NUMBERS.length]);
  let out = "";
  let last = 0;
  matches.forEach((m, i) => {
    const value = chosen.get(i);
    if (value === undefined) return;
    out += text.slice(last, m.index) + value;
    last = m.index! + m[0].length;
  });
  return out + text.slice(last);
}

function insertElement(text: string, at: number, token: number): string {
  const ends = [...text.matchAll(/>/g)];
  if (ends.length === 0) return text;
  const p = ends[at % ends.length].index! + 1;
  const t = TOKENS[token % TOKENS.length];
  return text.slice(0, p) + (typeof t === "string" ? t : t.toString("latin1")) + text.slice(p);
}

function replaceAttributes(text: string, edits: readonly { nth: number; value: number }[]): string {
  const matches = [...text.matchAll(/(\s[\w:.-]+\s*=\s*")([^"]*)"/g)];
  if (matches.length === 0) return text;
  const chosen = new Map<number, string>();
  for (const e of edits)
    chosen.set(e.nth % matches.length, ATTRIBUTE_VALUES[e.value % ATTRIBUTE_VALUES.length]);
  let out = "";
  let last = 0;
  matches.forEach((m, i) => {
    const value = chosen.get(i);
    if (value === undefined) return;
    out += text.slice(last, m.index! + m[1].length) + value + '"';
    last = m.index! + m[0].length;
  });
  return out + text.slice(last);
}

function decodeAny(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

/** The bytes of the file under test: the seed's bytes with every mutation applied in turn. */
export function applyMutations(seed: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = seed;
  for (const m of mutations) bytes = applyMutation(bytes, m);
  return bytes;
}

function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  const layout = m.target === "file" || m.target === "encoding" ? null : zipLayout(bytes);
  const entryOf = (n: number) => (layout ? layout.entries[n % layout.entries.length] : undefined);
  switch (m.target) {
    case "file":
      return applyOps(bytes, m.ops);
    case "central":
      return layout
        ? applyOps(bytes, m.ops, layout.centralStart, bytes.length)
        : applyOps(bytes, m.ops);
    case "header": {
      const e = entryOf(m.entry);
      return e ? applyOps(bytes, m.ops, e.localOffset, e.dataStart) : applyOps(bytes, m.ops);
    }
    case "data": {
      const e = entryOf(m.entry);
      return e ? applyOps(bytes, m.ops, e.dataStart, e.dataEnd) : applyOps(bytes, m.ops);
    }
    case "content":
      return rebuild(bytes, (entries) =>
        entries.map((e, i) =>
          i === m.entry % entries.length ? { ...e, data: applyOps(e.data, m.ops) } : e
        )
      );
    case "numbers":
      return rebuild(bytes, (entries) =>
        entries.map((e, i) =>
          i === m.entry % entries.length
            ? { ...e, data: Buffer.from(replaceNumbers(e.data.toString("utf8"), m.edits), "utf8") }
            : e
        )
      );
    case "element":
      return rebuild(bytes, (entries) =>
        entries.map((e, i) =>
          i === m.entry % entries.length
            ? {
                ...e,
                data: Buffer.from(insertElement(e.data.toString("utf8"), m.at, m.token), "utf8"),
              }
            : e
        )
      );
    case "attributes":
      return rebuild(bytes, (entries) =>
        entries.map((e, i) =>
          i === m.entry % entries.length
            ? {
                ...e,
                data: Buffer.from(replaceAttributes(e.data.toString("utf8"), m.edits), "utf8"),
              }
            : e
        )
      );
    case "entries":
      return rebuild(bytes, (entries) => changeEntries(entries, m.change, m.entry, m.other));
    case "encoding": {
      const text = decodeAny(bytes).replace(/^\uFEFF/, "");
      if (m.to === "utf-8") return Buffer.from(text, "utf8");
      if (m.to === "utf-8-bom") return Buffer.from("\uFEFF" + text, "utf8");
      if (m.to === "gb18030") return iconv.encode(text, "gb18030");
      return Buffer.from("\uFEFF" + text, "utf16le");
    }
  }
}

function changeEntries(
  entries: PackEntry[],
  change: EntryChange,
  entry: number,
  other: number
): PackEntry[] {
  const i = entry % entries.length;
  const e = entries[i];
  switch (change) {
    case "drop":
      return entries.filter((_, k) => k !== i);
    case "duplicate":
      return [...entries, { ...e, data: Buffer.from(e.data) }];
    case "rename":
      return entries.map((x, k) =>
        k === i ? { ...x, name: entries[other % entries.length].name } : x
      );
    case "store":
      return entries.map((x, k) => (k === i ? { ...x, stored: true } : x));
    case "shrink-size":
      return entries.map((x, k) =>
        k === i ? { ...x, declaredSize: Math.floor(x.data.length / 2) } : x
      );
    case "grow-size":
      return entries.map((x, k) => (k === i ? { ...x, declaredSize: x.data.length * 2 + 1 } : x));
  }
}

/* Arbitraries. */

const position = fc.nat();

/** Byte edits; `tokens` are the indices of TOKENS worth inserting into this kind of file. */
function byteOp(tokens: readonly number[], text: boolean): fc.Arbitrary<ByteOp> {
  // In text, a flipped or set byte mostly makes the file binary: fewer of them, more tokens.
  return fc.oneof(
    {
      arbitrary: fc.record({ op: fc.constant("flip" as const), at: position, bit: fc.nat(7) }),
      weight: text ? 1 : 4,
    },
    {
      arbitrary: fc.record({ op: fc.constant("set" as const), at: position, value: fc.nat(255) }),
      weight: text ? 1 : 2,
    },
    {
      arbitrary: fc.record({
        op: fc.constant("insert" as const),
        at: position,
        bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 8 }),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        op: fc.constant("token" as const),
        at: position,
        token: fc.constantFrom(...tokens),
        times: fc.integer({ min: 1, max: 3 }),
      }),
      weight: text ? 8 : 4,
    },
    {
      arbitrary: fc.record({
        op: fc.constant("delete" as const),
        at: position,
        length: fc.integer({ min: 1, max: 64 }),
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ op: fc.constant("truncate" as const), at: position }), weight: 1 },
    {
      arbitrary: fc.record({
        op: fc.constant("duplicate" as const),
        from: position,
        length: fc.integer({ min: 1, max: 4096 }),
        to: position,
      }),
      weight: 2,
    }
  );
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const XML_TOKENS = [...range(0, 37), 50, 53, 55, 57, 58, 59, 63];
// CSV syntax three times as often as bytes that make the file binary (then it is not read as CSV).
const CSV_SYNTAX = [3, 4, 5, ...range(38, 49), ...range(57, 63)];
const CSV_TOKENS = [...CSV_SYNTAX, ...CSV_SYNTAX, ...CSV_SYNTAX, ...range(50, 56)];
const ELEMENT_TOKENS = [...range(9, 31), 57, 58, 59];
const BINARY_TOKENS = [...range(50, 56), 12, 38, 42];

const ops = (tokens: readonly number[], text = false) =>
  fc.array(byteOp(tokens, text), { minLength: 1, maxLength: 4 });

/** Mutations of an .xlsx: raw bytes, zip structure, and the XML inside. */
export const xlsxMutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({ target: fc.constant("file" as const), ops: ops(BINARY_TOKENS) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ target: fc.constant("central" as const), ops: ops(BINARY_TOKENS) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      target: fc.constant("header" as const),
      entry: fc.nat(),
      ops: ops(BINARY_TOKENS),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      target: fc.constant("data" as const),
      entry: fc.nat(),
      ops: ops(BINARY_TOKENS),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      target: fc.constant("content" as const),
      entry: fc.nat(),
      ops: ops(XML_TOKENS),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      target: fc.constant("numbers" as const),
      entry: fc.nat(),
      edits: fc.array(fc.record({ nth: fc.nat(), value: fc.nat(NUMBERS.length - 1) }), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      target: fc.constant("element" as const),
      entry: fc.nat(),
      at: fc.nat(),
      token: fc.constantFrom(...ELEMENT_TOKENS),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      target: fc.constant("attributes" as const),
      entry: fc.nat(),
      edits: fc.array(fc.record({ nth: fc.nat(), value: fc.nat(ATTRIBUTE_VALUES.length - 1) }), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      target: fc.constant("entries" as const),
      change: fc.constantFrom<EntryChange>(
        "drop",
        "duplicate",
        "rename",
        "store",
        "shrink-size",
        "grow-size"
      ),
      entry: fc.nat(),
      other: fc.nat(),
    }),
    weight: 2,
  }
);

/** Mutations of a CSV: bytes, CSV syntax, encodings. */
export const csvMutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({ target: fc.constant("file" as const), ops: ops(CSV_TOKENS, true) }),
    weight: 8,
  },
  {
    arbitrary: fc.record({
      target: fc.constant("encoding" as const),
      to: fc.constantFrom(
        "utf-8" as const,
        "utf-8-bom" as const,
        "gb18030" as const,
        "utf-16le" as const
      ),
    }),
    weight: 1,
  }
);
