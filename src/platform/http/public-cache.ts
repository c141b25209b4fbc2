import { clockVersion, today } from "../../core/clock";
import { committedTransactions } from "../../db/transaction";

// Anonymous answers of public GET routes, kept in memory for a few seconds so that a crowd reading the portal's
// lists costs one query per list, not one per visitor. An answer is reused only while nothing has been committed
// by this process since it was computed (every command and job commits through src/db/transaction.ts), under the
// same clock and the same day, for the same URL and language; a second server process sees another process's
// writes after at most `ttlMs`, well within the minute browsers and proxies may keep the same answer
// (`Cache-Control: public, max-age=60`). Signed-in callers, errors, cookies and non-text answers are never kept.

/** One kept answer: the serialized body and the headers the route set. */
interface Kept {
  payload: string;
  headers: Record<string, string>;
  commits: number;
  clock: number;
  expires: number;
}

/** The headers of an answer that describe its body, replayed with it; the rest belong to one exchange. */
const bodyHeaders = ["content-type", "content-disposition"] as const;

/** The cache of one server: at most `maxEntries` answers of at most `maxBytes` characters each. */
export class PublicAnswerCache {
  private readonly entries = new Map<string, Kept>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 2_000,
    private readonly maxBytes = 1_000_000,
  ) {}

  /** The key of an anonymous request: day, language and URL (path and query). */
  static key(url: string, language: string): string {
    return `${today()}|${language}|${url}`;
  }

  /** A kept answer still current, or undefined. */
  get(key: string, at = Date.now()): Kept | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    if (kept.expires <= at || kept.commits !== committedTransactions() || kept.clock !== clockVersion()) {
      this.entries.delete(key);
      return undefined;
    }
    return kept;
  }

  /**
   * Keeps an answer computed while `commits` transactions had been committed (read when the request began, so a
   * write that committed during the request makes the answer stale at once).
   */
  set(key: string, payload: unknown, headers: Record<string, unknown>, commits: number, at = Date.now()): void {
    if (typeof payload !== "string" || payload.length > this.maxBytes || headers["set-cookie"] !== undefined) return;
    const kept: Record<string, string> = {};
    for (const name of bodyHeaders) if (typeof headers[name] === "string") kept[name] = headers[name];
    this.entries.delete(key);
    this.entries.set(key, { payload, headers: kept, commits, clock: clockVersion(), expires: at + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
