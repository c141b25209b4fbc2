import { useCallback, useEffect, useState } from "react";
import { apiGet, ApiError, type RequestOptions } from "./client";

export interface ApiQuery<T> {
  /** The answer for the current path; kept while a new page or filter of the same path loads, never shown for another path. */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Loads again (after a save, or the reload button of a version conflict). */
  reload: () => void;
}

interface Loaded<T> {
  path: string;
  data: T | undefined;
  error: ApiError | null;
}

/** Loads `GET path` when path is set, again whenever path, query or refreshKey change; null path loads nothing. */
export function useApiQuery<T>(path: string | null, query?: RequestOptions["query"], refreshKey?: number): ApiQuery<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [pending, setPending] = useState(false);
  const [round, setRound] = useState(0);
  const queryKey = JSON.stringify(query ?? {});

  useEffect(() => {
    if (path === null) return;
    let active = true;
    setPending(true);
    apiGet<T>(path, JSON.parse(queryKey) as RequestOptions["query"])
      .then((answer) => active && setLoaded({ path, data: answer, error: null }))
      .catch((caught: unknown) => {
        if (!active) return;
        const error = caught instanceof ApiError ? caught : new ApiError(0, "unknown", String(caught), {}, {});
        setLoaded({ path, data: undefined, error });
      })
      .finally(() => active && setPending(false));
    return () => {
      active = false;
    };
  }, [path, queryKey, round, refreshKey]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  const current = loaded !== null && loaded.path === path;
  return {
    data: current ? loaded.data : undefined,
    error: current ? loaded.error : null,
    loading: path !== null && (pending || !current),
    reload,
  };
}
