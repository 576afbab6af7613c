import { Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { problemTitle, renderProblem } from "../../core/messages";
import type { Locale } from "../../core/types";
import type { Problem } from "../../core/problem";
import type { LedgerHost, RegistryRun } from "../../hosts/ledgerHost";
import type { UiText } from "../i18n";
import { LiveCheckPanel } from "./LiveCheckPanel";
import { Status } from "./Status";
import type { LiveCheckControl } from "./useLiveCheck";
import { useAction } from "./useAction";

interface Group {
  code: string;
  severity: Problem["severity"];
  problems: Problem[];
}

/** Problems grouped by type: errors first, then the most frequent. */
export function groupProblems(problems: readonly Problem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const p of problems) {
    const g = groups.get(p.code) ?? { code: p.code, severity: p.severity, problems: [] };
    g.problems.push(p);
    groups.set(p.code, g);
  }
  return [...groups.values()].sort((a, b) =>
    a.severity === b.severity
      ? b.problems.length - a.problems.length
      : a.severity === "error"
        ? -1
        : 1
  );
}

/** 名册校验: 校验 reports without changing anything; 规范化 applies it. */
export function RegistryPanel({
  host,
  t,
  locale,
  live,
}: {
  host: LedgerHost;
  t: UiText;
  locale: Locale;
  /** The live check of 成员名册 (Excel only). */
  live?: LiveCheckControl;
}) {
  const [state, run] = useAction();
  const [last, setLast] = useState<{ run: RegistryRun; applied: boolean } | null>(null);
  const groups = useMemo(() => (last ? groupProblems(last.run.result.problems) : []), [last]);
  const go = async (apply: boolean) => {
    const r = await run((progress) =>
      apply ? host.normalize(locale, progress) : host.validate(locale, progress)
    );
    if (r) setLast({ run: r, applied: apply });
    // 规范化 wrote 成员名册 anew: the live check starts over on it.
    if (r && apply) await live?.restart();
  };
  const c = last?.run.result.counts;
  return (
    <section className="panel" aria-label={t.tabs.registry}>
      <Caption1 block>{t.validateHint}</Caption1>
      <div className="buttons">
        <Button appearance="secondary" onClick={() => go(false)} disabled={state.busy}>
          {t.validate}
        </Button>
        <Button appearance="primary" onClick={() => go(true)} disabled={state.busy}>
          {t.normalize}
        </Button>
      </div>
      <Status state={state} t={t} />
      {live && <LiveCheckPanel control={live} t={t} locale={locale} />}
      {c && (
        <div className="result" data-testid="registry-result">
          <Text weight="semibold" role="status">
            {t.counts(c.members, c.errors, c.warnings, c.changes)}
          </Text>
          {last?.applied && (
            <MessageBar intent="success">
              <MessageBarBody>{t.normalizedDone}</MessageBarBody>
            </MessageBar>
          )}
          {groups.length === 0 ? (
            <Text block>{t.noProblems}</Text>
          ) : (
            <>
              <Caption1 block>{t.clickToSelect}</Caption1>
              {groups.map((g) => (
                <details key={g.code} className={`group ${g.severity}`}>
                  <summary>
                    <span className="badge">{g.severity === "error" ? t.errors : t.warnings}</span>{" "}
                    {problemTitle(g.code, locale)}{" "}
                    <span className="count" aria-label={`${g.problems.length}`}>
                      （{g.problems.length}）
                    </span>
                  </summary>
                  <ul>
                    {g.problems.slice(0, 200).map((p, i) => (
                      <li key={i}>
                        <button
                          type="button"
                          className="problem"
                          onClick={() => last && void host.selectProblem(p, last.run)}
                        >
                          {t.row(p.row)} {p.name} {p.column}：{renderProblem(p, locale).message}
                        </button>
                      </li>
                    ))}
                  </ul>
                </details>
              ))}
            </>
          )}
        </div>
      )}
    </section>
  );
}
