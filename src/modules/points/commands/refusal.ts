/** Refusing an offered placement (Impl. Art. 9(3)): the application is forfeited in the next run and the next in line moves up. */
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { pointsDb } from "../points.tables";
import { publishedResult } from "../presenters";
import { findApplication, type ApplicationRecord } from "../repository";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { tellResident } from "./scores";
import { clock } from "../../../core/clock";

/** Records that the applicant refuses the place admitted in the published list; refused once, never undone. */
export async function refusePlacement(
  trx: Trx,
  context: CommandContext,
  application: ApplicationRecord,
): Promise<Result<ApplicationRecord, Problem>> {
  if (application.placement_refused_on)
    return err({
      code: "already_refused",
      field: "status",
      message: `已于 ${application.placement_refused_on} 放弃 (already refused)`,
    });
  const result = await publishedResult(trx, application.cycle_id, application.id);
  if (!result || result.outcome !== "admitted")
    return err({
      code: "not_admitted",
      field: "status",
      message: "只有已公示录取的申请可以放弃 (only an admitted application is refused)",
    });
  const today = clock.today();
  await pointsDb(trx)
    .updateTable("points_applications")
    .set((eb) => ({ placement_refused_on: today, version: eb("version", "+", 1) }))
    .where("id", "=", application.id)
    .execute();
  await tellResident(
    trx,
    application.enrolment_id,
    "您已放弃本次安排，视为放弃该次申请（中府办〔2014〕50号 第九条）。",
  );
  await audit(trx, context, {
    action: "points.placement.refuse",
    entityType: "points_application",
    entityId: application.id,
    townCode: application.town_code,
    after: { refusedOn: today },
  });
  return ok((await findApplication(trx, application.id))!);
}
