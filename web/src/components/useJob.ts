import { useCallback, useEffect, useRef, useState } from "react";
import { apiGet, apiPost, ApiError } from "../api/client";
import type { ApiBody, ApiResponse } from "../api/schema";

/** A job as `GET /jobs/{id}` answers it: status, progress, result or error. */
export type Job = ApiResponse<"/jobs/{id}">;
type EnqueueBody = ApiBody<"/jobs", "post">;

/** How often a running job is asked for its progress. */
const pollMs = 800;

/** The failure of a job as an ApiError, so forms show it like any refused request (field included). */
export function jobError(job: Job): ApiError | null {
  if (job.status !== "failed" || !job.error) return null;
  const { code, message, field } = job.error;
  return new ApiError(409, code, message, field ? { [field]: message } : {}, { error: job.error });
}

/**
 * Enqueues a long operation as a job (`POST /jobs`) and follows it (`GET /jobs/{id}`) until it ends; `onDone` is
 * told the job that ended (succeeded or failed). Asking twice for the same work follows the one open job.
 */
export function useJob(onDone?: (job: Job) => void) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const done = useRef(onDone);
  done.current = onDone;
  const running = job !== null && (job.status === "queued" || job.status === "running");

  useEffect(() => {
    if (!job || !running) return;
    let active = true;
    const timer = setTimeout(() => {
      apiGet<Job>(`/jobs/${job.id}`)
        .then((next) => {
          if (!active) return;
          setJob(next);
          if (next.status === "succeeded" || next.status === "failed") {
            setError(jobError(next));
            done.current?.(next);
          }
        })
        .catch((caught: unknown) => active && setError(caught));
    }, pollMs);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [job, running]);

  const start = useCallback(async (kind: EnqueueBody["kind"], payload: EnqueueBody["payload"]) => {
    setError(null);
    try {
      const answer = await apiPost<ApiResponse<"/jobs", "post">>("/jobs", { kind, payload });
      setJob(answer.job);
    } catch (caught) {
      setError(caught);
    }
  }, []);

  return { job, running, error, start };
}
