import type { NetworkRoles } from "./api";

// What a social worker needs to see at a glance: who holds the network together, who is outside it.
export type Role = "bridging" | "isolatedGroup" | "isolated" | "other";

export const roleColours: Record<Role, string> = {
  bridging: "#c2410c",
  isolatedGroup: "#7e22ce",
  isolated: "#4b5563",
  other: "#1d4ed8",
};

/** A marker's colour while the analysis has not answered yet: no role is claimed. */
export const pendingColour = "#64748b";

export function rolesOf(network: NetworkRoles): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const group of network.isolatedGroups) for (const member of group.resources) roles.set(member.id, "isolatedGroup");
  for (const actor of network.isolatedActors) roles.set(actor.id, "isolated");
  // A bridging actor can be a member of an isolated group too; bridging says more about what to do.
  for (const actor of network.bridgingActors) roles.set(actor.resource.id, "bridging");
  return roles;
}
