import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useTowns } from "../api/reference";

/** A function naming a 镇区 by code: 石岐区 in Chinese, "Shiqi" in English. */
export function useTownLabel(): (code: string | null | undefined) => string {
  const towns = useTowns().items;
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  return useCallback(
    (code) => {
      if (!code) return "";
      const town = towns.find((candidate) => candidate.code === code);
      if (!town) return code;
      return english ? town.pinyin : town.name;
    },
    [towns, english],
  );
}
