import { Field, Select } from "@fluentui/react-components";

/**
 * A field choosing one of a code table's values (活动类型, 是否采纳), each shown in the pane's
 * language; `keep` offers the cell's own value first, to leave it as it is.
 */
export function CodeSelect<T extends string>({
  label,
  value,
  values,
  labelOf,
  onChange,
  keep,
}: {
  label: string;
  value: string;
  values: readonly T[];
  labelOf: (v: T) => string;
  onChange: (value: string) => void;
  keep?: string;
}) {
  return (
    <Field label={label} className="grow">
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {keep !== undefined && <option value="">{keep}</option>}
        {values.map((x) => (
          <option key={x} value={x}>
            {labelOf(x)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
