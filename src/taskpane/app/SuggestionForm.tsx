import { Button, Field, Input, Subtitle2, Textarea } from "@fluentui/react-components";
import { CodeSelect } from "./CodeSelect";
import { useState } from "react";
import { type MemberChoice, choiceRef } from "../../core/records/choices";
import type { SuggestionEntry } from "../../core/records/suggestion";
import { ADOPTION_VALUES } from "../../core/records/suggestionStatus";
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
  content: "",
  adopted: "待定" as string,
  carriedOut: "",
});

/** 意见建议: 提出人 from the registry, 提出日期 (default today), 内容, 是否采纳 (是/否/待定), 落实情况. */
export function SuggestionForm({
  host,
  t,
  locale,
  members,
  onSaved,
}: {
  host: LedgerHost;
  t: UiText;
  locale: Locale;
  members: MemberChoice[];
  /** A suggestion was written (the list of open ones changes). */
  onSaved: () => void;
}) {
  const [proposer, setProposer] = useState<number[]>([]);
  const [f, setF] = useState(blank);
  const [state, run] = useAction();
  const [result, setResult] = useState<SaveResult | null>(null);
  const save = async () => {
    setResult(null);
    if (!f.date) return setResult({ kind: "invalid", text: t.needDate });
    if (proposer.length === 0) return setResult({ kind: "invalid", text: t.needProposer });
    const entry: SuggestionEntry = {
      proposer: choiceRef(proposer[0], members),
      date: dayOfInput(f.date),
      content: f.content,
      adopted: f.adopted,
      ...(f.carriedOut.trim() ? { carriedOut: f.carriedOut.trim() } : {}),
    };
    const r = await run((p) => host.recordSuggestion(entry, p));
    if (!r) return;
    if (!r.ok) return setResult({ kind: "refused", errors: r.errors });
    const w = r.written;
    setResult({ kind: "done", text: t.recorded(w.sheet, w.rows, w.created) });
    setProposer([]);
    setF((x) => ({ ...x, content: "", adopted: "待定", carriedOut: "" }));
    onSaved();
  };
  return (
    <form
      className="form"
      aria-label={t.suggestionTitle}
      // The host says what is missing or wrong (empty 内容, a day after today…), in the pane's words.
      noValidate
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      <Subtitle2 as="h2">{t.suggestionTitle}</Subtitle2>
      <MemberPicker
        t={t}
        label={t.proposer}
        members={members}
        multiple={false}
        chosen={proposer}
        onChange={setProposer}
      />
      <div className="row">
        <Field label={t.suggestionDate} required className="grow">
          <Input type="date" value={f.date} onChange={(_, d) => setF({ ...f, date: d.value })} />
        </Field>
        <CodeSelect
          label={t.adopted}
          value={f.adopted}
          values={ADOPTION_VALUES}
          labelOf={t.adoptionLabel}
          onChange={(adopted) => setF({ ...f, adopted })}
        />
      </div>
      <Field label={t.content} required>
        <Textarea
          value={f.content}
          onChange={(_, d) => setF({ ...f, content: d.value })}
          resize="vertical"
        />
      </Field>
      <Field label={t.carriedOut}>
        <Input value={f.carriedOut} onChange={(_, d) => setF({ ...f, carriedOut: d.value })} />
      </Field>
      <Button appearance="primary" type="submit" disabled={state.busy}>
        {t.save}
      </Button>
      <Status state={state} t={t} />
      <RecordMessages result={result} t={t} locale={locale} />
    </form>
  );
}
