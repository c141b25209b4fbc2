import type { Trx } from "../db/transaction";
import { createAccount, type GrantInput } from "../platform/accounts/accounts.commands";

/** The password of every demo account (documented in docs/demo-accounts.md; change it outside demos). */
export const demoPassword = "Gongzhi-2026!";

/** One demo account: username, display name, what it is for, and its role grants. */
export interface DemoAccount {
  username: string;
  displayName: string;
  purpose: string;
  roles: GrantInput[];
}

/** One account per role, plus a second clerk in another 镇区 to show scoping. */
export const demoAccounts: DemoAccount[] = [
  {
    username: "resident",
    displayName: "居民（示例）",
    purpose: "a migrant resident of 石岐区, linked to a demo person",
    roles: [{ role: "resident" }],
  },
  {
    username: "clerk.shiqi",
    displayName: "石岐区办事员",
    purpose: "clerk of 石岐区",
    roles: [{ role: "clerk", townCode: "shiqi" }],
  },
  {
    username: "clerk.xiaolan",
    displayName: "小榄镇办事员",
    purpose: "clerk of 小榄镇",
    roles: [{ role: "clerk", townCode: "xiaolan" }],
  },
  {
    username: "verifier.education",
    displayName: "市教育和体育局核查员",
    purpose: "verifier of the education department",
    roles: [{ role: "verifier", departmentCode: "education" }],
  },
  {
    username: "verifier.publicsecurity",
    displayName: "市公安局核查员",
    purpose: "verifier of the public security department (handles tip-offs)",
    roles: [{ role: "verifier", departmentCode: "public_security" }],
  },
  {
    username: "programme.admin",
    displayName: "市流动人口管理办公室管理员",
    purpose: "programme admin (city-wide)",
    roles: [{ role: "programme_admin" }],
  },
  {
    username: "policy.officer",
    displayName: "政策专员",
    purpose: "policy officer",
    roles: [{ role: "policy_officer" }],
  },
  {
    username: "vendor",
    displayName: "社会组织（示例）",
    purpose: "vendor (a social organisation)",
    roles: [{ role: "vendor" }],
  },
  {
    username: "organiser",
    displayName: "志愿服务组织者（示例）",
    purpose: "organiser of a registered volunteer organisation",
    roles: [{ role: "organiser" }],
  },
  {
    username: "reviewer",
    displayName: "评审专家（示例）",
    purpose: "reviewer on a panel",
    roles: [{ role: "reviewer" }],
  },
  {
    username: "auditor",
    displayName: "审计员",
    purpose: "auditor: reads everything, verifies the audit chain",
    roles: [{ role: "auditor" }],
  },
  { username: "admin", displayName: "系统管理员", purpose: "admin: manages accounts", roles: [{ role: "admin" }] },
];

/** Creates the demo accounts that do not exist yet (each leaves an audit entry); the resident is linked to `residentPersonId`. */
export async function createDemoAccounts(trx: Trx, residentPersonId: string): Promise<number> {
  const existing = new Set((await trx.selectFrom("accounts").select("username").execute()).map((row) => row.username));
  let created = 0;
  for (const account of demoAccounts) {
    if (existing.has(account.username)) continue;
    const result = await createAccount(
      trx,
      { actor: null, requestId: null },
      {
        username: account.username,
        displayName: account.displayName,
        password: demoPassword,
        roles: account.roles,
        personId: account.username === "resident" ? residentPersonId : null,
      },
    );
    if (!result.ok) throw new Error(`demo account ${account.username}: ${result.error.message}`);
    created += 1;
  }
  return created;
}

/** The credentials table printed on start and in docs/demo-accounts.md. */
export function demoAccountsTable(): string {
  const lines = demoAccounts.map((account) => `  ${account.username.padEnd(20)} ${demoPassword}   ${account.purpose}`);
  return [`  ${"username".padEnd(20)} password        who`, ...lines].join("\n");
}
