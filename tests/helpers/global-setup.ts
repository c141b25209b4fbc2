import { prepareTemplate } from "./template";

/** Vitest global setup: one migrated template database for the whole run (see template.ts). */
export default async function setup(): Promise<void> {
  await prepareTemplate();
}
