import { describe, expect, it } from "vitest";
import { publicityListLabel, publicityListState } from "./publicityLists";

const names: Record<string, string> = { shiqi: "石岐区", xiaolan: "小榄镇" };
const townLabel = (code: string) => names[code] ?? code;

describe("publicityListLabel", () => {
  it("names the 镇区, so lists with the same title are told apart", () => {
    const a = publicityListLabel(
      { title: "最低生活保障对象名单（2026-11）", townCode: "shiqi", version: 2 },
      townLabel,
      "版本",
    );
    const b = publicityListLabel(
      { title: "最低生活保障对象名单（2026-11）", townCode: "xiaolan", version: 2 },
      townLabel,
      "版本",
    );
    expect(a).toBe("最低生活保障对象名单（2026-11） · 石岐区 · 版本 2");
    expect(b).toBe("最低生活保障对象名单（2026-11） · 小榄镇 · 版本 2");
  });

  it("does not repeat a 镇区 the title already names, and leaves out the 镇区 of a city-wide list", () => {
    expect(
      publicityListLabel(
        { title: "石岐区最低生活保障对象名单（2026年11月）", townCode: "shiqi", version: 1 },
        townLabel,
        "版本",
      ),
    ).toBe("石岐区最低生活保障对象名单（2026年11月） · 版本 1");
    expect(publicityListLabel({ title: "积分入户名单", townCode: null, version: 3 }, townLabel, "version")).toBe(
      "积分入户名单 · version 3",
    );
  });
});

describe("publicityListState", () => {
  it("shows a list still in publicity after its end date as ended", () => {
    expect(publicityListState({ status: "publicised", periodEnded: false })).toBe("publicised");
    expect(publicityListState({ status: "publicised", periodEnded: true })).toBe("ended");
    expect(publicityListState({ status: "final", periodEnded: true })).toBe("final");
    expect(publicityListState({ status: "superseded", periodEnded: true })).toBe("superseded");
  });
});

describe("the list pages' strings", () => {
  it("name every shown state and the empty state in both languages", async () => {
    const i18n = (await import("../i18n")).default;
    await import("../modules/assistance/text.lists");
    (await import("../modules/points/i18n")).registerPointsStrings();
    for (const lng of ["zh-CN", "en"]) {
      for (const state of ["publicised", "ended", "final", "superseded"]) {
        expect(i18n.exists(`points.${state}`, { lng }), `${lng} points.${state}`).toBe(true);
        expect(i18n.exists(`assistance.lists.status.${state}`, { lng }), `${lng} assistance ${state}`).toBe(true);
      }
      expect(i18n.exists("points.noLists", { lng })).toBe(true);
      expect(i18n.exists("assistance.lists.none", { lng })).toBe(true);
    }
    expect(i18n.t("points.noLists", { lng: "zh-CN" })).toBe("暂无公示名单");
    expect(i18n.t("points.noLists", { lng: "en" })).toBe("No lists published yet");
    expect(i18n.t("points.ended", { lng: "zh-CN" })).toBe("公示期已结束");
  });
});
