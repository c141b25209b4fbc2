// Worker bootstrap of the load benchmark's clients: TypeScript through tsx's loader, then the clients themselves.
import { register } from "tsx/esm/api";

register();
await import("./clients.ts");
