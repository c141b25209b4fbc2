import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../../platform/commands/context";
import type { Actor } from "../../../platform/roles";
import { findCampaign, findCampaignByCode, type CampaignRecord } from "../repository";
import type { CampaignCreateBody } from "../schemas";
import { participationDb } from "../tables";

const codePattern = /^[a-z][a-z0-9_]{1,39}$/;

function duplicateCampaign() {
  return err({
    code: "duplicate_campaign",
    message: "该活动代码已存在 (a campaign with this code already exists)",
    field: "code",
  });
}

/**
 * Creates a campaign (programme admins): a stable code, a name and goal, the period and the owning department.
 * Activities, volunteer hours, tip-offs and suggestions carry its code as their tag.
 */
export async function createCampaign(
  trx: Trx,
  context: CommandContext<Actor | null>,
  input: CampaignCreateBody,
): Promise<Result<CampaignRecord>> {
  const code = input.code.trim();
  if (!codePattern.test(code)) {
    return err({
      code: "invalid_campaign_code",
      message:
        "活动代码须为小写字母开头的字母、数字或下划线，2至40位 (code: lowercase letter first, then a-z, 0-9 or _, 2–40 characters)",
      field: "code",
    });
  }
  const name = input.name.trim();
  if (!name) return err({ code: "invalid_name", message: "名称不能为空 (name must not be empty)", field: "name" });
  const endsOn = input.endsOn ?? null;
  if (endsOn !== null && endsOn < input.startsOn) {
    return err({
      code: "invalid_period",
      message: "结束日期不能早于开始日期 (endsOn must not be before startsOn)",
      field: "endsOn",
    });
  }
  const department = await trx
    .selectFrom("departments")
    .select("code")
    .where("code", "=", input.departmentCode)
    .executeTakeFirst();
  if (!department) {
    return err({
      code: "unknown_department",
      message: "未知的牵头部门 (unknown department)",
      field: "departmentCode",
    });
  }
  if (await findCampaignByCode(trx, code)) return duplicateCampaign();
  let id: string;
  try {
    const inserted = await participationDb(trx)
      .insertInto("participation_campaigns")
      .values({
        code,
        name,
        goal: input.goal?.trim() ?? "",
        starts_on: input.startsOn,
        ends_on: endsOn,
        department_code: input.departmentCode,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    id = inserted.id;
  } catch (error) {
    if (isUniqueViolation(error, "participation_campaigns_code")) return duplicateCampaign();
    throw error;
  }
  const campaign = (await findCampaign(trx, id))!;
  await audit(trx, context, {
    action: "participation.campaign.create",
    entityType: "participation_campaign",
    entityId: campaign.id,
    townCode: null,
    after: {
      code,
      name,
      goal: campaign.goal,
      startsOn: campaign.startsOn,
      endsOn,
      departmentCode: input.departmentCode,
    },
  });
  return ok(campaign);
}
