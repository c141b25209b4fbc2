// How a published list is named and labelled on the public pages (积分公示名单, 低保公示): plain helpers, tested.

/** The fields of a list header these helpers read (GET /public/publicity/lists). */
export interface ListHeader {
  title: string;
  townCode: string | null;
  version: number;
  status: "publicised" | "final" | "superseded";
  /** Whether the publicity period is over by the server's clock. */
  periodEnded: boolean;
}

/**
 * The label of a list in the list selector: its title, its 镇区 when the title does not already name it (lists of
 * several 镇区 share a title), and its version: `最低生活保障申请公示（DB2026-000004） · 石岐区 · 版本 1`.
 */
export function publicityListLabel(
  list: Pick<ListHeader, "title" | "townCode" | "version">,
  townLabel: (code: string) => string,
  versionWord: string,
): string {
  const town = list.townCode ? townLabel(list.townCode) : "";
  const parts = [list.title];
  if (town && !list.title.includes(town)) parts.push(town);
  parts.push(`${versionWord} ${list.version}`);
  return parts.join(" · ");
}

/** The state shown for a list: `ended` for a list still 公示中 whose period is over (awaiting its final version). */
export function publicityListState(
  list: Pick<ListHeader, "status" | "periodEnded">,
): "publicised" | "ended" | "final" | "superseded" {
  return list.status === "publicised" && list.periodEnded ? "ended" : list.status;
}

/** The tag colour of each shown state. */
export const publicityStateColor: Record<ReturnType<typeof publicityListState>, string> = {
  publicised: "blue",
  ended: "orange",
  final: "green",
  superseded: "default",
};
