// Reference lists (镇区, departments, communities) change rarely: fetched once per page load and shared.
import { useEffect, useState } from "react";
import { apiGet } from "./client";
import type { ApiResponse, ItemOf } from "./schema";
import type { Community, Department, Town } from "./types";

const cache = new Map<string, Promise<unknown>>();

function cached<T>(path: string): Promise<T> {
  let pending = cache.get(path);
  if (!pending) {
    pending = apiGet<T>(path).catch((error: unknown) => {
      cache.delete(path);
      throw error;
    });
    cache.set(path, pending);
  }
  return pending as Promise<T>;
}

function useCachedList<T>(path: string | null): { items: T[]; loading: boolean; failed: boolean } {
  const [state, setState] = useState<{ path: string | null; items: T[]; failed: boolean }>({
    path: null,
    items: [],
    failed: false,
  });
  useEffect(() => {
    if (path === null) return;
    let active = true;
    cached<T[] | { items: T[] }>(path)
      .then(
        (answer) => active && setState({ path, items: Array.isArray(answer) ? answer : answer.items, failed: false }),
      )
      .catch(() => active && setState({ path, items: [], failed: true }));
    return () => {
      active = false;
    };
  }, [path]);
  const current = state.path === path;
  return { items: current ? state.items : [], loading: path !== null && !current, failed: current && state.failed };
}

/** The 24 镇区. */
export function useTowns() {
  return useCachedList<Town>("/towns");
}

/** City departments (for verifier role grants). */
export function useDepartments() {
  return useCachedList<Department>("/departments");
}

/** Communities of one 镇区; nothing while no 镇区 is chosen. */
export function useCommunities(townCode: string | null | undefined) {
  return useCachedList<Community>(townCode ? `/towns/${encodeURIComponent(townCode)}/communities` : null);
}

/** Looks up a 镇区 name by code, falling back to the code. */
export function townName(towns: Town[], code: string | null | undefined): string {
  if (!code) return "";
  return towns.find((town) => town.code === code)?.name ?? code;
}

/** A year of the working-day calendar: official (from the State Council notice) or provisional (computed). */
export type CalendarYearInfo = ItemOf<ApiResponse<"/calendar/years">>;

/** The calendar's years around today, to mark deadlines that fall in a provisional year. */
export function useCalendarYears() {
  return useCachedList<CalendarYearInfo>("/calendar/years");
}
