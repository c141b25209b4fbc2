import type { AnyRoute } from "../../platform/http/route";
import { communityRoutes } from "./routes/communities.routes";
import { householdRoutes } from "./routes/households.routes";
import { organisationRoutes } from "./routes/organisations.routes";
import { personRoutes } from "./routes/persons.routes";
import { profileRoutes } from "./routes/profile.routes";
import { referenceRoutes } from "./routes/reference.routes";

/** The registry's route table (mounted under /api/v1). */
export const registryRoutes: readonly AnyRoute[] = [
  ...referenceRoutes,
  ...communityRoutes,
  ...personRoutes,
  ...householdRoutes,
  ...organisationRoutes,
  ...profileRoutes,
];
