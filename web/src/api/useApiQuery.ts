import { useCallback, useEffect, useState } from "react";
import { apiGet, ApiError, type RequestOptions } from "./client";

export interface ApiQuery<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Loads again (after a save, or the reload button of a version conflict). */
  reload: () => void;
}

/** Loads `GET path` when path is set, again whenever path, query or refreshKey change; null path loads nothing. */
export function useApiQuery<T>(path: string | null, query?: RequestOptions["query"], refreshKey?: number): ApiQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [round, setRound] = useState(0);
  const queryKey = JSON.stringify(query ?? {});

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    let active = true;
    setLoading(true);
    apiGet<T>(path, JSON.parse(queryKey) as RequestOptions["query"])
      .then((answer) => {
        if (!active) return;
        setData(answer);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!active) return;
        setError(caught instanceof ApiError ? caught : new ApiError(0, "unknown", String(caught), {}, {}));
      })
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [path, queryKey, round, refreshKey]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data, error, loading, reload };
}
