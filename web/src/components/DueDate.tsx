// A date counted in working days (a deadline, the end of a publicity). When it falls in a year whose official
// holiday notice is not out yet, the server computes it from the statutory rules: the date carries the tag 暂定
// with the reason, because it may move when the notice comes.
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useCalendarYears } from "../api/reference";

/** The tag 暂定 (provisional) with its reason, when a date's year has no official holiday notice yet; else nothing. */
export function ProvisionalTag({ date }: { date: string | null | undefined }) {
  const { t } = useTranslation();
  const { items } = useCalendarYears();
  if (!date || items.length === 0) return null;
  const year = Number(date.slice(0, 4));
  const listed = items.find((entry) => entry.year === year);
  const provisional = listed ? listed.provisional : year > Math.max(...items.map((entry) => entry.year));
  if (!provisional) return null;
  const hint = t("calendar.provisionalHint", { year });
  return (
    <Tooltip title={hint}>
      <Tag
        color="gold"
        style={{ marginInlineStart: 6 }}
        data-testid="due-provisional"
        aria-label={`${t("calendar.provisional")}: ${hint}`}
      >
        {t("calendar.provisional")}
      </Tag>
    </Tooltip>
  );
}

/** Shows a date, tagged 暂定 (provisional) when its year has no official holiday notice yet. */
export function DueDate({ date }: { date: string | null | undefined }) {
  if (!date) return <>—</>;
  return (
    <>
      {date}
      <ProvisionalTag date={date} />
    </>
  );
}
