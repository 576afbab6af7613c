import { Button, Field, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import type { Locale } from "../../core/types";
import { localTodayText } from "../../hosts/localClock";
import type { CareRequest, CareRun, LedgerHost } from "../../hosts/ledgerHost";
import type { UiText } from "../i18n";
import { CareListView } from "./CareList";
import { dayOfInput } from "./dateInput";
import { Status } from "./Status";
import { useAction } from "./useAction";

/** 关怀提醒: the lists as of a day (default today), birthdays within N days (default 30); the printable sheet. */
export function CarePanel({ host, t, locale }: { host: LedgerHost; t: UiText; locale: Locale }) {
  const [asOf, setAsOf] = useState(localTodayText);
  const [days, setDays] = useState("30");
  const [state, run] = useAction();
  const [shown, setShown] = useState<CareRun | null>(null);
  const [note, setNote] = useState<{ intent: "success" | "warning"; text: string } | null>(null);
  /** The request the inputs make, or null (and why) when they make none. */
  const request = (): CareRequest | null => {
    const invalid = !asOf ? t.needDate : !/^\d+$/.test(days.trim()) ? t.needDays : null;
    if (invalid) {
      setNote({ intent: "warning", text: invalid });
      return null;
    }
    return { asOf: dayOfInput(asOf), days: Number(days.trim()) };
  };
  const show = async () => {
    setNote(null);
    const req = request();
    if (!req) return;
    const r = await run((p) => host.careLists(req, p));
    if (r) setShown(r);
  };
  const write = async () => {
    setNote(null);
    const req = request();
    if (!req) return;
    const r = await run((p) => host.writeCareSheet(req, p));
    if (!r) return;
    setShown(r);
    setNote({ intent: "success", text: t.careWritten(r.sheetName) });
  };
  const select = (row: number) => {
    host
      .selectMember(row, shown?.registrySheet ?? null)
      .catch((e: unknown) =>
        setNote({ intent: "warning", text: e instanceof Error ? e.message : String(e) })
      );
  };
  return (
    <section className="panel" aria-label={t.tabs.care}>
      <div className="row">
        <Field label={t.asOf} className="grow">
          <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
        <Field label={t.careDays} className="grow">
          <Input type="number" min={0} value={days} onChange={(_, d) => setDays(d.value)} />
        </Field>
      </div>
      <div className="buttons">
        <Button appearance="primary" onClick={() => void show()} disabled={state.busy}>
          {t.showCare}
        </Button>
        <Button onClick={() => void write()} disabled={state.busy}>
          {t.writeCare}
        </Button>
      </div>
      <Status state={state} t={t} />
      {note && (
        <MessageBar intent={note.intent} role={note.intent === "success" ? "status" : "alert"}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {shown && (
        <CareListView
          lists={shown.lists}
          t={t}
          locale={locale}
          onMember={(e) => select(e.member.row)}
        />
      )}
    </section>
  );
}
