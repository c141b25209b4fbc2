import { useState, type FocusEvent } from "react";
import { DatePicker, Form, type DatePickerProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import { useTranslation } from "react-i18next";

dayjs.extend(customParseFormat);

const formats = { date: "YYYY-MM-DD", month: "YYYY-MM" } as const;

/**
 * A DatePicker that does not drop a typed date silently: antd clears text that is not a date (2026-13-45) when
 * the field loses focus; this keeps it as an invalid date in the form (useSubmit refuses to send it, under this
 * field) and says so under the field at once.
 */
export function DateInput(props: DatePickerProps) {
  const { t } = useTranslation();
  const format = props.picker === "month" ? formats.month : formats.date;
  const { status } = Form.Item.useStatus();
  const [typed, setTyped] = useState<string | null>(null);
  const { value, onChange, onBlur, ...rest } = props as DatePickerProps & {
    value?: Dayjs | null;
    onChange?: (value: Dayjs | null, text: string | string[]) => void;
  };
  const invalid = dayjs.isDayjs(value) && !value.isValid();
  const blur = (event: FocusEvent<HTMLElement>) => {
    const text = (event.target as HTMLInputElement).value?.trim() ?? "";
    if (text && !dayjs(text, format, true).isValid()) {
      setTyped(text);
      onChange?.(dayjs(text, format, true), text);
    } else if (text === "" && invalid) {
      setTyped(null);
      onChange?.(null, "");
    }
    (onBlur as ((event: unknown) => void) | undefined)?.(event);
  };
  return (
    <>
      <DatePicker
        {...rest}
        format={rest.format ?? format}
        value={invalid ? null : value}
        status={invalid ? "error" : rest.status}
        aria-invalid={invalid || undefined}
        onChange={(next, text) => {
          setTyped(null);
          onChange?.(next, text);
        }}
        onBlur={blur}
      />
      {invalid && status !== "error" ? (
        <div className="ant-form-item-explain-error date-input-error" role="alert" data-testid="date-input-error">
          {t("error.invalidTypedDate", { text: typed ?? "" })}
        </div>
      ) : null}
    </>
  );
}
