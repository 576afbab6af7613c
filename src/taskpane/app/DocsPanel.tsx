import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { LedgerHost } from "../../hosts/ledgerHost";
import { localTodayText } from "../../hosts/localClock";
import type { UiText } from "../i18n";
import { Status } from "./Status";
import { useAction } from "./useAction";

const today = () => localTodayText();
const asDate = (s: string) => new Date(`${s}T00:00:00Z`);

/** 例会/通报 forms: date, branch from the registry, convener, topics; each makes its sheet and log row. */
export function DocsPanel({
  host,
  t,
  focus,
}: {
  host: LedgerHost;
  t: UiText;
  focus?: "meeting" | "bulletin";
}) {
  const [branches, setBranches] = useState<string[]>([]);
  const [m, setM] = useState({ date: today(), branch: "", convener: "", topics: "", place: "" });
  const [b, setB] = useState({ date: today(), work: "", enterprise: "", situation: "" });
  const [state, run] = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [warn, setWarn] = useState<string | null>(null);
  useEffect(() => {
    host.branches().then(
      (list) => {
        setBranches(list);
        if (list.length > 0) setM((x) => (x.branch ? x : { ...x, branch: list[0] }));
      },
      () => setBranches([])
    );
  }, [host]);
  const meeting = async () => {
    setDone(null);
    setWarn(null);
    if (!m.date) return setWarn(t.needDate);
    if (!m.branch.trim()) return setWarn(t.needBranch);
    if (!m.convener.trim()) return setWarn(t.needConvener);
    const topics = m.topics
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean);
    const r = await run((p) =>
      host.addMeeting(
        {
          date: asDate(m.date),
          branch: m.branch.trim(),
          convener: m.convener.trim(),
          topics,
          place: m.place || undefined,
        },
        p
      )
    );
    if (r) {
      setDone(t.added(r.sheetName, r.label, r.logSheet));
      if (r.unknownPlaceholders.length) setWarn(t.unknownPlaceholders(r.unknownPlaceholders));
    }
  };
  const bulletin = async () => {
    setDone(null);
    setWarn(null);
    if (!b.date) return setWarn(t.needDate);
    const sections: Record<string, string> = {};
    if (b.work.trim()) sections["工作动态"] = b.work.trim();
    if (b.enterprise.trim()) sections["企业情况"] = b.enterprise.trim();
    if (b.situation.trim()) sections["形势通报"] = b.situation.trim();
    const r = await run((p) => host.addBulletin({ date: asDate(b.date), sections }, p));
    if (r) {
      setDone(t.added(r.sheetName, r.label, r.logSheet));
      if (r.unknownPlaceholders.length) setWarn(t.unknownPlaceholders(r.unknownPlaceholders));
    }
  };
  return (
    <section className="panel" aria-label={t.tabs.docs}>
      <form
        className="form"
        onSubmit={(e) => (e.preventDefault(), void meeting())}
        data-focus={focus === "meeting" || undefined}
      >
        <Subtitle2 as="h2">{t.meetingTitle}</Subtitle2>
        <Field label={t.meetingDate} required>
          <Input type="date" value={m.date} onChange={(_, d) => setM({ ...m, date: d.value })} />
        </Field>
        <Field label={t.branch} required>
          {branches.length > 0 ? (
            <Select value={m.branch} onChange={(_, d) => setM({ ...m, branch: d.value })}>
              {branches.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </Select>
          ) : (
            <Input value={m.branch} onChange={(_, d) => setM({ ...m, branch: d.value })} />
          )}
        </Field>
        <Field label={t.convener} required>
          <Input value={m.convener} onChange={(_, d) => setM({ ...m, convener: d.value })} />
        </Field>
        <Field label={t.topics}>
          <Textarea
            value={m.topics}
            onChange={(_, d) => setM({ ...m, topics: d.value })}
            resize="vertical"
          />
        </Field>
        <Field label={t.place}>
          <Input value={m.place} onChange={(_, d) => setM({ ...m, place: d.value })} />
        </Field>
        <Button appearance="primary" type="submit" disabled={state.busy}>
          {t.newMeeting}
        </Button>
      </form>
      <form
        className="form"
        onSubmit={(e) => (e.preventDefault(), void bulletin())}
        data-focus={focus === "bulletin" || undefined}
      >
        <Subtitle2 as="h2">{t.bulletinTitle}</Subtitle2>
        <Field label={t.bulletinDate} required>
          <Input type="date" value={b.date} onChange={(_, d) => setB({ ...b, date: d.value })} />
        </Field>
        <Field label={t.workNews}>
          <Textarea
            value={b.work}
            onChange={(_, d) => setB({ ...b, work: d.value })}
            resize="vertical"
          />
        </Field>
        <Field label={t.enterprise}>
          <Textarea
            value={b.enterprise}
            onChange={(_, d) => setB({ ...b, enterprise: d.value })}
            resize="vertical"
          />
        </Field>
        <Field label={t.situation}>
          <Textarea
            value={b.situation}
            onChange={(_, d) => setB({ ...b, situation: d.value })}
            resize="vertical"
          />
        </Field>
        <Button appearance="primary" type="submit" disabled={state.busy}>
          {t.newBulletin}
        </Button>
      </form>
      <Status state={state} t={t} />
      {warn && (
        <MessageBar intent="warning">
          <MessageBarBody>{warn}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
