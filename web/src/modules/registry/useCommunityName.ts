import { useCommunities } from "../../api/reference";

/** The name of a community of a 镇区, once the 镇区's communities are loaded. */
export function useCommunityName(
  townCode: string | undefined,
  communityId: string | null | undefined,
): string | undefined {
  const { items } = useCommunities(townCode);
  if (communityId === null || communityId === undefined) return undefined;
  return items.find((community) => community.id === communityId)?.name;
}
