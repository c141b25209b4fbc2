import type { AnyRoute } from "../../platform/http/route";
import { categoryRoutes } from "./routes/categories.routes";
import { keyRoutes } from "./routes/keys.routes";
import { tipoffRoutes } from "./routes/tipoffs.routes";

/** The tip-off module's route table (categories first: `/tipoffs/categories` before `/tipoffs/:id`). */
export const tipoffsRoutes: readonly AnyRoute[] = [...categoryRoutes, ...tipoffRoutes, ...keyRoutes];
