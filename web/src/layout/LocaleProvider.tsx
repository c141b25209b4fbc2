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
 * the grey of description labels, table headers and cards; placeholders (25 % black, 1.6:1) likewise.
 */
const readableGreys = {
  colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
  colorTextSecondary: "rgba(0, 0, 0, 0.65)",
  colorTextTertiary: "rgba(0, 0, 0, 0.62)",
  colorTextDescription: "rgba(0, 0, 0, 0.62)",
};

/**
 * Links in the brand blue: antd colours links with its info blue #1677ff, 4.1:1 on white (under WCAG AA's 4.5:1
 * for normal text); #1d5fa0 reaches 6.5:1, its hover and active shades more.
 */
const readableLinks = {
  colorLink: "#1d5fa0",
  colorLinkHover: "#174c80",
  colorLinkActive: "#123b63",
};

/**
 * Status colours as text: antd's red (#ff4d4f, 3.3:1 on white) colours danger link buttons (删除, 移除) and its
 * gold (#faad14, 2:1) warning text; these darker seeds reach 4.5:1, and antd derives their light backgrounds
 * (alerts, tags) from them as before.
 */
const readableStatus = {
  colorError: "#cf1322",
  colorWarningText: "#874d00",
};

/** An empty table's or list's "暂无数据" is text to read, not a disabled control. */
const readableEmpty = { colorTextDisabled: "rgba(0, 0, 0, 0.6)" };

const requiredZh = { required: "${label}为必填项" };
const requiredEn = { required: "${label} is required" };

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
          token: { colorPrimary: "#1d5fa0", borderRadius: 4, ...readableLinks, ...readableGreys, ...readableStatus },
          // An empty list's or table's "no data" text is antd's disabled grey (25 % black, 1.6:1): a readable grey.
          components: { Tag: accessibleTagColours, List: readableEmpty, Table: readableEmpty, Empty: readableEmpty },
        }}
        button={{ autoInsertSpace: false }}
        // antd's default for a required field is "请输入…", wrong for a choice (a 镇区 picked from a list): one
        // wording that fits inputs and selects alike. `${label}` is antd's placeholder, not a JavaScript template.
        form={{ validateMessages: language === "zh-CN" ? requiredZh : requiredEn }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
