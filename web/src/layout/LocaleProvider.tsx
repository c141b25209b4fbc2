import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import enUS from "antd/locale/en_US";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18n, { rememberLanguage, storedLanguage, type Language } from "../i18n";
import { LocaleContext } from "./LocaleContext";

/**
 * Tag text colours that reach the 4.5:1 contrast of WCAG AA on the tag's light background. antd colours a preset
 * tag's text with the palette's 7th shade (orange, gold, green, lime, cyan and volcano stay near 3:1) and a status
 * tag's with the status colour itself (about 2:1); the Tag's own tokens take darker shades of the same palettes.
 */
const accessibleTagColours = {
  orange7: "#ad4e00",
  gold7: "#874d00",
  green7: "#237804",
  lime7: "#3f6600",
  cyan7: "#006d75",
  volcano7: "#ad2102",
  colorSuccess: "#237804",
  colorWarning: "#874d00",
  colorError: "#a8071a",
  colorInfo: "#0958d9",
};

/**
 * Secondary, tertiary and description text one step darker than antd's 45 % black, which falls under 4.5:1 on
 * the grey of description labels, table headers and cards.
 */
const readableGreys = {
  colorTextSecondary: "rgba(0, 0, 0, 0.65)",
  colorTextTertiary: "rgba(0, 0, 0, 0.62)",
  colorTextDescription: "rgba(0, 0, 0, 0.62)",
};

/**
 * Links and danger buttons: antd colours links with its info blue (#1677ff, 4.1:1 on white) rather than the
 * primary colour, and danger text with #ff4d4f (3.3:1); both take the darker shades used elsewhere.
 */
const readableAccents = { colorLink: "#1d5fa0", colorLinkHover: "#174b7e", colorError: "#a8071a" };

/** An empty table's "暂无数据" is text to read, not a disabled control: antd greys it at 25 % black (1.6:1). */
const readableEmpty = { colorTextDisabled: "rgba(0, 0, 0, 0.6)" };

/** antd ConfigProvider + i18next + dayjs locale, zh-CN by default, switchable to English. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  useEffect(() => {
    void i18n.changeLanguage(language);
    dayjs.locale(language === "zh-CN" ? "zh-cn" : "en");
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider
        locale={language === "zh-CN" ? zhCN : enUS}
        theme={{
          token: { colorPrimary: "#1d5fa0", borderRadius: 4, ...readableGreys, ...readableAccents },
          components: { Tag: accessibleTagColours, Table: readableEmpty, Empty: readableEmpty },
        }}
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
