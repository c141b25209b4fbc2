import { createContext, useContext } from "react";
import type { Language } from "../i18n";

export interface LocaleState {
  language: Language;
  setLanguage: (language: Language) => void;
}

/** Holds the chosen language; provided by LocaleProvider. */
export const LocaleContext = createContext<LocaleState | null>(null);

/** The chosen UI language and the way to change it. */
export function useLocale(): LocaleState {
  const value = useContext(LocaleContext);
  if (!value) throw new Error("useLocale must be used inside LocaleProvider");
  return value;
}
