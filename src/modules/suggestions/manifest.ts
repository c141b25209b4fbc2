import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { suggestionDeadlines } from "./deadlines";
import { suggestionIndicators, suggestionOpenData } from "./insight";
import { suggestionRoutes } from "./routes";
import { seedSuggestions } from "./seeds";

/** The suggestions module's permissions; reading ideas is public. */
export const suggestionsPermissions = definePermissions({
  "suggestions.propose": {
    roles: ["resident"],
    rule: (actor) => actor.personId !== null,
    description: "提出金点子（须已关联人员）(propose an idea: residents linked to a person)",
  },
  "suggestions.support": {
    roles: ["resident"],
    rule: (actor) => actor.personId !== null,
    description: "支持金点子，每人一次 (support an idea, once per person)",
  },
  "suggestions.answer": {
    roles: ["verifier", "programme_admin"],
    description:
      "审议、公开答复金点子并记录落实进展（核查人员限本部门）(review, answer and record progress: the owning department)",
  },
  "suggestions.settings": {
    roles: ["programme_admin"],
    description: "设置金点子支持门槛和答复期限 (set the support threshold and the answer deadline)",
  },
});

/** Suggestions (金点子): residents propose and support ideas; the owning department answers publicly. */
export const suggestionsModule: ModuleManifest = {
  name: "suggestions",
  routes: suggestionRoutes,
  permissions: suggestionsPermissions,
  seeds: seedSuggestions,
  deadlines: suggestionDeadlines,
  indicators: suggestionIndicators,
  openData: suggestionOpenData,
};
