import { describe, expect, it } from "vitest";
import i18n from "../i18n";
import { consoleModules } from "../modules";
import { portalItems } from "../modules/insight/PortalPage";
import { homeServices, resolveServiceLinks, serviceLinks } from "./homeLinks";

const publicRoutes = consoleModules.flatMap((module) => module.publicRoutes ?? []);

describe("the home page's service links", () => {
  it("lead every card to at least one page, and every listed page exists", () => {
    const resolved = resolveServiceLinks(publicRoutes);
    for (const service of homeServices) {
      expect(resolved[service].length, service).toBeGreaterThan(0);
      expect(resolved[service].length, `${service}: a listed page is missing`).toBe(serviceLinks[service].length);
    }
    expect(resolved.participation.map((link) => link.to)).toEqual([
      "/campaigns",
      "/tipoffs/report",
      "/suggestions",
      "/consultations",
    ]);
    expect(resolved.points).toEqual([
      { to: "/points/self-check", labelKey: "nav.selfCheck" },
      { to: "/points/lists", labelKey: "nav.lists" },
    ]);
  });

  it("have a text in both languages", () => {
    for (const service of homeServices)
      for (const link of resolveServiceLinks(publicRoutes)[service])
        for (const lng of ["zh-CN", "en"])
          expect(i18n.exists(link.labelKey, { lng }), `${lng} ${link.labelKey}`).toBe(true);
  });

  it("leaves out a link whose page the app does not have", () => {
    const resolved = resolveServiceLinks(publicRoutes.filter((route) => route.path !== "consultations"));
    expect(resolved.participation.map((link) => link.to)).not.toContain("/consultations");
    expect(resolveServiceLinks([]).points).toEqual([]);
  });
});

describe("the portal's links", () => {
  it("lead to public pages the app has, suggestions, consultations, campaigns and qualified providers among them", () => {
    const paths = new Set(publicRoutes.map((route) => `/${route.path}`));
    for (const item of portalItems) expect(paths.has(item.to), item.to).toBe(true);
    expect(portalItems.map((item) => item.to)).toEqual(
      expect.arrayContaining(["/suggestions", "/consultations", "/campaigns", "/services/qualified"]),
    );
  });
});
