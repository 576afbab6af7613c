import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { type MemberChoice, matchesMember } from "../../core/records/choices";
import type { UiText } from "../i18n";

/** How many matches are listed at once (a registry may hold thousands): typing narrows the list. */
const LISTED = 50;

/** A member as the list shows them: name, masked ID, branch. */
function MemberLabel({ m, t }: { m: MemberChoice; t: UiText }) {
  return (
    <span className="member">
      <span className="member-name">{m.name}</span>{" "}
      <span className="member-meta">
        {m.id ?? t.noId}
        {m.branch ? ` · ${m.branch}` : ""}
      </span>
    </span>
  );
}

/**
 * Members chosen from the registry: search by name (or the masked ID's digits), filter by branch;
 * several at once (check boxes, and "select the whole branch") or one (radio buttons). `chosen` is
 * the registry rows, kept in registry order.
 */
export function MemberPicker({
  t,
  label,
  members,
  multiple,
  chosen,
  onChange,
}: {
  t: UiText;
  label: string;
  members: MemberChoice[];
  multiple: boolean;
  chosen: number[];
  onChange: (rows: number[]) => void;
}) {
  const [query, setQuery] = useState("");
  const [branch, setBranch] = useState("");
  const branches = useMemo(() => [...new Set(members.flatMap((m) => m.branches))], [members]);
  const found = useMemo(
    () => members.filter((m) => matchesMember(m, query, branch || null)),
    [members, query, branch]
  );
  const isChosen = new Set(chosen);
  const named = members.filter((m) => isChosen.has(m.row));
  /** The rows in registry order. */
  const set = (rows: Set<number>) =>
    onChange(members.filter((m) => rows.has(m.row)).map((m) => m.row));
  const toggle = (row: number, on: boolean) => {
    const rows = new Set(chosen);
    if (on) rows.add(row);
    else rows.delete(row);
    set(rows);
  };
  const selectAll = () => set(new Set([...chosen, ...found.map((m) => m.row)]));
  const filtered = query.trim() !== "" || branch !== "";
  const listed = found.slice(0, LISTED);
  return (
    <fieldset className="picker">
      <legend>{label}</legend>
      <div className="row">
        <Field label={t.findMember} className="grow">
          <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        {branches.length > 1 && (
          <Field label={t.branch}>
            <Select value={branch} onChange={(_, d) => setBranch(d.value)}>
              <option value="">{t.allBranches}</option>
              {branches.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {multiple && filtered && found.length > 1 && (
        <div className="buttons">
          <Button size="small" onClick={selectAll}>
            {branch && query.trim() === ""
              ? t.selectBranch(found.length)
              : t.selectFound(found.length)}
          </Button>
        </div>
      )}
      <div className="picker-list">
        {found.length === 0 ? (
          <Caption1>{t.noMatch}</Caption1>
        ) : multiple ? (
          listed.map((m) => (
            <Checkbox
              key={m.row}
              checked={isChosen.has(m.row)}
              onChange={(_, d) => toggle(m.row, d.checked === true)}
              label={<MemberLabel m={m} t={t} />}
            />
          ))
        ) : (
          <RadioGroup
            value={chosen.length ? String(chosen[0]) : ""}
            onChange={(_, d) => onChange([Number(d.value)])}
            aria-label={label}
          >
            {listed.map((m) => (
              <Radio key={m.row} value={String(m.row)} label={<MemberLabel m={m} t={t} />} />
            ))}
          </RadioGroup>
        )}
        {found.length > LISTED && <Caption1 block>{t.moreMatches(found.length - LISTED)}</Caption1>}
      </div>
      <div className="chosen" aria-live="polite">
        <Caption1>
          {named.length
            ? t.chosen(
                named.slice(0, 5).map((m) => m.name),
                named.length
              )
            : t.noneChosen}
        </Caption1>
        {multiple && named.length > 0 && (
          <Button size="small" appearance="subtle" onClick={() => onChange([])}>
            {t.clearChosen}
          </Button>
        )}
      </div>
    </fieldset>
  );
}
