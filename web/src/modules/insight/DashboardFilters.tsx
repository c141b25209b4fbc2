// The filters the staff and public dashboards share: year, 镇区 (cleared = all), and the XLSX of what is shown.
import { Button, Select } from "antd";
import { FileExcelOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useTownLabel } from "../../components/useTownLabel";
import { yearOptions } from "./years";

export function YearFilter(props: { value: number; latestYear: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t("insight.year")}{" "}
      <Select
        aria-label={t("insight.year")}
        value={props.value}
        onChange={props.onChange}
        options={yearOptions(props.latestYear)}
        style={{ width: 100 }}
        data-testid="insight-year"
      />
    </label>
  );
}

export function TownFilter(props: {
  value: string | undefined;
  towns: readonly { code: string }[];
  onChange: (townCode: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  return (
    <label>
      {t("insight.town")}{" "}
      <Select
        aria-label={t("insight.town")}
        allowClear
        placeholder={t("insight.allTowns")}
        value={props.value}
        onChange={(value?: string) => props.onChange(value)}
        options={props.towns.map((town) => ({ value: town.code, label: townLabel(town.code) }))}
        style={{ width: 160 }}
        data-testid="insight-town"
      />
    </label>
  );
}

export function XlsxLink(props: { href: string }) {
  const { t } = useTranslation();
  return (
    <a href={props.href} download data-testid="insight-export-xlsx">
      <Button icon={<FileExcelOutlined />} tabIndex={-1}>
        {t("insight.exportXlsx")}
      </Button>
    </a>
  );
}
