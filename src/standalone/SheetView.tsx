import { Tab, TabList } from "@fluentui/react-components";
import { Charts } from "./Charts";
import { Grid } from "./Grid";
import type { WorkbookHost } from "./openInBrowser";
import type { Selection } from "./useWorkbook";

/** The workbook's sheets as tabs, and the one shown as a grid, with the selected cell marked. */
export function SheetView({
  host,
  sheet,
  onSheet,
  version,
  selection,
}: {
  host: WorkbookHost;
  sheet: string;
  onSheet: (name: string) => void;
  version: number;
  selection: Selection | null;
}) {
  return (
    <div className="sheet">
      <div className="sheet-tabs">
        <TabList
          selectedValue={sheet}
          onTabSelect={(_, d) => onSheet(String(d.value))}
          size="small"
          aria-label="工作表"
        >
          {host.sheetNames.map((name) => (
            <Tab key={name} value={name}>
              {name}
            </Tab>
          ))}
        </TabList>
      </div>
      {sheet && <Charts host={host} sheet={sheet} version={version} />}
      {sheet && <Grid host={host} sheet={sheet} version={version} selected={selection} />}
    </div>
  );
}
