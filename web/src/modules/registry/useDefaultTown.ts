import { useSession } from "../../session/SessionContext";

/** The 镇区 a new record most likely belongs to: the user's only 镇区 grant, if they have exactly one. */
export function useDefaultTown(): string | undefined {
  const { user } = useSession();
  const towns = [
    ...new Set((user?.roles ?? []).map((grant) => grant.townCode).filter((code): code is string => Boolean(code))),
  ];
  return towns.length === 1 ? towns[0] : undefined;
}
