/**
 * Findings across rows, holding only what they need: ID number → rows, and name + birth date → ID.
 * Cross-row problems come at the end, when every row has been seen.
 */
export interface CrossRowFinding {
  code: "id-duplicate" | "possible-duplicate";
  /** 1-based source rows involved, in order. */
  rows: number[];
  names: string[];
  /** The value the finding is about (the ID number of id-duplicate). */
  values: string[];
}

interface Seen {
  rows: number[];
  names: string[];
}

export class CrossRowTracker {
  private readonly byId = new Map<string, Seen | number>();
  private readonly firstName = new Map<number, string>();
  private readonly byPerson = new Map<string, { id: string; row: number; name: string }>();
  private readonly personConflicts = new Map<string, Seen & { ids: string[] }>();

  /** Records a member row: its cleaned ID number (if it has the shape of one), name and birth date (yyyy-mm-dd). */
  add(row: number, name: string, id: string | null, birth: string | null): void {
    if (id) {
      const prev = this.byId.get(id);
      if (prev === undefined) {
        this.byId.set(id, row);
        this.firstName.set(row, name);
      } else if (typeof prev === "number") {
        this.byId.set(id, { rows: [prev, row], names: [this.firstName.get(prev) ?? "", name] });
      } else {
        prev.rows.push(row);
        prev.names.push(name);
      }
    }
    if (id && name && birth) {
      const key = `${name}\u0000${birth}`;
      const first = this.byPerson.get(key);
      if (!first) this.byPerson.set(key, { id, row, name });
      else if (first.id !== id) {
        const c = this.personConflicts.get(key) ?? {
          rows: [first.row],
          names: [first.name],
          ids: [first.id],
        };
        c.rows.push(row);
        c.names.push(name);
        c.ids.push(id);
        this.personConflicts.set(key, c);
      }
    }
  }

  findings(): CrossRowFinding[] {
    const out: CrossRowFinding[] = [];
    for (const [id, seen] of this.byId) {
      if (typeof seen !== "number")
        out.push({
          code: "id-duplicate",
          rows: seen.rows,
          names: seen.names,
          values: seen.rows.map(() => id),
        });
    }
    for (const c of this.personConflicts.values())
      out.push({ code: "possible-duplicate", rows: c.rows, names: c.names, values: c.ids });
    return out.sort((a, b) => a.rows[0] - b.rows[0]);
  }
}
