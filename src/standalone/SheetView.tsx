import { Tab, TabList } from "@fluentui/react-components";
import { Charts, useSheetCharts } from "./Charts";
import { Grid } from "./Grid";
import type { WorkbookHost } from "./openInBrowser";
import type { PageText } from "./text";
import type { Selection } from "./useWorkbook";

/**
 * The workbook's sheets as tabs, and the one shown as a grid, with the selected cell marked. A sheet
 * that is gone (an action replaced it) gives way to the first.
 */
export function SheetView({
  host,
  sheet: asked,
  onSheet,
  version,
  selection,
  text,
}: {
  host: WorkbookHost;
  sheet: string;
  onSheet: (name: string) => void;
  version: number;
  selection: Selection | null;
  text: PageText;
}) {
  const sheet = host.sheetNames.includes(asked) ? asked : (host.sheetNames[0] ?? "");
  const selected = selection?.sheet === sheet ? selection : null;
  const charts = useSheetCharts(host, sheet, version);
  return (
    <div className="sheet">
      <div className="sheet-tabs">
        <TabList
          selectedValue={sheet}
          onTabSelect={(_, d) => onSheet(String(d.value))}
          size="small"
          aria-label={text.sheets}
        >
          {host.sheetNames.map((name) => (
            <Tab key={name} value={name}>
              {name}
            </Tab>
          ))}
        </TabList>
      </div>
      {sheet && <Charts charts={charts} />}
      {sheet && (
        <Grid
          host={host}
          sheet={sheet}
          version={version}
          selected={selected}
          text={text}
          chartRows={charts.flatMap((c) => (c.rows ? [c.rows] : []))}
        />
      )}
    </div>
  );
}
