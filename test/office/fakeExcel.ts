/**
 * A fake Excel for the Office.js host's tests, built on office-addin-mock.
 *
 * Every proxy object the host gets (workbook, sheets, ranges, formats, page layout…) is a
 * JavaScript Proxy over an OfficeMockObject: the mock holds the object's loadable properties, so
 * reading one that was not loaded, or before context.sync(), gives office-addin-mock's error
 * text instead of a value, as Office.js would refuse it. Everything the host does (setting a
 * property, calling a method, loading) is queued, as Office.js queues it, and only carried out on
 * context.sync(), in order, against a small workbook model. Each sync is recorded as one request
 * with its size (arguments and values as JSON) and the size of its answer, and every values
 * payload written is kept, so that tests can count syncs and check the 5 MB limit.
 *
 * The model does what Excel does with input that matters here: a string written through
 * range.values is parsed like typed input ("=…" becomes a formula, digits a number, a leading
 * apostrophe makes the rest text), unless the cell's number format is "@".
 * Methods of API sets newer than `maxApi` throw, so that degraded paths are really taken.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose other imports
// are ES modules that Jest on Node 20 cannot require; the enum is given here (ts-jest hoists this).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

export type Value = string | number | boolean;

/** 1-based, inclusive. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;
/** Bytes of one action in a request besides its arguments, as Office.js serialises it. */
export const FAKE_OP_BYTES = 120;

const key = (r: number, c: number) => `${r},${c}`;

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function colLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function addressOf(b: Block): string {
  const a = `${colLetters(b.left)}${b.top}`;
  return b.top === b.bottom && b.left === b.right ? a : `${a}:${colLetters(b.right)}${b.bottom}`;
}

/** "A1", "B2:C5", "A:C", "5:7", "$8:$8", "Sheet!A1" → block. */
export function parseAddress(address: string): Block {
  const local = address.replace(/^.*!/, "").replace(/\$/g, "").trim();
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(local);
  if (m)
    return {
      top: +m[2],
      left: colNumber(m[1]),
      bottom: m[3] ? +m[4] : +m[2],
      right: m[3] ? colNumber(m[3]) : colNumber(m[1]),
    };
  m = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (m) return { top: 1, left: colNumber(m[1]), bottom: MAX_ROW, right: colNumber(m[2]) };
  m = /^(\d+):(\d+)$/.exec(local);
  if (m) return { top: +m[1], left: 1, bottom: +m[2], right: MAX_COL };
  throw new Error(`InvalidArgument: address ${address}`);
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");
export const jsonSize = (v: unknown) => utf8(JSON.stringify(v) ?? "null");

/** One cell's value as Excel stores what was written through range.values. */
export function typeIn(
  v: unknown,
  format: string
): { value: Value; formula?: string; quoted?: boolean } {
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  if (v === null || v === undefined) return { value: "" };
  const s = String(v);
  if (s === "") return { value: "" };
  // Text that starts with a letter or a Han character stays text (TRUE/FALSE aside).
  if (!/^[\s=+\-@'0-9.#(tTfF]/.test(s)) return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1), quoted: true };
  if (format === "@") return { value: s };
  if (/^[=+\-@]/.test(s) && !/^[+-]\d+(\.\d+)?$/.test(s))
    return { value: "#FORMULA", formula: s.startsWith("=") ? s : "=" + s };
  if (/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) return { value: Number(s) };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true" };
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (d)
    return {
      value: Math.round((Date.UTC(+d[1], +d[2] - 1, +d[3]) - Date.UTC(1899, 11, 30)) / 864e5),
    };
  return { value: s };
}

export interface Pivot {
  name: string;
  source: string;
  sourceSheet: string;
  destination: string;
  rows: string[];
  columns: string[];
  data: { field: string; name?: string; summarizeBy?: string }[];
}

export interface ChartSeriesData {
  name?: string;
  values?: string;
  xValues?: string;
}

export interface Chart {
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
  position?: [string, string?];
  /** The series: the one add() made from its source (values = source), then those added. */
  series?: ChartSeriesData[];
  legend?: string;
}

export class FakeSheet {
  grid: Value[][] = [];
  formulas = new Map<string, string>();
  quoted = new Set<string>();
  formatLayers: { block: Block; value: string | string[][] }[] = [];
  styles = new Map<string, Record<string, unknown>>();
  merges: Block[] = [];
  widths = new Map<number, number>();
  heights = new Map<number, number>();
  validations: {
    address: string;
    rule?: unknown;
    errorAlert?: unknown;
    ignoreBlanks?: boolean;
  }[] = [];
  notes: { address: string; text: string }[] = [];
  comments: { address: string; text: string; id?: string }[] = [];
  freeze: { at?: string; rows?: number } | null = null;
  autoFilter: string | null = null;
  page: Record<string, unknown> = {};
  /** Manual page breaks: the cells they stand above (horizontalPageBreaks.add). */
  pageBreaks: string[] = [];
  headerFooter: Record<string, string> = {};
  margins: { unit: string; options: Record<string, number> } | null = null;
  titleRows: string | null = null;
  printArea: string | null = null;
  pivots: Pivot[] = [];
  charts: Chart[] = [];
  visibility = "Visible";

  constructor(
    public name: string,
    public position: number
  ) {}

  value(r: number, c: number): Value {
    return this.grid[r - 1]?.[c - 1] ?? "";
  }

  setValue(r: number, c: number, v: Value): void {
    const row = (this.grid[r - 1] ??= []);
    row[c - 1] = v;
  }

  format(r: number, c: number): string {
    for (let i = this.formatLayers.length - 1; i >= 0; i--) {
      const l = this.formatLayers[i];
      const b = l.block;
      if (r < b.top || r > b.bottom || c < b.left || c > b.right) continue;
      return typeof l.value === "string" ? l.value : l.value[r - b.top][c - b.left];
    }
    return "General";
  }

  style(r: number, c: number): Record<string, unknown> {
    let s = this.styles.get(key(r, c));
    if (!s) this.styles.set(key(r, c), (s = {}));
    return s;
  }

  /** Values and formulas only (getUsedRange(true)), or also formats and merges. */
  used(valuesOnly: boolean): Block | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const add = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    for (let i = 0; i < this.grid.length; i++) {
      const row = this.grid[i];
      if (!row) continue;
      let first = -1;
      let last = -1;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v === "" || v === undefined) continue;
        if (first < 0) first = j;
        last = j;
      }
      if (first >= 0) {
        add(i + 1, first + 1);
        add(i + 1, last + 1);
      }
    }
    for (const k of this.formulas.keys()) add(...(k.split(",").map(Number) as [number, number]));
    if (!valuesOnly) {
      for (const k of this.styles.keys()) add(...(k.split(",").map(Number) as [number, number]));
      for (const m of this.merges) {
        add(m.top, m.left);
        add(m.bottom, m.right);
      }
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** The cell's text as a user sees it in the formula bar (formula, or value). */
  cell(address: string): Value {
    const b = parseAddress(address);
    return this.formulas.get(key(b.top, b.left)) ?? this.value(b.top, b.left);
  }

  /** Values of a block, as a grid. */
  values(address: string): Value[][] {
    const b = parseAddress(address);
    const out: Value[][] = [];
    const width = b.right - b.left + 1;
    for (let r = b.top; r <= b.bottom; r++) {
      const src = this.grid[r - 1] ?? [];
      const row = src.slice(b.left - 1, b.right);
      for (let j = 0; j < width; j++) if (row[j] === undefined) row[j] = "";
      out.push(row);
    }
    return out;
  }

  /** Number formats of a block, as a grid. */
  formats(b: Block): string[][] {
    const out: string[][] = [];
    const width = b.right - b.left + 1;
    const only = this.formatLayers.length === 1 ? this.formatLayers[0] : null;
    const covers =
      only &&
      Array.isArray(only.value) &&
      only.block.top <= b.top &&
      only.block.bottom >= b.bottom &&
      only.block.left <= b.left &&
      only.block.right >= b.right;
    for (let r = b.top; r <= b.bottom; r++) {
      if (covers) {
        const src = (only.value as string[][])[r - only.block.top];
        out.push(src.slice(b.left - only.block.left, b.left - only.block.left + width));
        continue;
      }
      const row: string[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(this.format(r, c));
      out.push(row);
    }
    return out;
  }
}

export interface RequestLog {
  /** Actions in the request. */
  ops: number;
  /** Estimated bytes of the request (arguments as JSON, plus FAKE_OP_BYTES per action). */
  bytes: number;
  /** Bytes of the answer (loaded values as JSON). */
  responseBytes: number;
  /** Calculation was suspended in this request. */
  suspended: boolean;
}

export interface ValueWrite {
  sheet: string;
  address: string;
  rows: number;
  bytes: number;
  /** The request (0-based sync index) it went out in. */
  request: number;
}

interface Op {
  bytes: number;
  apply: () => void;
}

type Spec = {
  scalars?: string[];
  /** Scalars whose loaded value is an object (kept as JSON in the mock). */
  objectScalars?: string[];
  methods?: Record<string, (self: FObj, ...args: any[]) => unknown>;
  nav?: Record<string, (self: FObj) => FObj>;
  set?: (self: FObj, prop: string, value: any) => void;
  snapshot?: (self: FObj, props: string[]) => Record<string, unknown>;
};

/** A fake Office.js object: a proxy over an OfficeMockObject holding its loadable properties. */
class FObj {
  inner: OfficeMockObject;
  proxy: any;
  private resolved: unknown;
  private isResolved = false;
  isNull = false;
  private readonly children = new Map<string, FObj>();

  constructor(
    readonly fx: FakeExcel,
    readonly kind: string,
    readonly spec: Spec,
    /** Finds what the object stands for, when the first queued action on it is carried out. */
    private readonly resolver: (self: FObj) => unknown,
    readonly parent?: FObj
  ) {
    this.inner = new OfficeMockObject(
      Object.fromEntries(
        [...(spec.scalars ?? []), ...(spec.objectScalars ?? [])].map((s) => [s, undefined])
      )
    );
    this.proxy = new Proxy(this, {
      get: (_t, prop: string | symbol) => this.get(prop),
      set: (_t, prop: string | symbol, value) => {
        this.fx.queue(jsonSize(value), () => {
          if (!this.spec.set) throw new Error(`fake: cannot set ${this.kind}.${String(prop)}`);
          this.spec.set(this, String(prop), value);
        });
        return true;
      },
    });
    fx.objects.set(this.proxy, this);
  }

  target<T>(): T {
    if (!this.isResolved) {
      this.resolved = this.resolver(this);
      this.isResolved = true;
    }
    return this.resolved as T;
  }

  child(name: string, make: () => FObj): FObj {
    let c = this.children.get(name);
    if (!c) this.children.set(name, (c = make()));
    return c;
  }

  private get(prop: string | symbol): unknown {
    if (typeof prop === "symbol") return undefined;
    if (prop === "then") return undefined;
    if (prop === "toJSON") return () => ({ fake: this.kind });
    if (prop === "isNullObject") return this.isNull;
    if (prop === "load")
      return (props: string | string[]) => {
        const list = (Array.isArray(props) ? props : String(props).split(","))
          .map((p) => p.trim())
          .filter(Boolean);
        if (list.length === 0) throw new Error("fake: empty load");
        this.fx.queue(64, () => this.fx.loaded(this, list));
        return this.proxy;
      };
    const m = this.spec.methods?.[prop];
    if (m)
      return (...args: unknown[]) => {
        const out = m(this, ...args);
        // A raw FObj becomes its proxy; a proxy (also "instanceof FObj") is returned as it is.
        return out instanceof FObj && !this.fx.objects.has(out) ? out.proxy : out;
      };
    const n = this.spec.nav?.[prop];
    if (n) return n(this).proxy;
    if (this.spec.objectScalars?.includes(prop)) {
      const raw = this.inner[prop];
      return typeof raw === "string" && raw.startsWith("{") ? JSON.parse(raw) : raw;
    }
    if (this.spec.scalars?.includes(prop)) return this.inner[prop];
    throw new Error(`fake: ${this.kind} has no member ${prop}`);
  }
}

interface RangeRef {
  sheet: FakeSheet;
  block: Block;
}

export interface FakeOptions {
  /** Highest ExcelApi 1.x this Excel supports (default 18). */
  maxApi?: number;
  date1904?: boolean;
  name?: string;
  active?: string;
}

export interface SheetInit {
  name: string;
  /** From A1 (or from `at`). */
  values?: unknown[][];
  formats?: string[][];
  at?: string;
  merges?: string[];
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  selected: { sheet: string; address: string } | null = null;
  readonly objects = new WeakMap<object, FObj>();
  readonly requests: RequestLog[] = [];
  readonly valueWrites: ValueWrite[] = [];
  /** API methods called, by name (e.g. "notes.add"). */
  readonly calls = new Map<string, number>();
  private pending: Op[] = [];
  private toSync: OfficeMockObject[] = [];
  private responseBytes = 0;
  private suspended = false;
  readonly maxApi: number;
  readonly date1904: boolean;
  readonly name: string;
  readonly context: any;
  private nextId = 1;

  constructor(sheets: SheetInit[], options: FakeOptions = {}) {
    this.maxApi = options.maxApi ?? 18;
    this.date1904 = options.date1904 ?? false;
    this.name = options.name ?? "台账.xlsx";
    sheets.forEach((s) => this.addSheet(s));
    this.active = this.sheets.find((s) => s.name === options.active) ?? this.sheets[0] ?? null;
    this.context = this.contextObject();
  }

  addSheet(init: SheetInit): FakeSheet {
    const sheet = new FakeSheet(init.name, this.sheets.length);
    this.sheets.push(sheet);
    const at = parseAddress(init.at ?? "A1");
    init.values?.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === "") return;
        sheet.setValue(at.top + i, at.left + j, v as Value);
      })
    );
    if (init.formats)
      sheet.formatLayers.push({
        block: {
          top: at.top,
          left: at.left,
          bottom: at.top + init.formats.length - 1,
          right: at.left + Math.max(0, ...init.formats.map((r) => r.length)) - 1,
        },
        value: init.formats.map((r) => r.map((f) => f ?? "General")),
      });
    for (const m of init.merges ?? []) sheet.merges.push(parseAddress(m));
    return sheet;
  }

  /** Excel.run's stand-in. */
  run = async <T>(f: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.pending = [];
    return f(this.context as Excel.RequestContext);
  };

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}; have ${this.sheets.map((x) => x.name).join(", ")}`);
    return s;
  }

  get syncs(): number {
    return this.requests.length;
  }

  queue(bytes: number, apply: () => void): void {
    this.pending.push({ bytes: bytes + FAKE_OP_BYTES, apply });
  }

  private need(minor: number, what: string): void {
    if (minor > this.maxApi) throw new Error(`ApiNotFound: ${what} needs ExcelApi 1.${minor}`);
  }

  private count(what: string): void {
    this.calls.set(what, (this.calls.get(what) ?? 0) + 1);
  }

  /** context.sync(): carries out what was queued, in order; one request. */
  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    this.toSync = [];
    this.responseBytes = 0;
    this.suspended = false;
    const index = this.requests.length;
    this.requests.push({
      ops: ops.length,
      bytes: ops.reduce((n, o) => n + o.bytes, 0),
      responseBytes: 0,
      suspended: false,
    });
    this.currentRequest = index;
    for (const op of ops) op.apply();
    for (const m of this.toSync) await m.sync();
    // office-addin-mock copies synced values onto the object a microtask later.
    await new Promise((resolve) => setImmediate(resolve));
    this.requests[index].responseBytes = this.responseBytes;
    this.requests[index].suspended = this.suspended;
  }

  private currentRequest = 0;

  /** Handlers registered on worksheets' onChanged (when the registering request was synced). */
  handlers: {
    sheet: () => FakeSheet;
    handler: (args: unknown) => Promise<unknown>;
    removed: boolean;
  }[] = [];

  /**
   * A change in a sheet, as Excel reports it to the handlers registered on it (after the values
   * were set: the test sets them first). Resolves when every handler's promise has.
   */
  async fireChanged(
    sheet: string,
    args: { address: string; changeType?: string; triggerSource?: string }
  ): Promise<void> {
    const target = this.sheet(sheet);
    const event = {
      address: args.address,
      changeType: args.changeType ?? "RangeEdited",
      source: "Local",
      type: "WorksheetChanged",
      worksheetId: target.name,
      ...(args.triggerSource ? { triggerSource: args.triggerSource } : {}),
    };
    await Promise.all(
      this.handlers.filter((h) => h.sheet() === target).map((h) => h.handler(event))
    );
  }

  private nextComment = 1;

  /** A comment's id (given the first time it is asked for, as Excel gives each one). */
  commentId(c: { id?: string }): string {
    return (c.id ??= `comment-${this.nextComment++}`);
  }

  /** A comment (Excel.Comment): id, content (settable), getLocation(), delete(); null where gone. */
  commentObject(
    resolve: () => { address: string; text: string; id?: string } | null,
    sheetOf: () => FakeSheet
  ): FObj {
    const fx = this;
    const commentOf = (self: FObj) => {
      const c = self.target<{ address: string; text: string; id?: string } | null>();
      if (!c) throw new Error("ItemNotFound: the comment");
      return c;
    };
    return this.obj(
      "comment",
      {
        scalars: ["id", "content"],
        snapshot: (self) => {
          const c = self.target<{ address: string; text: string; id?: string } | null>();
          self.isNull = !c;
          return c ? { id: fx.commentId(c), content: c.text } : {};
        },
        set: (self, prop, value) => {
          if (prop !== "content") throw new Error(`fake: cannot set comment.${prop}`);
          commentOf(self).text = value;
        },
        methods: {
          getLocation: (self) =>
            fx.rangeObject(() => ({
              sheet: sheetOf(),
              block: parseAddress(commentOf(self).address),
            })),
          delete: (self) => {
            fx.count("comment.delete");
            fx.queue(8, () => {
              const c = commentOf(self);
              const sheet = sheetOf();
              sheet.comments = sheet.comments.filter((x) => x !== c);
            });
          },
        },
      },
      resolve
    );
  }

  /** A note (Excel.Note): content loadable and settable, delete(); null where the cell has none. */
  noteObject(resolve: () => { address: string; text: string } | null, sheet: FakeSheet): FObj {
    const fx = this;
    const noteOf = (self: FObj) => {
      const n = self.target<{ address: string; text: string } | null>();
      if (!n) throw new Error("ItemNotFound: the note");
      return n;
    };
    return this.obj(
      "note",
      {
        scalars: ["content"],
        snapshot: (self) => {
          const n = self.target<{ text: string } | null>();
          self.isNull = !n;
          return n ? { content: n.text } : {};
        },
        set: (self, prop, value) => {
          if (prop !== "content") throw new Error(`fake: cannot set note.${prop}`);
          noteOf(self).text = value;
        },
        methods: {
          delete: (self) => {
            fx.count("note.delete");
            fx.queue(8, () => {
              const n = noteOf(self);
              sheet.notes = sheet.notes.filter((x) => x !== n);
            });
          },
        },
      },
      resolve
    );
  }

  /** A load, carried out: the object's properties now, into a fresh OfficeMockObject, loaded. */
  loaded(obj: FObj, props: string[]): void {
    const snap = obj.spec.snapshot?.(obj, props) ?? {};
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(snap)) {
      data[k] = obj.spec.objectScalars?.includes(k) && v !== undefined ? JSON.stringify(v) : v;
      this.responseBytes += jsonSize(v ?? null);
    }
    const mock = new OfficeMockObject(data);
    mock.load(Object.keys(data));
    obj.inner = mock;
    this.toSync.push(mock);
  }

  private obj(kind: string, spec: Spec, resolver: (self: FObj) => unknown, parent?: FObj): FObj {
    return new FObj(this, kind, spec, resolver, parent);
  }

  /** The FObj behind a proxy the host passes back (a range given to notes.add). */
  of(proxy: unknown): FObj {
    const o = this.objects.get(proxy as object);
    if (!o) throw new Error("fake: not a fake object");
    return o;
  }

  // ---- the object model ----

  private contextObject(): any {
    const workbook = this.workbookObject();
    const fx = this;
    return {
      workbook: workbook.proxy,
      sync: () => fx.sync(),
    };
  }

  private workbookObject(): FObj {
    const fx = this;
    const wb: FObj = this.obj(
      "workbook",
      {
        scalars: ["name"],
        nav: {
          worksheets: (self) => self.child("worksheets", () => fx.worksheetsObject(self)),
          application: (self) =>
            self.child("application", () =>
              fx.obj(
                "application",
                {
                  methods: {
                    suspendApiCalculationUntilNextSync: () => {
                      fx.need(6, "suspendApiCalculationUntilNextSync");
                      fx.queue(0, () => (fx.suspended = true));
                    },
                  },
                },
                () => null,
                self
              )
            ),
          functions: (self) =>
            self.child("functions", () =>
              fx.obj(
                "functions",
                {
                  methods: {
                    date: (_s, y: number, m: number, d: number) => {
                      const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 864e5;
                      const value = fx.date1904 ? days - 1462 : days;
                      fx.queue(32, () => undefined);
                      return fx.obj(
                        "functionResult",
                        { scalars: ["value"], snapshot: () => ({ value }) },
                        () => null
                      ).proxy;
                    },
                  },
                },
                () => null,
                self
              )
            ),
        },
        snapshot: () => ({ name: fx.name }),
      },
      () => null
    );
    return wb;
  }

  private worksheetsObject(parent: FObj): FObj {
    return this.obj(
      "worksheets",
      {
        scalars: ["items"],
        methods: {
          getItem: (_s, name: string) => {
            this.queue(jsonSize(name), () => undefined);
            return this.sheetObject(() => this.findSheet(name, false));
          },
          getItemOrNullObject: (_s, name: string) => {
            this.need(4, "getItemOrNullObject");
            this.queue(jsonSize(name), () => undefined);
            return this.sheetObject(() => this.findSheet(name, true));
          },
          getActiveWorksheet: () => this.sheetObject(() => this.active),
          add: (_s, name: string) => {
            let created: FakeSheet | null = null;
            this.queue(jsonSize(name), () => {
              if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
                throw new Error(`ItemAlreadyExists: ${name}`);
              created = new FakeSheet(name, this.sheets.length);
              this.sheets.push(created);
            });
            return this.sheetObject(() => {
              if (!created) throw new Error("fake: sheet not added yet");
              return created;
            });
          },
        },
        snapshot: (_s, props) => {
          const sub = props.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
          const items = [...this.sheets]
            .sort((a, b) => a.position - b.position)
            .map((sheet) => {
              const o = this.sheetObject(() => sheet);
              this.loaded(o, sub.length ? sub : ["name"]);
              return o.proxy;
            });
          return { items };
        },
      },
      () => null,
      parent
    );
  }

  findSheet(name: string, orNull: boolean): FakeSheet | null {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null;
    if (!s && !orNull) throw new Error(`ItemNotFound: sheet ${name}`);
    return s;
  }

  private sheetObject(resolve: () => FakeSheet | null): FObj {
    const fx = this;
    const sheetOf = (self: FObj) => {
      const s = self.target<FakeSheet | null>();
      if (!s) throw new Error("fake: null sheet used");
      return s;
    };
    const range = (self: FObj, make: (s: FakeSheet) => Block) =>
      fx.rangeObject(() => {
        const s = sheetOf(self);
        return { sheet: s, block: make(s) };
      });
    const o: FObj = this.obj(
      "worksheet",
      {
        scalars: ["name", "position", "visibility"],
        snapshot: (self, props) => {
          const s = self.target<FakeSheet | null>();
          self.isNull = !s;
          if (!s) return {};
          const all: Record<string, unknown> = {
            name: s.name,
            position: s.position,
            visibility: s.visibility,
          };
          return Object.fromEntries(props.map((p) => [p, all[p]]));
        },
        set: (self, prop, value) => {
          const s = sheetOf(self);
          if (prop === "name") {
            if (
              fx.sheets.some((x) => x !== s && x.name.toLowerCase() === String(value).toLowerCase())
            )
              throw new Error(`ItemAlreadyExists: ${value}`);
            s.name = value;
          } else if (prop === "position") {
            const others = fx.sheets.filter((x) => x !== s).sort((a, b) => a.position - b.position);
            others.splice(Math.min(value, others.length), 0, s);
            others.forEach((x, i) => (x.position = i));
          } else if (prop === "visibility") s.visibility = value;
          else throw new Error(`fake: cannot set worksheet.${prop}`);
        },
        methods: {
          getRange: (self, address?: string) => {
            fx.queue(jsonSize(address ?? ""), () => undefined);
            return range(self, () => parseAddress(address ?? "A1:XFD1048576")).proxy;
          },
          getRanges: (self, address: string) => {
            fx.need(9, "getRanges");
            if (address.length > 8192) throw new Error("InvalidArgument: address too long");
            fx.count("getRanges");
            fx.queue(jsonSize(address), () => undefined);
            return fx.areasObject(() => ({
              sheet: sheetOf(self),
              blocks: address.split(",").map(parseAddress),
            })).proxy;
          },
          getRangeByIndexes: (self, r: number, c: number, rows: number, cols: number) => {
            fx.need(7, "getRangeByIndexes");
            fx.queue(32, () => undefined);
            return range(self, () => ({
              top: r + 1,
              left: c + 1,
              bottom: r + rows,
              right: c + cols,
            })).proxy;
          },
          getUsedRange: (self, valuesOnly?: boolean) => {
            fx.queue(8, () => undefined);
            return range(
              self,
              (s) => s.used(!!valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 }
            ).proxy;
          },
          getUsedRangeOrNullObject: (self, valuesOnly?: boolean) => {
            fx.need(4, "getUsedRangeOrNullObject");
            fx.queue(8, () => undefined);
            const r = fx.rangeObject(() => {
              const s = sheetOf(self);
              const b = s.used(!!valuesOnly);
              return b ? { sheet: s, block: b } : null;
            });
            return r.proxy;
          },
          delete: (self) => {
            fx.count("worksheet.delete");
            fx.queue(8, () => {
              const s = sheetOf(self);
              fx.sheets = fx.sheets.filter((x) => x !== s);
              fx.sheets.sort((a, b) => a.position - b.position).forEach((x, i) => (x.position = i));
              if (fx.active === s) fx.active = fx.sheets[0] ?? null;
            });
          },
          activate: (self) => fx.queue(8, () => (fx.active = sheetOf(self))),
        },
        nav: {
          onChanged: (self) =>
            self.child("onChanged", () =>
              fx.obj(
                "eventHandlers",
                {
                  methods: {
                    add: (_e, handler: (args: unknown) => Promise<unknown>) => {
                      fx.need(7, "onChanged");
                      const entry = { sheet: () => sheetOf(self), handler, removed: false };
                      fx.queue(16, () => fx.handlers.push(entry));
                      return {
                        context: fx.context,
                        remove: () =>
                          fx.queue(16, () => {
                            entry.removed = true;
                            fx.handlers = fx.handlers.filter((h) => h !== entry);
                          }),
                      };
                    },
                  },
                },
                () => null,
                self
              )
            ),
          freezePanes: (self) =>
            self.child("freezePanes", () =>
              fx.obj(
                "freezePanes",
                {
                  methods: {
                    freezeAt: (_f, at: any) => {
                      fx.need(7, "freezePanes");
                      fx.queue(16, () => {
                        const target =
                          typeof at === "string"
                            ? at
                            : addressOf(fx.of(at).target<RangeRef>().block);
                        sheetOf(self).freeze = { at: target };
                      });
                    },
                    freezeRows: (_f, n: number) => {
                      fx.need(7, "freezePanes");
                      fx.queue(8, () => (sheetOf(self).freeze = { rows: n }));
                    },
                  },
                },
                () => null,
                self
              )
            ),
          notes: (self) =>
            self.child("notes", () =>
              fx.obj(
                "notes",
                {
                  methods: {
                    add: (_n, cell: any, text: string) => {
                      fx.need(18, "notes");
                      fx.count("notes.add");
                      fx.queue(jsonSize(text), () => {
                        const address = fx.addressArg(cell);
                        const notes = sheetOf(self).notes;
                        if (notes.some((n) => n.address === address))
                          throw new Error(`InvalidArgument: a note is on ${address} already`);
                        notes.push({ address, text });
                      });
                    },
                    getItemOrNullObject: (_n, address: string) => {
                      fx.need(18, "notes");
                      fx.count("notes.getItemOrNullObject");
                      fx.queue(jsonSize(address), () => undefined);
                      return fx.noteObject(() => {
                        const at = address.replace(/^.*!/, "").replace(/\$/g, "");
                        return sheetOf(self).notes.find((n) => n.address === at) ?? null;
                      }, sheetOf(self));
                    },
                  },
                },
                () => null,
                self
              )
            ),
          comments: (self) =>
            self.child("comments", () =>
              fx.obj(
                "comments",
                {
                  scalars: ["items"],
                  snapshot: (_c, props) => {
                    fx.need(10, "comments");
                    const sub = props
                      .map((p) => p.replace(/^items\//, ""))
                      .filter((p) => p !== "items");
                    const items = sheetOf(self).comments.map((c) => {
                      const o = fx.commentObject(
                        () => c,
                        () => sheetOf(self)
                      );
                      fx.loaded(o, sub.length ? sub : ["id"]);
                      return o.proxy;
                    });
                    return { items };
                  },
                  methods: {
                    add: (_n, cell: any, text: string) => {
                      fx.need(10, "comments");
                      fx.count("comments.add");
                      let added: { address: string; text: string; id?: string } | null = null;
                      fx.queue(jsonSize(text), () => {
                        const address = fx.addressArg(cell);
                        const comments = sheetOf(self).comments;
                        if (comments.some((c) => c.address === address))
                          throw new Error(`InvalidArgument: a comment is on ${address} already`);
                        added = { address, text };
                        comments.push(added);
                      });
                      return fx.commentObject(
                        () => added,
                        () => sheetOf(self)
                      );
                    },
                    getItem: (_n, id: string) => {
                      fx.need(10, "comments");
                      fx.queue(jsonSize(id), () => undefined);
                      return fx.commentObject(
                        () => {
                          const c = sheetOf(self).comments.find((x) => fx.commentId(x) === id);
                          if (!c) throw new Error(`ItemNotFound: comment ${id}`);
                          return c;
                        },
                        () => sheetOf(self)
                      );
                    },
                    getItemOrNullObject: (_n, id: string) => {
                      fx.need(14, "comments.getItemOrNullObject");
                      fx.queue(jsonSize(id), () => undefined);
                      return fx.commentObject(
                        () => sheetOf(self).comments.find((c) => fx.commentId(c) === id) ?? null,
                        () => sheetOf(self)
                      );
                    },
                  },
                },
                () => null,
                self
              )
            ),
          autoFilter: (self) =>
            self.child("autoFilter", () =>
              fx.obj(
                "autoFilter",
                {
                  methods: {
                    apply: (_a, r: any) => {
                      fx.need(9, "autoFilter");
                      fx.queue(16, () => (sheetOf(self).autoFilter = fx.addressArg(r)));
                    },
                  },
                },
                () => null,
                self
              )
            ),
          pageLayout: (self) => self.child("pageLayout", () => fx.pageLayoutObject(self, sheetOf)),
          horizontalPageBreaks: (self) =>
            self.child("horizontalPageBreaks", () =>
              fx.obj(
                "pageBreaks",
                {
                  methods: {
                    add: (_b, cell: any) => {
                      if (fx.maxApi < 9) throw new Error("fake: page breaks need ExcelApi 1.9");
                      fx.queue(16, () => sheetOf(self).pageBreaks.push(fx.addressArg(cell)));
                    },
                  },
                },
                () => null,
                self
              )
            ),
          pivotTables: (self) =>
            self.child("pivotTables", () =>
              fx.obj(
                "pivotTables",
                {
                  methods: {
                    add: (_p, name: string, source: any, destination: any) => {
                      fx.need(8, "pivotTables");
                      fx.count("pivotTables.add");
                      let pivot: Pivot | null = null;
                      fx.queue(jsonSize(name), () => {
                        const src = fx.of(source).target<RangeRef>();
                        pivot = {
                          name,
                          source: addressOf(src.block),
                          sourceSheet: src.sheet.name,
                          destination: fx.addressArg(destination),
                          rows: [],
                          columns: [],
                          data: [],
                        };
                        sheetOf(self).pivots.push(pivot);
                      });
                      return fx.pivotObject(() => pivot!).proxy;
                    },
                  },
                },
                () => null,
                self
              )
            ),
          charts: (self) =>
            self.child("charts", () =>
              fx.obj(
                "charts",
                {
                  methods: {
                    add: (_c, type: string, source: any, seriesBy?: string) => {
                      fx.count("charts.add");
                      let chart: Chart | null = null;
                      fx.queue(32, () => {
                        const address = fx.addressArg(source);
                        chart = { type, source: address, seriesBy, series: [{ values: address }] };
                        sheetOf(self).charts.push(chart);
                      });
                      return fx.chartObject(() => chart!).proxy;
                    },
                  },
                },
                () => null,
                self
              )
            ),
        },
      },
      () => resolve()
    );
    return o;
  }

  /** A range or cell given as an argument: its address. */
  addressArg(r: unknown): string {
    return typeof r === "string" ? r : addressOf(this.of(r).target<RangeRef>().block);
  }

  private pageLayoutObject(self: FObj, sheetOf: (o: FObj) => FakeSheet): FObj {
    const fx = this;
    const LAYOUT = [
      "orientation",
      "paperSize",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "headerMargin",
      "footerMargin",
      "centerHorizontally",
      "centerVertically",
      "printGridlines",
    ];
    const need = () => fx.need(9, "pageLayout");
    return this.obj(
      "pageLayout",
      {
        scalars: LAYOUT,
        objectScalars: ["zoom"],
        set: (p, prop, value) => {
          need();
          sheetOf(self).page[prop] = value;
        },
        snapshot: (_p, props) => {
          need();
          const page = sheetOf(self).page;
          return Object.fromEntries(props.map((k) => [k, page[k] ?? defaultLayout[k]]));
        },
        methods: {
          setPrintMargins: (_p, unit: string, options: Record<string, number>) => {
            need();
            fx.queue(jsonSize(options), () => (sheetOf(self).margins = { unit, options }));
          },
          setPrintTitleRows: (_p, rows: string) => {
            need();
            fx.queue(jsonSize(rows), () => (sheetOf(self).titleRows = rows));
          },
          setPrintArea: (_p, area: string) => {
            need();
            fx.queue(jsonSize(area), () => (sheetOf(self).printArea = area));
          },
          getPrintTitleRowsOrNullObject: () => {
            need();
            const r = fx.rangeObject(() => {
              const s = sheetOf(self);
              return s.titleRows
                ? {
                    sheet: s,
                    block: parseAddress(
                      s.titleRows.replace(/\$/g, "").replace(/^(\d+):(\d+)$/, "A$1:XFD$2")
                    ),
                  }
                : null;
            });
            return r.proxy;
          },
        },
        nav: {
          headersFooters: (p) =>
            p.child("headersFooters", () =>
              fx.obj(
                "headersFooters",
                {
                  nav: {
                    defaultForAllPages: (h) =>
                      h.child("default", () =>
                        fx.obj(
                          "headerFooter",
                          {
                            scalars: HEADER_FOOTER,
                            set: (_x, prop, value) => (sheetOf(self).headerFooter[prop] = value),
                            snapshot: (_x, props) =>
                              Object.fromEntries(
                                props.map((k) => [k, sheetOf(self).headerFooter[k] ?? ""])
                              ),
                          },
                          () => null,
                          h
                        )
                      ),
                  },
                },
                () => null,
                p
              )
            ),
        },
      },
      () => null,
      self
    );
  }

  private pivotObject(resolve: () => Pivot): FObj {
    const fx = this;
    const hierarchy = (name: string) =>
      fx.obj("pivotHierarchy", {}, () => {
        const p = resolve();
        const src = fx.sheet(p.sourceSheet).values(p.source)[0];
        if (!src.includes(name)) throw new Error(`InvalidArgument: no field ${name} in ${src}`);
        return name;
      });
    const list = (which: "rows" | "columns" | "data") =>
      fx.obj(
        which,
        {
          methods: {
            add: (_l, h: any) => {
              const field = fx.of(h);
              const entry = { field: "" } as Pivot["data"][number];
              fx.queue(16, () => {
                entry.field = field.target<string>();
                if (which === "data") resolve().data.push(entry);
                else resolve()[which].push(entry.field);
              });
              return fx.obj(
                "dataHierarchy",
                {
                  set: (_d, prop, value) => {
                    if (prop === "summarizeBy") entry.summarizeBy = value;
                    else if (prop === "name") entry.name = value;
                    else throw new Error(`fake: cannot set dataHierarchy.${prop}`);
                  },
                },
                () => entry
              ).proxy;
            },
          },
        },
        () => null
      );
    return this.obj(
      "pivotTable",
      {
        nav: {
          hierarchies: (p) =>
            p.child("hierarchies", () =>
              fx.obj(
                "hierarchies",
                { methods: { getItem: (_h, name: string) => hierarchy(name).proxy } },
                () => null
              )
            ),
          rowHierarchies: (p) => p.child("rows", () => list("rows")),
          columnHierarchies: (p) => p.child("columns", () => list("columns")),
          dataHierarchies: (p) => p.child("data", () => list("data")),
        },
      },
      () => resolve()
    );
  }

  private chartObject(resolve: () => Chart): FObj {
    const fx = this;
    return this.obj(
      "chart",
      {
        methods: {
          setPosition: (_c, start: string, end?: string) =>
            fx.queue(16, () => (resolve().position = [start, end])),
        },
        nav: {
          series: (c) =>
            c.child("series", () =>
              fx.obj(
                "chartSeriesCollection",
                {
                  methods: {
                    getItemAt: (_s, i: number) => fx.seriesObject(() => resolve().series![i]).proxy,
                    add: (_s, name?: string) => {
                      let item: ChartSeriesData | null = null;
                      fx.queue(16, () => resolve().series!.push((item = { name })));
                      return fx.seriesObject(() => item!).proxy;
                    },
                  },
                },
                () => null,
                c
              )
            ),
          legend: (c) =>
            c.child("legend", () =>
              fx.obj(
                "chartLegend",
                {
                  set: (_t, prop, value) => {
                    if (prop !== "position") throw new Error(`fake: cannot set legend.${prop}`);
                    resolve().legend = value;
                  },
                },
                () => null,
                c
              )
            ),
          title: (c) =>
            c.child("title", () =>
              fx.obj(
                "chartTitle",
                {
                  set: (_t, prop, value) => {
                    if (prop !== "text") throw new Error(`fake: cannot set title.${prop}`);
                    resolve().title = value;
                  },
                },
                () => null,
                c
              )
            ),
        },
      },
      () => resolve()
    );
  }

  private seriesObject(resolve: () => ChartSeriesData): FObj {
    const fx = this;
    return this.obj(
      "chartSeries",
      {
        methods: {
          setValues: (_c, range: any) =>
            fx.queue(16, () => (resolve().values = fx.addressArg(range))),
          setXAxisValues: (_c, range: any) =>
            fx.queue(16, () => (resolve().xValues = fx.addressArg(range))),
        },
        set: (_t, prop, value) => {
          if (prop !== "name") throw new Error(`fake: cannot set series.${prop}`);
          resolve().name = value;
        },
      },
      () => resolve()
    );
  }

  private areasObject(resolve: () => { sheet: FakeSheet; blocks: Block[] } | null): FObj {
    const fx = this;
    const areas: FObj = this.obj(
      "rangeAreas",
      {
        scalars: ["address"],
        snapshot: (self) => {
          const a = self.target<{ sheet: FakeSheet; blocks: Block[] } | null>();
          self.isNull = !a;
          return a
            ? { address: a.blocks.map((b) => `${a.sheet.name}!${addressOf(b)}`).join(", ") }
            : {};
        },
        nav: {
          format: (self) =>
            self.child("format", () =>
              fx.formatObject(self, () => {
                const a = self.target<{ sheet: FakeSheet; blocks: Block[] }>();
                return a.blocks.map((block) => ({ sheet: a.sheet, block }));
              })
            ),
        },
      },
      () => resolve()
    );
    return areas;
  }

  rangeObject(resolve: () => RangeRef | null): FObj {
    const fx = this;
    const ref = (self: FObj) => {
      const r = self.target<RangeRef | null>();
      if (!r) throw new Error("fake: null range used");
      return r;
    };
    const bounded = (b: Block) => {
      if (b.bottom === MAX_ROW || b.right === MAX_COL)
        throw new Error("InvalidOperation: cell-level property on an unbounded range");
    };
    const derived = (self: FObj, make: (r: RangeRef) => RangeRef | null) => {
      fx.queue(16, () => undefined);
      return fx.rangeObject(() => make(ref(self)));
    };
    const cells = (b: Block, f: (r: number, c: number, i: number, j: number) => void) => {
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) f(r, c, r - b.top, c - b.left);
    };
    const grid2 = (v: unknown, rows: number, cols: number, what: string): unknown[][] => {
      if (!Array.isArray(v)) return Array.from({ length: rows }, () => new Array(cols).fill(v));
      if (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))
        throw new Error(`InvalidArgument: ${what} is not ${rows}×${cols}`);
      return v as unknown[][];
    };
    const o: FObj = this.obj(
      "range",
      {
        scalars: [
          "values",
          "numberFormat",
          "formulas",
          "address",
          "rowIndex",
          "columnIndex",
          "rowCount",
          "columnCount",
        ],
        snapshot: (self, props) => {
          const r = self.target<RangeRef | null>();
          self.isNull = !r;
          if (!r) return {};
          const b = r.block;
          const all = (p: string): unknown => {
            switch (p) {
              case "values":
                bounded(b);
                return r.sheet.values(addressOf(b));
              case "formulas":
                bounded(b);
                return r.sheet
                  .values(addressOf(b))
                  .map((row, i) =>
                    row.map((v, j) => r.sheet.formulas.get(key(b.top + i, b.left + j)) ?? v)
                  );
              case "numberFormat":
                bounded(b);
                return r.sheet.formats(b);
              case "address":
                return `${r.sheet.name}!${addressOf(b)}`;
              case "rowIndex":
                return b.top - 1;
              case "columnIndex":
                return b.left - 1;
              case "rowCount":
                return b.bottom - b.top + 1;
              case "columnCount":
                return b.right - b.left + 1;
            }
            throw new Error(`fake: cannot load range.${p}`);
          };
          return Object.fromEntries(props.map((p) => [p, all(p)]));
        },
        set: (self, prop, value) => {
          const r = ref(self);
          const b = r.block;
          const rows = b.bottom - b.top + 1;
          const cols = b.right - b.left + 1;
          if (prop === "values") {
            bounded(b);
            const g = grid2(value, rows, cols, "values");
            fx.valueWrites.push({
              sheet: r.sheet.name,
              address: addressOf(b),
              rows,
              bytes: jsonSize(value),
              request: fx.currentRequest,
            });
            cells(b, (rr, c, i, j) => {
              // null in a 2-D array leaves its cell as it is (Excel's "null input in 2-D array").
              if (Array.isArray(value) && g[i][j] === null) return;
              const t = typeIn(g[i][j], r.sheet.format(rr, c));
              r.sheet.setValue(rr, c, t.value);
              if (t.formula) r.sheet.formulas.set(key(rr, c), t.formula);
              else r.sheet.formulas.delete(key(rr, c));
              if (t.quoted) r.sheet.quoted.add(key(rr, c));
              else r.sheet.quoted.delete(key(rr, c));
            });
          } else if (prop === "formulas") {
            bounded(b);
            const g = grid2(value, rows, cols, "formulas");
            cells(b, (rr, c, i, j) => {
              const f = g[i][j];
              if (typeof f === "string" && f.startsWith("=")) {
                r.sheet.formulas.set(key(rr, c), f);
                r.sheet.setValue(rr, c, "#FORMULA");
              } else {
                r.sheet.formulas.delete(key(rr, c));
                r.sheet.setValue(rr, c, typeIn(f, r.sheet.format(rr, c)).value);
              }
            });
          } else if (prop === "numberFormat") {
            bounded(b);
            r.sheet.formatLayers.push({
              block: { ...b },
              value: Array.isArray(value)
                ? (grid2(value, rows, cols, "numberFormat") as string[][])
                : String(value),
            });
          } else throw new Error(`fake: cannot set range.${prop}`);
        },
        methods: {
          getRow: (self, i: number) =>
            derived(self, (r) => ({
              sheet: r.sheet,
              block: { ...r.block, top: r.block.top + i, bottom: r.block.top + i },
            })).proxy,
          getResizedRange: (self, dr: number, dc: number) => {
            fx.need(7, "getResizedRange");
            return derived(self, (r) => ({
              sheet: r.sheet,
              block: { ...r.block, bottom: r.block.bottom + dr, right: r.block.right + dc },
            })).proxy;
          },
          getBoundingRect: (self, other: any) =>
            derived(self, (r) => {
              const o2 = fx.of(other).target<RangeRef>();
              return {
                sheet: r.sheet,
                block: {
                  top: Math.min(r.block.top, o2.block.top),
                  left: Math.min(r.block.left, o2.block.left),
                  bottom: Math.max(r.block.bottom, o2.block.bottom),
                  right: Math.max(r.block.right, o2.block.right),
                },
              };
            }).proxy,
          getMergedAreasOrNullObject: (self) => {
            fx.need(13, "getMergedAreasOrNullObject");
            fx.queue(8, () => undefined);
            return fx.areasObject(() => {
              const r = ref(self);
              const b = r.block;
              const hit = r.sheet.merges.filter(
                (m) =>
                  m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left
              );
              return hit.length ? { sheet: r.sheet, blocks: hit } : null;
            }).proxy;
          },
          getCellProperties: (self) => {
            fx.need(9, "getCellProperties");
            return fx.clientResult(() => {
              const r = ref(self);
              const out: unknown[][] = [];
              cells(r.block, (rr, c, i) => {
                (out[i] ??= []).push({
                  format: structuredClone(r.sheet.styles.get(key(rr, c)) ?? {}),
                });
              });
              return out;
            });
          },
          getRowProperties: (self) => {
            fx.need(9, "getRowProperties");
            return fx.clientResult(() => {
              const r = ref(self);
              const out = [];
              for (let rr = r.block.top; rr <= r.block.bottom; rr++)
                out.push({ format: { rowHeight: r.sheet.heights.get(rr) ?? 15 } });
              return out;
            });
          },
          getColumnProperties: (self) => {
            fx.need(9, "getColumnProperties");
            return fx.clientResult(() => {
              const r = ref(self);
              const out = [];
              for (let c = r.block.left; c <= r.block.right; c++)
                out.push({ format: { columnWidth: r.sheet.widths.get(c) ?? 48 } });
              return out;
            });
          },
          setCellProperties: (self, grid: Excel.SettableCellProperties[][]) => {
            fx.need(9, "setCellProperties");
            fx.count("setCellProperties");
            fx.queue(jsonSize(grid), () => {
              const r = ref(self);
              const b = r.block;
              grid2(grid, b.bottom - b.top + 1, b.right - b.left + 1, "cell properties");
              cells(b, (rr, c, i, j) => {
                const f = grid[i][j].format;
                if (f)
                  deepMerge(r.sheet.style(rr, c), structuredClone(f) as Record<string, unknown>);
              });
            });
          },
          merge: (self, across?: boolean) =>
            fx.queue(8, () => {
              if (across) throw new Error("fake: merge across not expected");
              const r = ref(self);
              r.sheet.merges.push({ ...r.block });
            }),
          select: (self) =>
            fx.queue(8, () => {
              const r = ref(self);
              if (fx.active !== r.sheet)
                throw new Error("InvalidOperation: select on an inactive sheet");
              fx.selected = { sheet: r.sheet.name, address: addressOf(r.block) };
            }),
        },
        nav: {
          format: (self) => self.child("format", () => fx.formatObject(self, () => [ref(self)])),
          dataValidation: (self) =>
            self.child("dataValidation", () => {
              fx.need(8, "dataValidation");
              return fx.obj(
                "dataValidation",
                {
                  set: (_v, prop, value) => {
                    const r = ref(self);
                    const address = addressOf(r.block);
                    let v = r.sheet.validations.find((x) => x.address === address);
                    if (!v) r.sheet.validations.push((v = { address }));
                    if (prop === "rule") v.rule = value;
                    else if (prop === "errorAlert") v.errorAlert = value;
                    else if (prop === "ignoreBlanks") v.ignoreBlanks = value;
                    else throw new Error(`fake: cannot set dataValidation.${prop}`);
                  },
                },
                () => null,
                self
              );
            }),
          worksheet: (self) => self.child("worksheet", () => fx.sheetObject(() => ref(self).sheet)),
        },
      },
      () => resolve()
    );
    return o;
  }

  private clientResult(compute: () => unknown): { value: unknown } {
    const o = this.obj(
      "clientResult",
      { scalars: ["value"], snapshot: () => ({ value: compute() }) },
      () => null
    );
    this.queue(16, () => this.loaded(o, ["value"]));
    return o.proxy;
  }

  private formatObject(parent: FObj, refs: () => RangeRef[]): FObj {
    const fx = this;
    const each = (f: (s: FakeSheet, r: number, c: number) => void) => {
      for (const { sheet, block } of refs()) {
        if (block.bottom === MAX_ROW || block.right === MAX_COL)
          throw new Error("fake: cell format on an unbounded range");
        for (let r = block.top; r <= block.bottom; r++)
          for (let c = block.left; c <= block.right; c++) f(sheet, r, c);
      }
    };
    const leaf = (name: string, path: string[]) =>
      fx.obj(
        name,
        {
          set: (_x, prop, value) =>
            each((s, r, c) => {
              let node = s.style(r, c);
              for (const p of path) node = (node[p] ??= {}) as Record<string, unknown>;
              node[prop] = value;
            }),
        },
        () => null
      );
    return this.obj(
      "rangeFormat",
      {
        set: (_f, prop, value) => {
          if (prop === "columnWidth") {
            for (const { sheet, block } of refs())
              for (let c = block.left; c <= block.right; c++) sheet.widths.set(c, value);
          } else if (prop === "rowHeight") {
            for (const { sheet, block } of refs())
              for (let r = block.top; r <= block.bottom; r++) sheet.heights.set(r, value);
          } else if (
            ["horizontalAlignment", "verticalAlignment", "wrapText", "indentLevel"].includes(prop)
          )
            each((s, r, c) => (s.style(r, c)[prop] = value));
          else throw new Error(`fake: cannot set format.${prop}`);
        },
        nav: {
          font: (f) => f.child("font", () => leaf("font", ["font"])),
          fill: (f) =>
            f.child("fill", () =>
              fx.obj(
                "fill",
                {
                  set: (_x, prop, value) =>
                    each((sh, r, c) => {
                      const st = sh.style(r, c);
                      st.fill = { ...((st.fill as object) ?? {}), [prop]: value };
                    }),
                  methods: {
                    clear: () => fx.queue(8, () => each((sh, r, c) => delete sh.style(r, c).fill)),
                  },
                },
                () => null
              )
            ),
          borders: (f) =>
            f.child("borders", () =>
              fx.obj(
                "borders",
                {
                  methods: {
                    getItem: (_b, index: string) => {
                      const side = BORDER_SIDE[index];
                      if (!side) throw new Error(`fake: border ${index}`);
                      return leaf("border", ["borders", side]).proxy;
                    },
                  },
                },
                () => null
              )
            ),
        },
      },
      () => null,
      parent
    );
  }
}

const HEADER_FOOTER = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
];

const defaultLayout: Record<string, unknown> = {
  orientation: "Portrait",
  paperSize: "Letter",
  leftMargin: 50.4,
  rightMargin: 50.4,
  topMargin: 54,
  bottomMargin: 54,
  headerMargin: 21.6,
  footerMargin: 21.6,
  centerHorizontally: false,
  centerVertically: false,
  printGridlines: false,
  zoom: { scale: 100 },
};

const BORDER_SIDE: Record<string, string> = {
  EdgeTop: "top",
  EdgeBottom: "bottom",
  EdgeLeft: "left",
  EdgeRight: "right",
  InsideVertical: "insideVertical",
  InsideHorizontal: "insideHorizontal",
};

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const t = (into[k] ??= {}) as Record<string, unknown>;
      deepMerge(t, v as Record<string, unknown>);
    } else into[k] = v;
  }
}
