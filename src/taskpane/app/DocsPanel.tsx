import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { AddedDocSheet, LedgerHost, ProgressFn } from "../../hosts/ledgerHost";
import type { UiText } from "../i18n";
import { BulletinForm } from "./BulletinForm";
import { MeetingForm } from "./MeetingForm";
import { Status } from "./Status";
import { useAction } from "./useAction";

/** 例会与通报: one form each; each makes its sheet and its log row, and says what it made. */
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
  const [state, run] = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [warn, setWarn] = useState<string | null>(null);
  useEffect(() => {
    host.branches().then(setBranches, () => setBranches([]));
  }, [host]);
  const make = async (add: (progress: ProgressFn) => Promise<AddedDocSheet>) => {
    setDone(null);
    setWarn(null);
    const r = await run(add);
    if (r) {
      setDone(t.added(r.sheetName, r.label, r.logSheet));
      if (r.unknownPlaceholders.length) setWarn(t.unknownPlaceholders(r.unknownPlaceholders));
    }
  };
  const invalid = (message: string) => {
    setDone(null);
    setWarn(message);
  };
  return (
    <section className="panel" aria-label={t.tabs.docs}>
      <MeetingForm
        t={t}
        branches={branches}
        busy={state.busy}
        focused={focus === "meeting"}
        onSubmit={(input) => void make((p) => host.addMeeting(input, p))}
        onInvalid={invalid}
      />
      <BulletinForm
        t={t}
        busy={state.busy}
        focused={focus === "bulletin"}
        onSubmit={(input) => void make((p) => host.addBulletin(input, p))}
        onInvalid={invalid}
      />
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
