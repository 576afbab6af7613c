import { Button, Field, Input, Subtitle2, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { BulletinInput } from "../../core/docs/bulletin";
import { localTodayText } from "../../hosts/localClock";
import type { UiText } from "../i18n";
import { dayOfInput } from "./dateInput";

/** The three parts of a bulletin the form asks for, by their headings in 情况通报. */
const SECTIONS = [
  ["work", "工作动态"],
  ["enterprise", "企业情况"],
  ["situation", "形势通报"],
] as const;

type SectionKey = (typeof SECTIONS)[number][0];

/** 情况通报's form: date (default: today) and the text of each part (empty parts keep their hint). */
export function BulletinForm({
  t,
  busy,
  focused,
  onSubmit,
  onInvalid,
}: {
  t: UiText;
  busy: boolean;
  focused: boolean;
  onSubmit: (input: BulletinInput) => void;
  onInvalid: (message: string) => void;
}) {
  const [date, setDate] = useState(localTodayText());
  const [text, setText] = useState<Record<SectionKey, string>>({
    work: "",
    enterprise: "",
    situation: "",
  });
  const labels: Record<SectionKey, string> = {
    work: t.workNews,
    enterprise: t.enterprise,
    situation: t.situation,
  };
  const submit = () => {
    if (!date) return onInvalid(t.needDate);
    const sections: Record<string, string> = {};
    for (const [key, heading] of SECTIONS)
      if (text[key].trim()) sections[heading] = text[key].trim();
    onSubmit({ date: dayOfInput(date), sections });
  };
  return (
    <form
      className="form"
      onSubmit={(e) => (e.preventDefault(), submit())}
      data-focus={focused || undefined}
    >
      <Subtitle2 as="h2">{t.bulletinTitle}</Subtitle2>
      <Field label={t.bulletinDate} required>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      {SECTIONS.map(([key]) => (
        <Field key={key} label={labels[key]}>
          <Textarea
            value={text[key]}
            onChange={(_, d) => setText({ ...text, [key]: d.value })}
            resize="vertical"
          />
        </Field>
      ))}
      <Button appearance="primary" type="submit" disabled={busy}>
        {t.newBulletin}
      </Button>
    </form>
  );
}
