/**
 * What the dashboard, the open data and the inbox gained from the modules over the demo data: the share of migrants'
 * children placed in public schools through points and the approval items promised faster than their statutory
 * limit (computed from the seeded records, and following a change to them); the open datasets of suggestions,
 * consultations, campaigns, qualified vendors, service awards and fund results (their content matches the modules'
 * public pages, and they carry no personal data); vendors' recommendations awaiting a decision as inbox tasks of the
 * deciding officers.
 */
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays } from "../../src/core/calendar";
import { resetClock, setClock, today } from "../../src/core/clock";
import { parseCsvRecords } from "../../src/core/csv";
import { demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { clearOpenDataCache } from "../../src/modules/insight/opendata";
import { recommendationDecisionWorkingDays } from "../../src/modules/services/recommendation-deadlines";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { signIn, type Session } from "../helpers/fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 400 });
  app = await buildApp({ db: database.db, webDist: "/nonexistent", loginRateLimitPerMinute: 1000 });
  admin = await signIn(app, "programme.admin", demoPassword);
  clearOpenDataCache();
}, 240_000);

afterAll(async () => {
  resetClock();
  await app?.close();
  await database?.close();
});

interface DashboardIndicator {
  id: string;
  goal: string;
  status: string;
  city: number | null;
  towns: { townCode: string; value: number }[];
}

async function indicator(id: string, year: number, townCode?: string): Promise<DashboardIndicator> {
  const query = `year=${year}${townCode ? `&townCode=${townCode}` : ""}`;
  const response = await admin.request("GET", `/api/v1/insight/indicators?${query}`);
  expect(response.statusCode).toBe(200);
  return (response.json() as { indicators: DashboardIndicator[] }).indicators.find((item) => item.id === id)!;
}

const share = (part: number, whole: number) => Math.round((10000 * part) / whole);

describe("the migrants' children placed in public schools (fairness)", () => {
  it("is the share of the year's school applicants holding an accepted place in the latest published run", async () => {
    const run = await sql<{ id: string; year: number }>`select r.id, c.year from points_runs r
      join points_cycles c on c.id = r.cycle_id where r.status in ('published', 'final')
      order by c.year desc, r.sequence desc limit 1`.execute(database.db);
    expect(run.rows).toHaveLength(1);
    const { id: runId, year } = run.rows[0];
    const results = await sql<{ application_id: string; town_code: string; outcome: string }>`select
        application_id, town_code, outcome from points_run_results where run_id = ${runId} and purpose = 'school'`.execute(
      database.db,
    );
    const perTown = new Map<string, { applied: number; admitted: string[] }>();
    for (const row of results.rows) {
      const town = perTown.get(row.town_code) ?? { applied: 0, admitted: [] };
      town.applied += 1;
      if (row.outcome === "admitted") town.admitted.push(row.application_id);
      perTown.set(row.town_code, town);
    }
    const [townCode, town] = [...perTown].sort((a, b) => b[1].admitted.length - a[1].admitted.length)[0];
    expect(town.admitted.length).toBeGreaterThan(1);
    expect(town.admitted.length).toBeLessThan(town.applied);

    const before = await indicator("points.migrant_children_public_share", year);
    expect(before).toMatchObject({ goal: "fairness", status: "available" });
    expect(before.towns.find((row) => row.townCode === townCode)!.value).toBe(
      share(town.admitted.length, town.applied),
    );
    const applied = results.rows.length;
    const admitted = results.rows.filter((row) => row.outcome === "admitted").length;
    expect(before.city).toBe(share(admitted, applied));

    // A parent who refuses the placement no longer counts as placed.
    await sql`update points_applications set placement_refused_on = ${today()}
      where id = ${town.admitted[0]}`.execute(database.db);
    const after = await indicator("points.migrant_children_public_share", year);
    expect(after.towns.find((row) => row.townCode === townCode)!.value).toBe(
      share(town.admitted.length - 1, town.applied),
    );
    expect(after.city).toBe(share(admitted - 1, applied));
    const scoped = await indicator("points.migrant_children_public_share", year, townCode);
    expect(scoped.city).toBe(share(town.admitted.length - 1, town.applied));
    // A year without a published run has no figure.
    const empty = await indicator("points.migrant_children_public_share", year - 5);
    expect(empty).toMatchObject({ status: "available", city: null, towns: [] });
  });
});

describe("approval items promised faster than their statutory limit (rule of law)", () => {
  it("is the share of kept items with both limits whose promised limit is shorter, from the catalogue", async () => {
    const items = await sql<{ code: string; statutory_days: number; promised_days: number }>`select code,
        statutory_days, promised_days from approval_items where status = 'kept'
        and statutory_days is not null and promised_days is not null order by code`.execute(database.db);
    expect(items.rows.length).toBeGreaterThan(10);
    const shorter = items.rows.filter((item) => item.promised_days < item.statutory_days);
    const year = Number(today().slice(0, 4));
    const before = await indicator("approvals.on_time", year);
    expect(before).toMatchObject({ goal: "rule_of_law", status: "available", towns: [] });
    expect(before.city).toBe(share(shorter.length, items.rows.length));

    // An item whose promise equals the law's limit does not count as faster.
    await sql`update approval_items set promised_days = statutory_days where code = ${shorter[0].code}`.execute(
      database.db,
    );
    const after = await indicator("approvals.on_time", year);
    expect(after.city).toBe(share(shorter.length - 1, items.rows.length));
    expect(after.city).toBeLessThan(before.city!);
  });
});

/** A dataset's CSV (checked: BOM, parses, same rows as its JSON, columns as its dictionary) and its JSON rows. */
async function dataset(id: string): Promise<{ rows: Record<string, unknown>[]; csv: string }> {
  const csv = await app.inject({ method: "GET", url: `/open-data/${id}.csv` });
  expect(csv.statusCode, id).toBe(200);
  expect(csv.body.startsWith("\uFEFF"), id).toBe(true);
  const records = parseCsvRecords(csv.body.slice(1));
  expect(records.ok, id).toBe(true);
  const json = (await app.inject({ method: "GET", url: `/open-data/${id}.json` })).json() as {
    rows: Record<string, unknown>[];
  };
  const dictionary = (await app.inject({ method: "GET", url: `/open-data/${id}.dictionary.json` })).json() as {
    columns: { name: string; description: { zh: string; en: string } }[];
  };
  if (records.ok) {
    expect(records.value.length, id).toBe(json.rows.length);
    if (records.value.length > 0)
      expect(Object.keys(records.value[0]), id).toEqual(dictionary.columns.map((column) => column.name));
  }
  for (const column of dictionary.columns)
    expect(column.description.zh.length, `${id}.${column.name}`).toBeGreaterThan(0);
  return { rows: json.rows, csv: csv.body };
}

describe("the new open datasets", () => {
  it("are listed in the catalogue with stable URLs", async () => {
    const catalog = (await app.inject({ method: "GET", url: "/open-data/catalog.json" })).json() as {
      datasets: { id: string; csv: string; json: string; dictionary: string; updated: string | null }[];
    };
    for (const id of [
      "suggestions",
      "consultations",
      "participation-campaigns",
      "services-qualified-vendors",
      "services-awards",
      "fund-results",
    ]) {
      const entry = catalog.datasets.find((item) => item.id === id);
      expect(entry, id).toMatchObject({
        csv: `/open-data/${id}.csv`,
        json: `/open-data/${id}.json`,
        dictionary: `/open-data/${id}.dictionary.json`,
      });
      expect(entry!.updated, id).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it("publishes every suggestion with its counts, state and answer, but not who proposed or supported it", async () => {
    const { rows, csv } = await dataset("suggestions");
    const stored = await sql<{ reference: string; support_count: number; state: string; name: string }>`select
        s.reference, s.support_count, s.state, p.name from suggestions s
        join persons p on p.id = s.proposer_person_id`.execute(database.db);
    expect(rows.length).toBe(stored.rows.length);
    expect(rows.length).toBeGreaterThan(0);
    for (const suggestion of stored.rows) {
      const row = rows.find((item) => item.reference === suggestion.reference)!;
      expect(row).toMatchObject({ support_count: suggestion.support_count, state: suggestion.state });
      expect(csv).not.toContain(suggestion.name);
    }
    const supporters = await sql<{ name: string }>`select distinct p.name from suggestion_supports s
      join persons p on p.id = s.person_id`.execute(database.db);
    for (const supporter of supporters.rows.filter((row) => row.name.length >= 3))
      expect(csv).not.toContain(supporter.name);
  });

  it("publishes the public consultations with their reports and decisions, not community deliberations", async () => {
    // The demo's closed draft gets its report (its comments answered in two groups) and its decision.
    const draft = await sql<{ id: string }>`select id from consultations where kind = 'public'
      and closes_on < ${today()} and report_published_on is null order by reference limit 1`.execute(database.db);
    const comments = await sql<{ id: string }>`select id from consultation_comments
      where consultation_id = ${draft.rows[0].id} and hidden_at is null order by created_at`.execute(database.db);
    expect(comments.rows.length).toBeGreaterThan(1);
    const officer = await signIn(app, "policy.officer", demoPassword);
    const ids = comments.rows.map((row) => row.id);
    const report = await officer.request("POST", `/api/v1/consultations/${draft.rows[0].id}/report`, {
      summary: "共收到意见若干条，已逐条研究",
      items: [
        { commentIds: ids.slice(0, 1), summary: "建议放宽条件", outcome: "adopted", response: "已采纳" },
        { commentIds: ids.slice(1), summary: "其他意见", outcome: "not_adopted", response: "暂不采纳，理由见说明" },
      ],
    });
    expect(report.statusCode, report.body).toBe(200);
    const decision = await officer.request("POST", `/api/v1/consultations/${draft.rows[0].id}/decision`, {
      title: "关于印发积分制管理规定的通知",
      text: "经征求意见，现印发施行。",
    });
    expect(decision.statusCode, decision.body).toBe(200);
    clearOpenDataCache();

    const { rows, csv } = await dataset("consultations");
    const publicOnes = await sql<{
      reference: string;
    }>`select reference from consultations where kind = 'public'`.execute(database.db);
    const community = await sql<{ reference: string }>`select reference from consultations
      where kind = 'community'`.execute(database.db);
    expect(rows.map((row) => row.reference).sort()).toEqual(publicOnes.rows.map((row) => row.reference).sort());
    for (const row of community.rows) expect(csv).not.toContain(row.reference);
    // Each row agrees with the consultation's public page.
    const list = (await app.inject({ method: "GET", url: "/api/v1/consultations" })).json() as {
      items: { id: string; reference: string; status: string; commentCount: number }[];
    };
    for (const row of rows) {
      const page = list.items.find((item) => item.reference === row.reference)!;
      expect(row).toMatchObject({ status: page.status, comment_count: page.commentCount });
      const full = (await app.inject({ method: "GET", url: `/api/v1/consultations/${page.id}` })).json() as {
        report: { items: { outcome: string }[] } | null;
        decision: { title: string } | null;
      };
      expect(row.decision_title).toBe(full.decision?.title ?? null);
      expect(row.items_adopted).toBe(
        full.report ? full.report.items.filter((item) => item.outcome === "adopted").length : null,
      );
    }
    const decided = rows.find((row) => row.status === "decided")!;
    expect(decided).toMatchObject({
      items_adopted: 1,
      items_partly_adopted: 0,
      items_not_adopted: 1,
      decision_title: "关于印发积分制管理规定的通知",
      report_published_on: today(),
    });
    const commenters = await sql<{ name: string }>`select distinct p.name from consultation_comments k
      join persons p on p.id = k.person_id`.execute(database.db);
    for (const commenter of commenters.rows.filter((row) => row.name.length >= 3))
      expect(csv).not.toContain(commenter.name);
  });

  it("publishes each campaign's figures as its public page gives them, small counts shown as <5", async () => {
    const { rows } = await dataset("participation-campaigns");
    const campaigns = (await app.inject({ method: "GET", url: "/api/v1/participation/campaigns" })).json() as {
      items: { code: string }[];
    };
    expect(rows.map((row) => row.code)).toEqual(campaigns.items.map((item) => item.code));
    const shown = (count: number) => (count > 0 && count < 5 ? "<5" : String(count));
    let served = 0;
    for (const row of rows) {
      const figures = (
        await app.inject({ method: "GET", url: `/api/v1/participation/campaigns/${String(row.code)}/figures` })
      ).json() as { participants: number; hours: string; partyMemberParticipants: number };
      expect(row).toMatchObject({
        participants: shown(figures.participants),
        hours: Number(figures.hours),
        party_member_participants: shown(figures.partyMemberParticipants),
      });
      served += figures.participants;
    }
    expect(served).toBeGreaterThan(0);
  });

  it("publishes the qualified vendors without their legal representative or credit code", async () => {
    const { rows, csv } = await dataset("services-qualified-vendors");
    const list = (await app.inject({ method: "GET", url: "/api/v1/services/vendors/qualified" })).json() as {
      items: { name: string; qualifiedUntil: string; qualifications: string[] }[];
    };
    expect(rows.length).toBe(list.items.length);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const vendor of list.items)
      expect(rows.find((row) => row.name === vendor.name)).toMatchObject({
        qualified_until: vendor.qualifiedUntil,
        categories: vendor.qualifications.join(";"),
      });
    const private_ = await sql<{ legal_representative: string; credit_code: string }>`select legal_representative,
        credit_code from services_vendors`.execute(database.db);
    for (const vendor of private_.rows) {
      expect(csv).not.toContain(vendor.legal_representative);
      expect(csv).not.toContain(vendor.credit_code);
    }
  });

  it("publishes each awarded need with the winner of its public ranking", async () => {
    const { rows } = await dataset("services-awards");
    const needs = (await app.inject({ method: "GET", url: "/api/v1/services/needs" })).json() as {
      items: { title: string; status: string; ranking: { vendorName: string; priceYuan: string; rank: number }[] }[];
    };
    const awarded = needs.items.filter((need) => need.status === "awarded");
    expect(awarded.length).toBeGreaterThan(0);
    expect(rows.length).toBe(awarded.length);
    for (const need of awarded) {
      const first = need.ranking.find((entry) => entry.rank === 1)!;
      expect(rows.find((row) => row.need_title === need.title)).toMatchObject({
        winner: first.vendorName,
        winner_price_yuan: Number(first.priceYuan),
      });
    }
  });

  it("publishes the fund results of allocated calls without the payee or the bank account", async () => {
    const { rows, csv } = await dataset("fund-results");
    const calls = (await app.inject({ method: "GET", url: "/api/v1/fund/calls" })).json() as {
      items: { id: string; status: string }[];
    };
    let expected = 0;
    for (const call of calls.items.filter((item) => item.status === "allocated")) {
      const results = (await app.inject({ method: "GET", url: `/api/v1/fund/calls/${call.id}/results` })).json() as {
        items: { title: string; rank: number | null; grantedYuan: string; outcome: string | null }[];
      };
      expected += results.items.length;
      for (const item of results.items)
        expect(rows.find((row) => row.project_title === item.title)).toMatchObject({
          rank: item.rank,
          granted_yuan: Number(item.grantedYuan),
          outcome: item.outcome,
        });
    }
    expect(expected).toBeGreaterThan(0);
    expect(rows.length).toBe(expected);
    const payees = await sql<{ payee_name: string; bank_account: string }>`select payee_name, bank_account
      from fund_applications`.execute(database.db);
    for (const payee of payees.rows) expect(csv).not.toContain(payee.bank_account);
  });
});

describe("vendors' recommendations in the inbox", () => {
  interface Task {
    kind: string;
    entityId: string;
    label: string;
    dueOn: string;
    overdue: boolean;
    link: string | null;
    history: { on: string; label: string }[];
  }
  const tasks = async (session: Session) =>
    ((await session.request("GET", "/api/v1/inbox")).json() as { items: Task[] }).items.filter(
      (task) => task.kind === "services.recommendation_decision",
    );

  it("gives a pending recommendation to the clerks of its 镇区, and to programme admins once overdue", async () => {
    const pending = await sql<{ id: string; town_code: string; submitted_on: string }>`select id, town_code,
        (submitted_at at time zone 'Asia/Shanghai')::date::text as submitted_on
      from services_recommendations where status = 'pending' order by submitted_at`.execute(database.db);
    expect(pending.rows.length).toBeGreaterThan(0);
    const recommendation = pending.rows[0];
    expect(recommendation.town_code).toBe("shiqi");
    const dueOn = addWorkingDays(recommendation.submitted_on, recommendationDecisionWorkingDays);

    const clerk = await signIn(app, "clerk.shiqi", demoPassword);
    const task = (await tasks(clerk)).find((item) => item.entityId === recommendation.id)!;
    expect(task).toMatchObject({ dueOn, overdue: false, link: "/console/services/recommendations" });
    expect(task.history.at(-1)).toEqual({
      on: recommendation.submitted_on,
      label: "机构提出建议 (vendor recommended)",
    });
    // Not the clerks of another 镇区, not the vendor who recommended, not yet the programme admin.
    expect(await tasks(await signIn(app, "clerk.xiaolan", demoPassword))).toEqual([]);
    const vendor = await signIn(app, "vendor", demoPassword);
    expect((await vendor.request("GET", "/api/v1/inbox")).statusCode).toBe(403);
    expect((await tasks(admin)).some((item) => item.entityId === recommendation.id)).toBe(false);

    // The day after the deadline it is escalated to the programme admins.
    setClock(addWorkingDays(dueOn, 1));
    try {
      const later = await signIn(app, "programme.admin", demoPassword);
      const escalated = (await tasks(later)).find((item) => item.entityId === recommendation.id)!;
      expect(escalated).toMatchObject({ dueOn, overdue: true });
      expect(escalated.label).toContain("逾期");
    } finally {
      resetClock();
    }

    // Once decided it leaves the inbox.
    const decided = await clerk.request("POST", `/api/v1/services/recommendations/${recommendation.id}/decision`, {
      approved: false,
      note: "信息不足，请补充后再提",
    });
    expect(decided.statusCode).toBe(200);
    expect((await tasks(clerk)).some((item) => item.entityId === recommendation.id)).toBe(false);
  });
});
