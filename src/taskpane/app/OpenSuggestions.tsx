import { Button, Caption1, Field, Input, Subtitle2, Text } from "@fluentui/react-components";
import { CodeSelect } from "./CodeSelect";
import { useEffect, useState } from "react";
import type {
  OpenSuggestion,
  SuggestionList,
  SuggestionUpdate,
} from "../../core/records/openSuggestions";
import { ADOPTION_VALUES, parseAdoption } from "../../core/records/suggestionStatus";
import { openReasonText } from "../../core/records/texts";
import type { Locale } from "../../core/types";
import type { LedgerHost } from "../../hosts/ledgerHost";
import type { UiText } from "../i18n";
import { RecordMessages, type SaveResult } from "./RecordMessages";
import { Status } from "./Status";
import { useAction } from "./useAction";

/** A change staff made to one suggestion: only what differs from the sheet. */
type Edit = Pick<SuggestionUpdate, "adopted" | "carriedOut">;

/** 是否采纳 as the drop-down first shows it: 是/否/待定, empty as 待定, "" for any other word (kept). */
const adoptedShown = (s: OpenSuggestion): string =>
  s.adopted === null ? "待定" : (parseAdoption(s.adopted) ?? "");

/**
 * The suggestions still 待定 or not carried out, each with why; 是否采纳 and 落实情况 changed in
 * place and saved together (only those two cells of the rows changed). The list is read again after
 * a save, and when `version` changes (a suggestion recorded).
 */
export function OpenSuggestions({
  host,
  t,
  locale,
  version,
}: {
  host: LedgerHost;
  t: UiText;
  locale: Locale;
  version: number;
}) {
  const [reads, setReads] = useState(0);
  const key = `${version}:${reads}`;
  const [got, setGot] = useState<{ key: string; list: SuggestionList } | null>(null);
  const [loadError, setLoadError] = useState<{ key: string; message: string } | null>(null);
  const [edits, setEdits] = useState<Map<number, Edit>>(new Map());
  const [state, run] = useAction();
  const [result, setResult] = useState<SaveResult | null>(null);
  useEffect(() => {
    let live = true;
    host.openSuggestions().then(
      (list) => live && setGot({ key, list }),
      (e: unknown) =>
        live && setLoadError({ key, message: e instanceof Error ? e.message : String(e) })
    );
    return () => {
      live = false;
    };
  }, [host, key]);
  const list = got?.list ?? null;
  const edit = (s: OpenSuggestion, change: Edit) => {
    const next = new Map(edits);
    const e: Edit = { ...next.get(s.row), ...change };
    if (e.adopted === adoptedShown(s)) delete e.adopted;
    if (e.carriedOut === (s.carriedOut ?? "")) delete e.carriedOut;
    if (e.adopted === undefined && e.carriedOut === undefined) next.delete(s.row);
    else next.set(s.row, e);
    setEdits(next);
  };
  const save = async () => {
    setResult(null);
    // Each update names the content listed: a row that no longer holds it is refused, not changed.
    const content = new Map(list?.open.map((s) => [s.row, s.content]));
    const updates: SuggestionUpdate[] = [...edits].map(([row, e]) => ({
      row,
      ...e,
      content: content.get(row) ?? null,
    }));
    const r = await run((p) => host.updateSuggestions(updates, p));
    if (!r) return;
    if (!r.ok) return setResult({ kind: "refused", errors: r.errors });
    setResult({ kind: "done", text: t.updated(r.updated.sheet, r.updated.cells) });
    setEdits(new Map());
    setReads((n) => n + 1);
  };
  return (
    <section className="form" aria-label={t.openTitle}>
      <Subtitle2 as="h2">{t.openTitle}</Subtitle2>
      {loadError?.key === key && (
        <RecordMessages
          result={{ kind: "invalid", text: loadError.message }}
          t={t}
          locale={locale}
        />
      )}
      {list && (
        <Caption1 block>
          {list.open.length ? t.openCount(list.open.length, list.total, list.sheet) : t.noOpen}
        </Caption1>
      )}
      {list && list.open.length > 0 && (
        <ul className="items">
          {list.open.map((s) => {
            const e = edits.get(s.row) ?? {};
            const shown = adoptedShown(s);
            return (
              <li key={s.row} className="item" aria-label={t.row(s.row)}>
                <Caption1 block>
                  {t.row(s.row)} · {t.proposedOn(s.date ? s.date.toISOString().slice(0, 10) : null)}
                  {" · "}
                  {s.proposer ?? ""} {s.id ?? ""}
                </Caption1>
                <Text block>{s.content ?? ""}</Text>
                <Caption1 block className="reason">
                  {openReasonText(s.reason, locale)}
                </Caption1>
                <div className="row">
                  <CodeSelect
                    label={t.adopted}
                    value={e.adopted ?? shown}
                    values={ADOPTION_VALUES}
                    labelOf={t.adoptionLabel}
                    onChange={(adopted) => edit(s, { adopted })}
                    keep={shown === "" ? t.keepValue(s.adopted ?? "") : undefined}
                  />
                  <Field label={t.carriedOut} className="grow">
                    <Input
                      value={e.carriedOut ?? s.carriedOut ?? ""}
                      onChange={(_, d) => edit(s, { carriedOut: d.value })}
                    />
                  </Field>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div className="buttons">
        <Button
          appearance="primary"
          onClick={() => void save()}
          disabled={state.busy || edits.size === 0}
        >
          {t.saveChanges}
        </Button>
        <Button onClick={() => setReads((n) => n + 1)} disabled={state.busy}>
          {t.refresh}
        </Button>
      </div>
      <Status state={state} t={t} />
      <RecordMessages result={result} t={t} locale={locale} />
    </section>
  );
}
