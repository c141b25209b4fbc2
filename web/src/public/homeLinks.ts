// The public pages each service card of the home page links to: only pages that exist (issue 15: the home page
// advertised services without a way in). Plain data and a resolver, so a unit test checks every link.

/** The services the home page presents, in order. */
export const homeServices = [
  "points",
  "assistance",
  "participation",
  "procurement",
  "coordination",
  "privacy",
] as const;
export type HomeService = (typeof homeServices)[number];

/** A link of a service card: the page's path and, when its route has no header label, the label to show. */
export interface ServiceLink {
  /** Path under "/" of a public page ("points/self-check"), or "console" for a step that needs signing in. */
  path: string;
  labelKey?: string;
}

/** What each card links to. */
export const serviceLinks: Record<HomeService, readonly ServiceLink[]> = {
  points: [{ path: "points/self-check" }, { path: "points/lists" }],
  assistance: [{ path: "assistance/lists" }],
  participation: [
    { path: "campaigns" },
    { path: "tipoffs/report" },
    { path: "suggestions" },
    { path: "consultations" },
  ],
  procurement: [{ path: "services/qualified" }, { path: "services/stations" }],
  coordination: [
    { path: "portal" },
    { path: "portal/approvals", labelKey: "insight.portalApprovals" },
    { path: "portal/open-data", labelKey: "insight.portalOpenData" },
  ],
  // The resident downloads what is held about them from the console home, once signed in.
  privacy: [{ path: "console", labelKey: "public.myDataLink" }],
};

/** A resolved link: where it goes and the i18n key of its text. */
export interface ResolvedLink {
  to: string;
  labelKey: string;
}

/**
 * The links of each card that lead to a page the app has: a public route (its header label unless the link names
 * one) or the console. A link whose page is not there is left out rather than shown broken.
 */
export function resolveServiceLinks(
  publicRoutes: readonly { path: string; navLabelKey?: string }[],
): Record<HomeService, ResolvedLink[]> {
  const routes = new Map(publicRoutes.map((route) => [route.path, route]));
  const resolve = (link: ServiceLink): ResolvedLink | null => {
    if (link.path === "console") return link.labelKey ? { to: "/console", labelKey: link.labelKey } : null;
    const route = routes.get(link.path);
    const labelKey = link.labelKey ?? route?.navLabelKey;
    return route && labelKey ? { to: `/${link.path}`, labelKey } : null;
  };
  return Object.fromEntries(
    homeServices.map((service) => [
      service,
      serviceLinks[service].map(resolve).filter((link): link is ResolvedLink => link !== null),
    ]),
  ) as Record<HomeService, ResolvedLink[]>;
}
