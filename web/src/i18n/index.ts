// i18next set-up: every UI string lives in zh-CN.json (default) and en.json; the choice is kept in localStorage.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setRequestLanguage } from "../api/client";
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

// A module may keep its own strings next to its screens, in web/src/modules/<module>/i18n.zh-CN.json and
// i18n.en.json: each file's top-level keys join the translation (a key used twice is a mistake, reported below).
const moduleMessages = import.meta.glob<{ default: Record<string, unknown> }>("../modules/*/i18n.*.json", {
  eager: true,
});

/** The base strings of one language with every module's own strings added. */
function withModuleMessages(base: Record<string, unknown>, language: Language): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [path, file] of Object.entries(moduleMessages)) {
    if (!path.endsWith(`/i18n.${language}.json`)) continue;
    for (const [key, value] of Object.entries(file.default)) {
      if (key in merged) throw new Error(`i18n: ${path} redefines the top-level key "${key}"`);
      merged[key] = value;
    }
  }
  return merged;
}

void i18n.use(initReactI18next).init({
  resources: {
    "zh-CN": { translation: withModuleMessages(zhCN, "zh-CN") },
    en: { translation: withModuleMessages(en, "en") },
  },
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  returnNull: false,
});

// The server answers refusals in the language the user chose (Accept-Language on every request).
setRequestLanguage(i18n.language ?? storedLanguage());
i18n.on("languageChanged", (language) => setRequestLanguage(language));

export default i18n;
