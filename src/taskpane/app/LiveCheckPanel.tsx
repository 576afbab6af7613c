import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Switch,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { cellAddress } from "../../core/a1";
import type { LiveSuggestion } from "../../core/live";
import { renderProblem } from "../../core/messages";
import type { Problem } from "../../core/problem";
import type { CellValue, Locale } from "../../core/types";
import type { UiText } from "../i18n";
import type { LiveCheckControl } from "./useLiveCheck";

/** Problems listed at once (the count says how many there are). */
const SHOWN = 100;

/** A value as the pane shows it (a date as its calendar day). */
const shown = (v: CellValue): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? "" : String(v);

/**
 * 实时校验 in the 名册校验 tab: the switch, where the check stands, the running count, and the
 * problems of 成员名册, each going to its cell; a selected one can take its suggested value.
 */
export function LiveCheckPanel({
  control,
  t,
  locale,
}: {
  control: LiveCheckControl;
  t: UiText;
  locale: Locale;
}) {
  const { live, view, enabled, setEnabled } = control;
  const [selected, setSelected] = useState<Problem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [fixing, setFixing] = useState(false);
  const cellOf = (p: Problem) => ({ row: p.row, column: p.sourceColumn });
  const suggestion: LiveSuggestion | null =
    selected && selected.sourceColumn > 0 ? live.suggestionAt(cellOf(selected)) : null;
  const choose = (p: Problem) => {
    setSelected(p);
    setMessage(null);
    if (p.sourceColumn > 0) void live.select(cellOf(p));
  };
  const fix = async () => {
    if (!selected) return;
    setFixing(true);
    try {
      const done = await live.fix(cellOf(selected));
      setMessage(
        done ? t.live.fixed(cellAddress(done.row, done.column), shown(done.newValue)) : t.live.noFix
      );
      setSelected(null);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setFixing(false);
    }
  };
  const tl = t.live;
  return (
    <div className="live" data-testid="live-check">
      <Subtitle2 block>{tl.title}</Subtitle2>
      <Switch checked={enabled} label={tl.switch} onChange={(_, d) => setEnabled(d.checked)} />
      <Caption1 block>{tl.hint}</Caption1>
      {view.state === "starting" && <Text block>{tl.starting}</Text>}
      {view.state === "off" && <Text block>{tl.off}</Text>}
      {view.state === "unsupported" && <Text block>{tl.unsupported}</Text>}
      {view.state === "no-registry" && <Text block>{tl.noRegistry}</Text>}
      {(view.state === "failed" || view.state === "error") && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{view.message}</MessageBarBody>
        </MessageBar>
      )}
      {view.state === "on" && (
        <>
          <Text weight="semibold" role="status" block>
            {view.counts.errors + view.counts.warnings === 0
              ? tl.clean
              : tl.counts(view.counts.errors, view.counts.warnings, view.counts.rows)}
          </Text>
          {!view.explained && <Caption1 block>{tl.colorsOnly}</Caption1>}
          {view.tooMany > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{tl.tooMany(view.tooMany)}</MessageBarBody>
            </MessageBar>
          )}
          <ul className="live-problems">
            {view.problems.slice(0, SHOWN).map((p, i) => (
              <li key={`${p.row}-${p.sourceColumn}-${p.code}-${i}`}>
                <button
                  type="button"
                  className={`problem ${p.severity}${selected === p ? " selected" : ""}`}
                  aria-pressed={selected === p}
                  onClick={() => choose(p)}
                >
                  {t.row(p.row)} {p.name} {p.column}：{renderProblem(p, locale).message}
                </button>
              </li>
            ))}
          </ul>
          {view.problems.length > SHOWN && (
            <Caption1 block>{tl.more(view.problems.length - SHOWN)}</Caption1>
          )}
          {selected && (
            <div className="buttons">
              <Button appearance="primary" disabled={!suggestion || fixing} onClick={fix}>
                {tl.fix}
                {suggestion ? `（${tl.fixTo(shown(suggestion.newValue))}）` : ""}
              </Button>
              {!suggestion && <Caption1>{tl.noFix}</Caption1>}
            </div>
          )}
        </>
      )}
      {message && (
        <MessageBar intent="success">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
