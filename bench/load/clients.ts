/**
 * The load benchmark's clients, in a worker thread of their own (bench/load/run.ts starts one per phase): real
 * clients are not in the server's process, and here they do not take the server's event loop either. `clients`
 * concurrent loops of requests until the deadline or each client's bound; the worker posts back every latency, how
 * many succeeded and, for the writes, which ID number each acknowledged person got. The requests go through
 * node:http with one kept-alive connection per client (as a browser or a proxy keeps its own): fetch (undici) took
 * several times the CPU per request, on the same two cores as the server and PostgreSQL, and its queueing showed in
 * the measured latencies (docs/benchmarks.md).
 */
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { generateIdNumber } from "../../src/core/id-number";

/** What a phase's clients do. */
export type ClientPhase =
  | { kind: "writes"; base: string; sessions: { cookie: string; csrf: string }[] }
  | { kind: "reads"; base: string; paths: string[] }
  /** A bare route of run.ts (the floor, the minimum), each client signed in when `sessions` is given. */
  | { kind: "bare"; base: string; path: string; region: string; sessions?: { cookie: string; csrf: string }[] };

/** The worker's input. */
export interface ClientsInput {
  phase: ClientPhase;
  clients: number;
  seconds: number;
  maxRequests: number;
}

/** The worker's answer. */
export interface ClientsOutput {
  latencies: number[];
  ok: number;
  elapsedMs: number;
  acknowledged: [string, string][];
  /** The first few failures, as said to the client (status and body, or the error): what went wrong, not just how often. */
  failures: string[];
}

/** A unique, valid ID number per (client, index): birth dates walk from 1950, the sequence takes the rest. */
export function idNumberFor(region: string, client: number, index: number, maxRequests: number): string {
  const serial = client * maxRequests + index;
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(serial / 1000) * 86_400_000).toISOString().slice(0, 10);
  return generateIdNumber(region, birth, serial % 1000);
}

/** One HTTP exchange: the status and the body parsed as JSON (null when it is not JSON). */
interface Answer {
  status: number;
  body: unknown;
}

function exchange(
  agent: Agent,
  url: string,
  method: "GET" | "POST",
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          parsed = null;
        }
        resolve({ status: incoming.statusCode ?? 0, body: parsed });
      });
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

async function run(input: ClientsInput): Promise<ClientsOutput> {
  const { phase, clients, seconds, maxRequests } = input;
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const acknowledged: [string, string][] = [];
  const failures: string[] = [];
  const failed = (what: string) => {
    if (failures.length < 5) failures.push(what);
    return false;
  };
  const step = async (client: number, index: number): Promise<boolean> => {
    try {
      if (phase.kind === "writes") {
        // Not the demo residents' region (442000): a generated number must never be one of theirs (a 409, not a write).
        const idNumber = idNumberFor("442097", client, index, maxRequests);
        const answer = await exchange(
          agent,
          `${phase.base}/api/v1/persons`,
          "POST",
          {
            "content-type": "application/json",
            cookie: phase.sessions[client].cookie,
            "x-csrf-token": phase.sessions[client].csrf,
          },
          JSON.stringify({ name: `压测${client}-${index}`, idNumber, townCode: "shiqi", hukouType: "local" }),
        );
        const id = (answer.body as { id?: unknown } | null)?.id;
        if (answer.status !== 201 || typeof id !== "string")
          return failed(`${answer.status} ${JSON.stringify(answer.body)}`);
        acknowledged.push([idNumber, id]);
        return true;
      }
      if (phase.kind === "reads") {
        // Behind a trusted proxy, each simulated visitor has an address of its own (see run.ts).
        const visitor = `10.${client}.${Math.floor(index / 250) % 250}.${index % 250}`;
        const path = phase.paths[(client + index) % phase.paths.length];
        const answer = await exchange(agent, `${phase.base}${path}`, "GET", { "x-forwarded-for": visitor });
        if (answer.status === 200 && typeof answer.body === "object" && answer.body !== null) return true;
        return failed(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      const session = phase.sessions?.[client];
      const answer = await exchange(
        agent,
        `${phase.base}${phase.path}`,
        "POST",
        { "content-type": "application/json", ...(session ? { cookie: session.cookie } : {}) },
        JSON.stringify({
          name: `底线${client}-${index}`,
          idNumber: idNumberFor(phase.region, client, index, maxRequests),
        }),
      );
      if (answer.status === 201 && typeof (answer.body as { id?: unknown } | null)?.id === "string") return true;
      return failed(`${answer.status} ${JSON.stringify(answer.body)}`);
    } catch (error) {
      return failed(String(error));
    }
  };
  const latencies: number[] = [];
  let ok = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let index = 0; index < maxRequests && performance.now() < deadline; index += 1) {
        const begun = performance.now();
        const succeeded = await step(client, index);
        latencies.push(performance.now() - begun);
        if (succeeded) ok += 1;
      }
    }),
  );
  agent.destroy();
  return { latencies, ok, elapsedMs: performance.now() - started, acknowledged, failures };
}

if (parentPort) parentPort.postMessage(await run(workerData as ClientsInput));
