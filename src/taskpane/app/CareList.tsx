import { Caption1 } from "@fluentui/react-components";
import type { CareEntry, CareLists } from "../../core/care/rules";
import { type CareListKey, CARE_LISTS } from "../../core/care/reasons";
import { careListTitle, careReasonText } from "../../core/care/texts";
import type { Locale } from "../../core/types";
import type { UiText } from "../i18n";

/** How many members a list shows (the sheet 生成关怀提醒表 writes has them all). */
const SHOWN = 200;
/** A list this long or shorter opens at once; longer ones open on a click. */
const OPEN_UP_TO = 20;

/** The four care lists, in CARE_LISTS order: each member with why they are on it and their last contact. */
export function CareListView({
  lists,
  t,
  locale,
  onMember,
}: {
  lists: CareLists;
  t: UiText;
  locale: Locale;
  onMember: (e: CareEntry) => void;
}) {
  const title = (key: CareListKey) =>
    careListTitle(
      key,
      {
        count: lists[key].length,
        days: lists.days,
        windowDays: lists.helpWindowDays,
        year: lists.asOf.getUTCFullYear(),
      },
      locale
    );
  return (
    <div className="care" data-testid="care-lists">
      <Caption1 block>{t.careHint}</Caption1>
      {CARE_LISTS.map((key) => (
        <details key={key} className="care-list" open={lists[key].length <= OPEN_UP_TO}>
          <summary>{title(key)}</summary>
          {lists[key].length === 0 ? (
            <Caption1 block>{t.careEmpty}</Caption1>
          ) : (
            <ul aria-label={title(key)}>
              {lists[key].slice(0, SHOWN).map((e) => (
                <li key={e.member.row}>
                  <button type="button" className="problem" onClick={() => onMember(e)}>
                    {e.member.name}
                  </button>{" "}
                  <Caption1>
                    {e.member.id ?? t.noId}
                    {e.member.branch ? ` · ${e.member.branch}` : ""}
                  </Caption1>
                  <div>{careReasonText(e.reason, locale)}</div>
                  <Caption1 block>
                    {t.lastContact(e.lastContact ? e.lastContact.toISOString().slice(0, 10) : null)}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
      {lists.unlinkedContacts > 0 && (
        <Caption1 block>{t.unlinked(lists.unlinkedContacts)}</Caption1>
      )}
    </div>
  );
}
