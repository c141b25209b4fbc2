import { Segmented } from "antd";
import { useLocale } from "./LocaleContext";

/** 中文 / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLocale();
  return (
    <Segmented
      size="small"
      data-testid="language-switch"
      value={language}
      onChange={(value) => setLanguage(value as typeof language)}
      options={[
        { label: "中文", value: "zh-CN" },
        { label: "EN", value: "en" },
      ]}
    />
  );
}
