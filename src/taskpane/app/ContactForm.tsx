import { Button, Field, Input, Subtitle2, Textarea } from "@fluentui/react-components";
import { CodeSelect } from "./CodeSelect";
import { useState } from "react";
import { type MemberChoice, choiceRef } from "../../core/records/choices";
import type { ContactEntry } from "../../core/records/contact";
import { CONTACT_TYPES } from "../../core/records/contactTypes";
import type { Locale } from "../../core/types";
import { localTodayText } from "../../hosts/localClock";
import type { LedgerHost } from "../../hosts/ledgerHost";
import type { UiText } from "../i18n";
import { dayOfInput } from "./dateInput";
import { MemberPicker } from "./MemberPicker";
import { RecordMessages, type SaveResult } from "./RecordMessages";
import { Status } from "./Status";
import { useAction } from "./useAction";

const blank = () => ({
  date: localTodayText(),
  type: CONTACT_TYPES[0] as string,
  content: "",
  followUp: "",
});

/**
 * 记录联谊活动: one or more members, 活动日期 (default today), 活动类型, 内容, 联系人 (default: the
 * member's own 联系人 in the registry; left empty for several members, each gets their own), 跟进情况.
 * The host checks the entry (a day after today, empty 内容…) and says every reason it is not written.
 */
export function ContactForm({
  host,
  t,
  locale,
  members,
}: {
  host: LedgerHost;
  t: UiText;
  locale: Locale;
  members: MemberChoice[];
}) {
  const [chosen, setChosen] = useState<number[]>([]);
  const [f, setF] = useState(blank);
  /** 联系人 as typed; null until typed (the default shows). */
  const [contact, setContact] = useState<string | null>(null);
  const [state, run] = useAction();
  const [result, setResult] = useState<SaveResult | null>(null);
  const only = chosen.length === 1 ? members.find((m) => m.row === chosen[0]) : undefined;
  const contactShown = contact ?? only?.contactCadre ?? "";
  const save = async () => {
    setResult(null);
    if (!f.date) return setResult({ kind: "invalid", text: t.needDate });
    const typed = contact?.trim();
    const entry: ContactEntry = {
      members: chosen.map((row) => choiceRef(row, members)),
      date: dayOfInput(f.date),
      type: f.type,
      content: f.content,
      ...(typed ? { contact: typed } : {}),
      ...(f.followUp.trim() ? { followUp: f.followUp.trim() } : {}),
    };
    const r = await run((p) => host.recordContact(entry, p));
    if (!r) return;
    if (!r.ok) return setResult({ kind: "refused", errors: r.errors });
    const w = r.written;
    setResult({ kind: "done", text: t.recorded(w.sheet, w.rows, w.created) });
    setChosen([]);
    setContact(null);
    setF((x) => ({ ...x, content: "", followUp: "" }));
  };
  return (
    <form
      className="form"
      aria-label={t.contactTitle}
      // The host says what is missing or wrong (empty 内容, a day after today…), in the pane's words.
      noValidate
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      <Subtitle2 as="h2">{t.contactTitle}</Subtitle2>
      <MemberPicker
        t={t}
        label={t.contactMembers}
        members={members}
        multiple
        chosen={chosen}
        onChange={setChosen}
      />
      <div className="row">
        <Field label={t.contactDate} required className="grow">
          <Input type="date" value={f.date} onChange={(_, d) => setF({ ...f, date: d.value })} />
        </Field>
        <CodeSelect
          label={t.contactType}
          value={f.type}
          values={CONTACT_TYPES}
          labelOf={t.contactTypeLabel}
          onChange={(type) => setF({ ...f, type })}
        />
      </div>
      <Field label={t.content} required>
        <Textarea
          value={f.content}
          onChange={(_, d) => setF({ ...f, content: d.value })}
          resize="vertical"
        />
      </Field>
      <Field
        label={t.contactPerson}
        hint={chosen.length > 1 ? t.contactPersonMany : t.contactPersonOne}
      >
        <Input value={contactShown} onChange={(_, d) => setContact(d.value)} />
      </Field>
      <Field label={t.followUp}>
        <Input value={f.followUp} onChange={(_, d) => setF({ ...f, followUp: d.value })} />
      </Field>
      <Button appearance="primary" type="submit" disabled={state.busy}>
        {t.save}
      </Button>
      <Status state={state} t={t} />
      <RecordMessages result={result} t={t} locale={locale} />
    </form>
  );
}
