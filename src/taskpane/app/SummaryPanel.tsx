import { Button, Field, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { SummaryPeriod } from "../../core/summary/docs";
import { lastFinishedQuarter, quarterOf } from "../../core/summary/quarter";
import { localToday } from "../../hosts/localClock";
import type { LedgerHost } from "../../hosts/ledgerHost";
import type { UiText } from "../i18n";
import { Status } from "./Status";
import { useAction } from "./useAction";

/**
 * 季度汇总 with a quarter picker (default: the last finished quarter), or 年度汇总 of the year
 * (全年: its quarters side by side and the change on the year before).
 */
export function SummaryPanel({ host, t }: { host: LedgerHost; t: UiText }) {
  const today = localToday();
  const last = lastFinishedQuarter(today);
  const [year, setYear] = useState(last.year);
  // 1–4, or 0 for the whole year.
  const [q, setQ] = useState(last.q);
  const [state, run] = useAction();
  const [done, setDone] = useState<string[]>([]);
  const years = Array.from({ length: 8 }, (_, i) => today.getUTCFullYear() - i);
  const go = async () => {
    setDone([]);
    const period: SummaryPeriod =
      q === 0 ? { kind: "year", year } : { kind: "quarter", quarter: quarterOf(year, q) };
    const r = await run((p) => host.summary(period, p));
    if (r)
      setDone([
        t.summaryDone(r.sheetName),
        ...(r.unreadable.length ? [t.unreadable(r.unreadable.length)] : []),
        ...r.notes,
      ]);
  };
  return (
    <section className="panel" aria-label={t.tabs.summary}>
      <div className="row">
        <Field label={t.year}>
          <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.quarter}>
          <Select value={String(q)} onChange={(_, d) => setQ(Number(d.value))}>
            {t.quarters.map((label, i) => (
              <option key={i} value={i + 1}>
                {label}
              </option>
            ))}
            <option value={0}>{t.wholeYear}</option>
          </Select>
        </Field>
      </div>
      <Button appearance="primary" onClick={() => void go()} disabled={state.busy}>
        {q === 0 ? t.makeYearSummary : t.makeSummary}
      </Button>
      <Status state={state} t={t} />
      {done.length > 0 && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {done.map((d) => (
              <div key={d}>{d}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
