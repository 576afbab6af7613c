import { Button, Field, Input, Select, Subtitle2, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { MeetingInput } from "../../core/docs/meeting";
import { localTodayText } from "../../hosts/localClock";
import type { UiText } from "../i18n";
import { dayOfInput } from "./dateInput";

/** 例会记录's form: date (default: today), branch from the registry, convener, topics, place. */
export function MeetingForm({
  t,
  branches,
  busy,
  focused,
  onSubmit,
  onInvalid,
}: {
  t: UiText;
  /** The registry's branches: a drop-down where there are some, else free text. */
  branches: string[];
  busy: boolean;
  focused: boolean;
  onSubmit: (input: MeetingInput) => void;
  onInvalid: (message: string) => void;
}) {
  const [m, setM] = useState({
    date: localTodayText(),
    branch: "",
    convener: "",
    topics: "",
    place: "",
  });
  // Until one is chosen, the first branch of the registry.
  const branch = m.branch || branches[0] || "";
  const submit = () => {
    if (!m.date) return onInvalid(t.needDate);
    if (!branch.trim()) return onInvalid(t.needBranch);
    if (!m.convener.trim()) return onInvalid(t.needConvener);
    onSubmit({
      date: dayOfInput(m.date),
      branch: branch.trim(),
      convener: m.convener.trim(),
      topics: m.topics
        .split(/\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean),
      place: m.place || undefined,
    });
  };
  return (
    <form
      className="form"
      onSubmit={(e) => (e.preventDefault(), submit())}
      data-focus={focused || undefined}
    >
      <Subtitle2 as="h2">{t.meetingTitle}</Subtitle2>
      <Field label={t.meetingDate} required>
        <Input type="date" value={m.date} onChange={(_, d) => setM({ ...m, date: d.value })} />
      </Field>
      <Field label={t.branch} required>
        {branches.length > 0 ? (
          <Select value={branch} onChange={(_, d) => setM({ ...m, branch: d.value })}>
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
      <Button appearance="primary" type="submit" disabled={busy}>
        {t.newMeeting}
      </Button>
    </form>
  );
}
