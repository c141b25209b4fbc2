// i18next set-up: every UI string lives in zh-CN.json (default) and en.json; the choice is kept in localStorage.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import zhCN from "./zh-CN.json";
import en from "./en.json";

/** The UI languages: Simplified Chinese (default) and English. */
export const languages = ["zh-CN", "en"] as const;
export type Language = (typeof languages)[number];

const storageKey = "gongzhi.language";

/** The language the user chose last time, or zh-CN. */
export function storedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(storageKey);
    return saved === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

/** Keeps the user's language for the next visit. */
export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
