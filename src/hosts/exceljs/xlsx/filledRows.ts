import type { Block } from "../../../core/a1";
import type { CellValue, RawRow } from "../../../core/types";
import { MergeFiller } from "./mergeFill";

/**
 * A sheet's rows as every host gives them to the core: every row number from 1 (an empty row where
 * the sheet lists none), merged cells read as the sheet shows them (MergeFiller), and the rows a
 * merged range reaches below the last row.
 */
export async function* filledRows(
  rows: AsyncIterable<RawRow> | Iterable<RawRow>,
  merges: readonly Block[]
): AsyncGenerator<RawRow> {
  const filler = merges.length > 0 ? new MergeFiller(merges) : null;
  const make = (rowNumber: number, values: CellValue[], numFmts: (string | null)[]): RawRow => {
    filler?.apply(rowNumber, values, numFmts);
    return { rowNumber, values, numFmts };
  };
  let next = 1;
  for await (const row of rows) {
    const n = row.rowNumber!;
    while (next < n) yield make(next++, [], []);
    yield make(n, row.values as CellValue[], (row.numFmts ?? []) as (string | null)[]);
    next = Math.max(next, n + 1);
  }
  while (filler && next <= filler.lastRow) yield make(next++, [], []);
}
