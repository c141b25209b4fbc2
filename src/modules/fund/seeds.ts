/** Demo data of the fund module: this year's call, open for applications for 20 more days from today. */
import { clock, withClock } from "../../core/clock";
import { addDays } from "../../core/dates";
import type { Trx } from "../../db/transaction";
import { loadActor } from "../../platform/accounts/accounts.repository";
import type { SeedOptions } from "../../platform/module";
import { openCall } from "./commands";
import { fundDb } from "./tables";

export async function seedFund(trx: Trx, _options: SeedOptions): Promise<void> {
  if ((await fundDb(trx).selectFrom("fund_calls").select("id").limit(1).execute()).length > 0) return;
  const today = clock.today();
  const admin = (await loadActor(
    trx,
    (await trx.selectFrom("accounts").select("id").where("username", "=", "programme.admin").executeTakeFirstOrThrow())
      .id,
  ))!;
  const opened = await withClock(today, () =>
    openCall(
      trx,
      { actor: admin, requestId: null },
      {
        year: Number(today.slice(0, 4)),
        title: `${today.slice(0, 4)}年度社会管理与创新专项资金`,
        budgetYuan: 8460000,
        partialFunding: false,
        applicationsCloseOn: addDays(today, 20),
      },
    ),
  );
  if (!opened.ok) throw new Error(`fund demo seed: ${opened.error.message}`);
}
