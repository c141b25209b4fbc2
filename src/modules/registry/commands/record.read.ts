import type { Trx } from "../../../db/transaction";
import { audit, type CommandContext } from "../../../platform/commands/context";

/** Logs that a staff member opened a full record (PIPL: every read of a full record by staff is logged). */
export async function recordFullRead(
  trx: Trx,
  context: CommandContext,
  record: { entityType: "person" | "household"; entityId: string; townCode: string },
): Promise<void> {
  await audit(trx, context, {
    action: `${record.entityType}.read`,
    entityType: record.entityType,
    entityId: record.entityId,
    townCode: record.townCode,
  });
}
