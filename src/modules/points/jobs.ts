/** The points module's jobs: the ranking run and the publication of a run, with progress for the web app. */
import { Type } from "typebox";
import { err, ok } from "../../core/result";
import { notFoundProblem } from "../../platform/http/command-reply";
import { defineJob } from "../../platform/jobs";
import { publishRun, runRanking } from "./commands/ranking";
import { findCycle, findRun } from "./repository";

const uuid = Type.String({ format: "uuid" });
const rankingStages = ["read", "allocate", "hash", "write"];

/** A points job must have been asked for by a person: the run and the lists record who. */
const noRequester = {
  code: "forbidden",
  message: "排名任务须由项目管理员提交 (a programme administrator must enqueue this job)",
};

/**
 * Runs the ranking of a cycle as a job (a new run, `completed`, for review). The run and the job's completion
 * commit together, so a run that died leaves no run behind and its repeat stores exactly one.
 */
export const rankingJob = defineJob<{ cycleId: string }>({
  kind: "points.ranking",
  title: "积分排名",
  payload: Type.Object({ cycleId: uuid }, { additionalProperties: false }),
  permission: "points.programme",
  dedupeKey: ({ cycleId }) => `points.ranking:${cycleId}`,
  run: async (trx, job) => {
    const actor = job.actor;
    if (!actor) return err(noRequester);
    const cycle = await findCycle(trx, job.payload.cycleId);
    if (!cycle) return err(notFoundProblem);
    job.progress(0, rankingStages.length, "read");
    const run = await runRanking(trx, { actor, requestId: job.requestId }, cycle, {
      onStage: (name) => {
        const done = rankingStages.indexOf(name) + 1;
        job.progress(done, rankingStages.length, rankingStages[done] ?? name);
      },
    });
    return run.ok ? ok({ runId: run.value.id, cycleId: cycle.id, sequence: run.value.sequence }) : run;
  },
});

/** Publishes a reviewed run as publicity lists, one list after another; a run is published once (conditional update). */
export const publishJob = defineJob<{ runId: string }>({
  kind: "points.publish",
  title: "发布积分排名公示",
  payload: Type.Object({ runId: uuid }, { additionalProperties: false }),
  permission: "points.programme",
  dedupeKey: ({ runId }) => `points.publish:${runId}`,
  run: async (trx, job) => {
    const actor = job.actor;
    if (!actor) return err(noRequester);
    const run = await findRun(trx, job.payload.runId);
    const cycle = run ? await findCycle(trx, run.cycle_id) : undefined;
    if (!run || !cycle) return err(notFoundProblem);
    const published = await publishRun(trx, { actor, requestId: job.requestId }, run, cycle, {
      onProgress: (done, total, label) => job.progress(done, total, label),
    });
    return published.ok ? ok({ runId: run.id, cycleId: cycle.id, lists: published.value.list_ids.length }) : published;
  },
});
