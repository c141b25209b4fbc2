import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import enUS from "antd/locale/en_US";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18n, { rememberLanguage, storedLanguage, type Language } from "../i18n";
import { LocaleContext } from "./LocaleContext";

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
        theme={{ token: { colorPrimary: "#1d5fa0", borderRadius: 4 } }}
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
