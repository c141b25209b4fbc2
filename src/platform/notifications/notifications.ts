/**
 * In-app notifications (站内通知) to one account: what a service tells a person who is not at the counter — the
 * answer to the objection they raised, that the final list they are on is published and where their notice is.
 * A notification is written in the same transaction as the step it reports, so it exists exactly when the step does.
 */
import type { Generated, Kysely } from "kysely";
import { now } from "../../core/clock";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

/** The notifications table (migration 0070). */
export interface NotificationsTable {
  id: Generated<string>;
  account_id: string;
  at: Date | string;
  kind: string;
  text: string;
  link: string | null;
}

type NotificationsDatabase = Database & { notifications: NotificationsTable };
const notificationsDb = (executor: Executor) => executor as unknown as Kysely<NotificationsDatabase>;

/** The kinds of notification, each with its label in both languages. */
export const notificationKinds = {
  "objection.answered": { zh: "异议答复", en: "Objection answered" },
  "list.final": { zh: "名单正式公布", en: "Final list published" },
} as const;
export type NotificationKind = keyof typeof notificationKinds;

/** One notification as the owner reads it. */
export interface Notification {
  id: string;
  at: string;
  kind: NotificationKind;
  text: string;
  /** A path in the web app or the API (`/api/v1/…`) to open: the list, the notice PDF; null when none. */
  link: string | null;
}

/** Tells one account something, now (the clock's time), in the caller's transaction. */
export async function notify(
  executor: Executor,
  accountId: string,
  notification: { kind: NotificationKind; text: string; link?: string | null },
): Promise<void> {
  await notificationsDb(executor)
    .insertInto("notifications")
    .values({
      account_id: accountId,
      at: now(),
      kind: notification.kind,
      text: notification.text,
      link: notification.link ?? null,
    })
    .execute();
}

/** Tells several accounts, one notification each, in one statement (a final list reaches hundreds of people). */
export async function notifyMany(
  executor: Executor,
  notifications: readonly { accountId: string; kind: NotificationKind; text: string; link?: string | null }[],
): Promise<void> {
  const at = now();
  for (let start = 0; start < notifications.length; start += 500)
    await notificationsDb(executor)
      .insertInto("notifications")
      .values(
        notifications.slice(start, start + 500).map((notification) => ({
          account_id: notification.accountId,
          at,
          kind: notification.kind,
          text: notification.text,
          link: notification.link ?? null,
        })),
      )
      .execute();
}

/** The accounts linked to a person (a resident's own account), for telling the person. */
export async function accountsOfPerson(executor: Executor, personId: string): Promise<string[]> {
  const rows = await executor
    .selectFrom("accounts")
    .select("id")
    .where("person_id", "=", personId)
    .where("disabled", "=", false)
    .execute();
  return rows.map((row) => row.id);
}

/** An account's notifications, newest first (at most 100). */
export async function listNotifications(executor: Executor, accountId: string): Promise<Notification[]> {
  const rows = await notificationsDb(executor)
    .selectFrom("notifications")
    .selectAll()
    .where("account_id", "=", accountId)
    .orderBy("id", "desc")
    .limit(100)
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    kind: row.kind as NotificationKind,
    text: row.text,
    link: row.link,
  }));
}
