import type { ActorFacts } from "./analysis";
import { graphql, type Resource, type Scope, type Suggestion } from "./api";
import { el } from "./dom";
import { formatNumber, groupName, t, tagName } from "./i18n";

/**
 * What the network analysis says about one actor, in sentences a social worker reads at a glance: who it works with,
 * what its loss would cut off, how much others pass through it, whether its partners know each other, its circle.
 */
export function metricsInWords(facts: ActorFacts): string[] {
  const metrics = facts.metrics;
  if (!metrics) return [t("metrics.outside")];
  const words: string[] = [metrics.degree === 0 ? t("metrics.noTies") : t("metrics.degree", { count: metrics.degree })];

  if (facts.bridging) words.push(t("cutOff", { groups: facts.bridging.groupsCutOff.length, actors: facts.bridging.actorsCutOff }));

  // Rank among the actors others' shortest ways pass through; most actors are on none.
  if (metrics.betweennessNormalized > 0) words.push(t("metrics.goBetween", { rank: facts.goBetweenRank, count: facts.actorCount }));
  if (metrics.degree >= 2)
    words.push(t(metrics.clustering >= 0.5 ? "metrics.closeCircle" : "metrics.opensCircles", { percent: Math.round(metrics.clustering * 100) }));

  if (facts.communitySize > 1) words.push(t("metrics.community", { count: facts.communitySize - 1 }));
  return words;
}

type Tie = Resource["relationships"][number];

/** The selected actor's ties as "type — partner (strength)"; the action (editing) comes from the caller. */
export function tieItems(ownerId: string, ties: Tie[], nameOf: (id: string) => string | undefined, typeName: (type: string) => string, edit: ((tieId: string) => void) | null): HTMLLIElement[] {
  return ties.map(tie => {
    const partner = tie.source.id === ownerId ? tie.target.id : tie.source.id;
    const item = el("li", {}, `${typeName(tie.type)} — ${nameOf(partner) ?? "?"} (${t("strength")} ${tie.strength})`);
    if (edit) {
      const button = el("button", { type: "button", className: "small", textContent: t("edit") });
      button.setAttribute("aria-label", `${t("edit")}: ${typeName(tie.type)} — ${nameOf(partner) ?? "?"}`);
      button.addEventListener("click", () => edit(tie.id));
      item.append(" ", button);
    }
    return item;
  });
}

/** The reasons for a tie, in words and in the page's language, from the analysis' figures. */
export function reasonsOf(s: Suggestion): string[] {
  const reasons: string[] = [];
  if (s.actorsNewlyReached > 0) reasons.push(t("reason.reaches", { count: s.actorsNewlyReached }));
  for (const need of s.needsMet) reasons.push(t("reason.need", { need: tagName(need.need), offer: tagName(need.offer) }));
  if (s.sharedTargetGroups.length > 0) reasons.push(t("reason.groups", { groups: s.sharedTargetGroups.map(groupName).join(", ") }));
  if (s.commonNeighbours > 0) reasons.push(t("reason.partners", { count: s.commonNeighbours }));
  if (s.distanceKm !== null) reasons.push(t("reason.distance", { km: formatNumber(s.distanceKm, 1) }));
  return reasons;
}

/** A tie with its ends' names: its partner may lie outside the area, among no resource the map has read. */
export interface NamedTie extends Tie {
  source: { id: string; name: string };
  target: { id: string; name: string };
}

const actorTiesQuery = `
  query ActorTies($id: ID!, $asOf: DateOnly, $types: [RelationshipType!]) {
    node(id: $id) { ... on Resource { relationships(activeOn: $asOf, types: $types) { id type strength source { id name } target { id name } } } }
  }`;

/**
 * The actor's ties on the scope's day to partners outside the chosen area: no part of the network analysed, yet a
 * worker's to know (the ministry, the neighbouring municipality's services). Read when the actor is selected.
 */
export async function tiesBeyond(ownerId: string, scope: Scope, inArea: (id: string) => boolean): Promise<NamedTie[]> {
  const data = await graphql<{ node: { relationships: NamedTie[] } | null }>(actorTiesQuery, { id: ownerId, asOf: scope.asOf, types: scope.relationshipTypes });
  return (data.node?.relationships ?? []).filter(tie => !inArea(tie.source.id === ownerId ? tie.target.id : tie.source.id));
}
