/** Durable jobs: declare kinds (and schedules) in a module manifest, enqueue, report progress, read status. */
export * from "./jobs.definition";
export { enqueueJob, findJob, type JobRecord } from "./jobs.queue";
export { jobsModule, presentJob } from "./jobs.routes";
export {
  jobDefinitions,
  jobWorkerOptionsFromEnvironment,
  runDueJobs,
  startJobWorker,
  type JobWorker,
  type JobWorkerOptions,
} from "./jobs.worker";
