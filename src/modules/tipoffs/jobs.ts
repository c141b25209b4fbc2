/** The tip-offs module's jobs: the daily report of verified-tip counts to the points scheme. */
import { defineJob } from "../../platform/jobs";
import { refreshUsername, refreshVerifiedTipFacts } from "./commands/points.refresh";

export const verifiedTipsJob = defineJob<Record<string, never>>({
  kind: "tipoffs.points-facts",
  title: "向积分制报送经核实的举报线索数",
  every: { minutes: 24 * 60 },
  run: (trx, job) => refreshVerifiedTipFacts(trx, { actor: null, username: refreshUsername, requestId: job.requestId }),
});
