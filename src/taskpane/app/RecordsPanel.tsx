import { Caption1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import type { Locale } from "../../core/types";
import type { LedgerHost } from "../../hosts/ledgerHost";
import type { UiText } from "../i18n";
import { ContactForm } from "./ContactForm";
import { OpenSuggestions } from "./OpenSuggestions";
import { SuggestionForm } from "./SuggestionForm";
import { useMembers } from "./useMembers";

/** 联谊与建议: record a contact, record a suggestion, and update the open suggestions in place. */
export function RecordsPanel({ host, t, locale }: { host: LedgerHost; t: UiText; locale: Locale }) {
  const members = useMembers(host);
  const [suggestions, setSuggestions] = useState(0);
  const list = members.list;
  return (
    <section className="panel" aria-label={t.tabs.records}>
      {members.loading && <Caption1 block>{t.membersLoading}</Caption1>}
      {members.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {members.error} {t.errorNext}
          </MessageBarBody>
        </MessageBar>
      )}
      {list && list.sheet === null && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.noRegistry}</MessageBarBody>
        </MessageBar>
      )}
      {list && list.sheet !== null && (
        <>
          <ContactForm host={host} t={t} locale={locale} members={list.members} />
          <SuggestionForm
            host={host}
            t={t}
            locale={locale}
            members={list.members}
            onSaved={() => setSuggestions((n) => n + 1)}
          />
        </>
      )}
      <OpenSuggestions host={host} t={t} locale={locale} version={suggestions} />
    </section>
  );
}
