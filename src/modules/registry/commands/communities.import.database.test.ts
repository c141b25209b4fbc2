import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../tests/helpers/database";
import { seedTestWorld } from "../../../../tests/helpers/fixtures";
import { inTransactionWhenOk } from "../../../db/transaction";
import { importCommunities, type CommunitiesFile } from "./communities.import";

// The communities and their centres, from a file (issue 15: the school application places from a community's
// centre; a deployment loads them this way). All or nothing by default; every bad row named.

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTestWorld(database.db);
});
afterAll(async () => {
  await database?.close();
});

const importFile = (file: CommunitiesFile) =>
  inTransactionWhenOk(database.db, (trx) =>
    importCommunities(trx, { actor: null, username: "cli", requestId: null }, file, "communities.csv"),
  );

const communities = () =>
  database.db.selectFrom("communities").select(["town_code", "name", "x", "y"]).orderBy("name").execute();

const auditCount = async () =>
  (
    await database.db
      .selectFrom("audit_entries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action", "=", "registry.communities.import")
      .executeTakeFirstOrThrow()
  ).n;

describe("importing communities", () => {
  it("refuses a file with bad rows, naming each, and stores nothing", async () => {
    const before = await communities();
    const csv = [
      "town_code,name,x,y",
      "shiqi,岐东社区,4800,200",
      "nowhere,某社区,1,1",
      "shiqi,半个坐标,100,",
      "shiqi,岐东社区,4800,200",
      "xiaolan,太远社区,99999999,0",
    ].join("\n");
    const result = await importFile({ csv });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("import_rows_invalid");
    expect((result.error as { fields?: Record<string, string> }).fields).toMatchObject({
      "rows.3.town_code": expect.stringContaining("没有镇区“nowhere”"),
      "rows.4.x": expect.stringContaining("同时填写"),
      "rows.5.name": expect.stringContaining("与第 2 行重复"),
      "rows.6.x": expect.stringContaining("坐标须为"),
    });
    expect(await communities()).toEqual(before);
    expect(Number(await auditCount())).toBe(0);
  });

  it("adds new communities, sets the position of known ones, and leaves a blank position unrecorded", async () => {
    const csv = "town_code,name,x,y\nshiqi,测试社区甲,120,-40\nshiqi,岐东社区,4800,200\nxiaolan,榄北社区,,\n";
    const result = await importFile({ csv });
    expect(result).toMatchObject({ ok: true, value: { rows: 3, created: 2, updated: 1, located: 2, refused: [] } });
    expect(await communities()).toEqual(
      expect.arrayContaining([
        { town_code: "shiqi", name: "测试社区甲", x: 120, y: -40 },
        { town_code: "shiqi", name: "岐东社区", x: 4800, y: 200 },
        { town_code: "xiaolan", name: "榄北社区", x: null, y: null },
      ]),
    );
    expect(Number(await auditCount())).toBe(1);
  });

  it("reads Chinese headers and a byte-order mark and, when asked, imports the good rows and reports the rest", async () => {
    const text = "\ufeff镇区代码,社区名称,x,y\r\nxiaolan,榄北社区,50000,300\r\nxiaolan,,1,1\r\n";
    const result = await importFile({ csvBase64: Buffer.from(text, "utf8").toString("base64"), mode: "good_rows" });
    expect(result).toMatchObject({ ok: true, value: { rows: 1, created: 0, updated: 1, located: 1 } });
    if (!result.ok) return;
    expect(result.value.refused).toEqual([{ row: 3, column: "name", message: expect.stringContaining("1至100个字") }]);
    expect((await communities()).find((row) => row.name === "榄北社区")).toMatchObject({ x: 50000, y: 300 });
  });
});
