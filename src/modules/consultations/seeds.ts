/**
 * Demo consultations, planned from today:
 * - the 2016 draft amendment of the points scheme (《中山市流动人员积分制管理规定（征求意见稿）》), its changes as
 *   reported by 南方日报 on 2016-08-05 (copied from ../shared/domain/sources/press-2016-points-draft-amendments.txt,
 *   summarised article by article); open for ten days until yesterday, with residents' comments (one hidden under
 *   the abuse rule), waiting for the department's closing report;
 * - a community deliberation (村居议事) of the demo resident's 社区, open now.
 */
import { sql } from "kysely";
import { addDays } from "../../core/dates";
import { today } from "../../core/clock";
import type { Trx } from "../../db/transaction";
import { consultationsDb } from "./tables";

const pointsDraftArticles = [
  {
    heading: "第二条 申请条件",
    body: "积分申请条件由在中山工作满一年放宽为工作满半年，与《中山市居住证办理工作指引》相衔接。",
  },
  {
    heading: "计划生育限制性条件",
    body: "取消违法生育行为满五年方可申请积分入户的限制，对年限不作强制性要求；申请公租房不再审核计划生育情况，住房保障总分值同步取消相应扣减分。",
  },
  {
    heading: "房产情况指标",
    body: "本人、配偶、子女或父母在中山拥有合法房产（住宅）的，积 150 分（原为 100 分，且须人均住房面积不低于住房保障面积标准）。每套房产限成功申请一次积分入户及一对夫妇申请积分入学。",
  },
  {
    heading: "参保情况指标",
    body: "在中山市内参加社会保险，每满半年积 7.5 分，可累积计分，不满半年不计分（原为省内每个险种每满一年积 1.5 分，最高 75 分，市内另加 0.5 分，最高 25 分）。",
  },
  {
    heading: "居住证年限指标",
    body: "累积办理居住证时间每满半年积 5 分，可累积计分（原为每满一年积 5 分，最高 50 分）。2016 年 7 月 1 日以后首次办理的，居住登记时间纳入计算，最长不超过半年。",
  },
  {
    heading: "镇区积分奖励",
    body: "取消火炬开发区、石岐区、东区、西区、南区以外的镇区申请积分管理享受 30% 积分奖励的政策。",
  },
  {
    heading: "积分入户通知书的待遇",
    body: "取消凭《积分入户通知书》在居住地享受子女义务教育等公共服务和待遇的政策；新文件实施前已取得积分入户资格的，仍按原办法执行。",
  },
];

const pointsDraftComments: { article: number; text: string; hide?: { rule: string; reason: string } }[] = [
  { article: 1, text: "支持放宽到工作满半年，刚来中山的新市民也能早点申请。" },
  {
    article: 4,
    text: "参保改为每满半年积 7.5 分很好，但建议保留省内其他地市参保年限的部分计分，很多人是从广州、佛山转来的。",
  },
  { article: 4, text: "同意楼上，省内转移接续的社保应当承认。" },
  { article: 6, text: "取消镇区 30% 奖励对小榄、古镇等镇的新市民不公平，建议设过渡期。" },
  {
    article: 3,
    text: "有房的人凭什么多拿分？写这条的人都是XX，脑子进水了！",
    hide: { rule: "abuse", reason: "含有辱骂内容，违反第 1 条管理规则；对房产指标的意见可以重新文明发表。" },
  },
  { article: 7, text: "建议给已经拿到入户通知书、正在办手续的家庭留足过渡时间，孩子读书不能断档。" },
];

export async function seedConsultations(trx: Trx): Promise<void> {
  const db = consultationsDb(trx);
  if (await db.selectFrom("consultations").select("id").limit(1).executeTakeFirst()) return;
  const staff = await trx
    .selectFrom("accounts")
    .select(["id", "username"])
    .where("username", "in", ["policy.officer", "programme.admin", "clerk.shiqi"])
    .execute();
  const byName = new Map(staff.map((row) => [row.username, row.id]));
  const officer = byName.get("policy.officer") ?? byName.get("programme.admin");
  if (!officer) return;
  const persons = await trx
    .selectFrom("persons")
    .select(["id", "community_id", "town_code"])
    .where("id", "not in", trx.selectFrom("accounts").select("person_id").where("person_id", "is not", null))
    .orderBy("id", "desc")
    .limit(20)
    .execute();
  if (persons.length < pointsDraftComments.length) return;
  const day = today();
  const number = await sql<{ n: string }>`select nextval('consultation_number_seq') as n`.execute(trx);
  const draft = await db
    .insertInto("consultations")
    .values({
      // Numbered as the command numbers a new one: the year it opens and the next number of the sequence (the
      // draft it retells is of 2016).
      reference: `ZQ-${addDays(day, -10).slice(0, 4)}-${String(number.rows[0]!.n).padStart(4, "0")}`,
      kind: "public",
      title: "《中山市流动人员积分制管理规定（征求意见稿）》",
      summary:
        "市流动人口管理办公室拟修订积分计分标准，共涉及 25 个项目：放宽申请条件、调整计生限制性条件、提高房产和参保计分、取消镇区积分奖励等。（示例：据 2016 年 8 月 5 日南方日报报道整理）",
      department_code: "migrant_office",
      opens_on: addDays(day, -10),
      closes_on: addDays(day, -1),
      created_by: officer,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const articles = await db
    .insertInto("consultation_articles")
    .values(pointsDraftArticles.map((article, index) => ({ consultation_id: draft.id, number: index + 1, ...article })))
    .returning(["id", "number"])
    .execute();
  const articleId = new Map(articles.map((row) => [row.number, row.id]));
  for (const [index, comment] of pointsDraftComments.entries()) {
    const created = new Date(`${addDays(day, -9 + index)}T10:00:00+08:00`);
    await db
      .insertInto("consultation_comments")
      .values({
        consultation_id: draft.id,
        article_id: articleId.get(comment.article)!,
        person_id: persons[index].id,
        // a city-wide consultation: the commenter's 镇区 (the distribution key)
        town_code: persons[index].town_code,
        account_id: null,
        text: comment.text,
        support_count: index === 1 ? 1 : 0,
        created_at: created,
        ...(comment.hide
          ? {
              hidden_at: created,
              hidden_rule: comment.hide.rule,
              hidden_reason: comment.hide.reason,
              hidden_by: officer,
            }
          : {}),
      })
      .execute();
  }
  // The demo resident's 社区 deliberates a local matter, open now.
  const resident = await trx
    .selectFrom("accounts as a")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .select(["p.community_id", "p.town_code"])
    .where("a.username", "=", "resident")
    .executeTakeFirst();
  const community = resident?.community_id
    ? { id: resident.community_id, town: resident.town_code }
    : await trx
        .selectFrom("communities")
        .select(["id", "town_code as town"])
        .where("town_code", "=", "shiqi")
        .orderBy("name")
        .executeTakeFirst();
  if (!community) return;
  const deliberation = await db
    .insertInto("consultations")
    .values({
      reference: `YS-${day.slice(0, 4)}-0001`,
      kind: "community",
      title: "社区小广场增设儿童游乐设施和夜间照明",
      summary:
        "居民议事会提议：在社区小广场东侧增设儿童游乐设施，并延长夜间照明至 22 点。请本社区居民发表意见，议事会将在征求意见结束后召开会议表决。",
      town_code: community.town,
      community_id: community.id,
      opens_on: addDays(day, -2),
      closes_on: addDays(day, 5),
      created_by: byName.get("clerk.shiqi") ?? officer,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("consultation_articles")
    .values([
      {
        consultation_id: deliberation.id,
        number: 1,
        heading: "儿童游乐设施",
        body: "在小广场东侧约 200 平方米范围增设滑梯、秋千和沙池，地面铺设防摔地垫，费用由社区公益金列支。",
      },
      {
        consultation_id: deliberation.id,
        number: 2,
        heading: "夜间照明",
        body: "小广场照明由 20 点延长至 22 点，22 点后保留一盏安全照明灯。",
      },
    ])
    .execute();
}
