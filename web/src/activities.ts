import { graphql } from "./api";
import { el } from "./dom";
import { formatDate, t, type TextKey } from "./i18n";

// The selected actor's activities and the introductions a worker recorded of it, for the panel beside the map.

export const activityKinds = ["MEETING", "WORKSHOP", "FESTIVAL", "REGULAR_CLASS", "DISCUSSION", "CAMPAIGN", "TRAINING", "EXCURSION", "OTHER"];
export const outcomes = ["PENDING", "TIE_FORMED", "DECLINED"];
/** The target groups the activity form counts people of ("total" for everyone who came). */
export const attendanceGroups = ["total", "seniors", "youth", "children", "families-of-children-with-disabilities", "people-with-disabilities"];

export interface ActorRecords {
  activities: { id: string; name: string; startsOn: string; recurrence: string }[];
  introductions: { id: string; on: string; outcome: string; first: { id: string; name: string }; second: { id: string; name: string } }[];
}

const recordsQuery = `
  query Records($id: ID!) {
    node(id: $id) { ... on Resource { activities { id name startsOn recurrence } } }
    introductions(resourceId: $id, first: 100) { nodes { id on outcome first { id name } second { id name } } }
  }`;

export async function readRecords(resourceId: string): Promise<ActorRecords> {
  const data = await graphql<{ node: { activities: ActorRecords["activities"] } | null; introductions: { nodes: ActorRecords["introductions"] } }>(recordsQuery, { id: resourceId });
  return { activities: data.node?.activities ?? [], introductions: data.introductions.nodes };
}

/** A line with an edit button for a worker, or a plain line. */
function item(text: string, editLabel: string, edit: (() => void) | null): HTMLLIElement {
  const line = el("li", {}, text);
  if (edit) {
    const button = el("button", { type: "button", className: "small", textContent: t("edit") });
    button.setAttribute("aria-label", `${t("edit")}: ${editLabel}`);
    button.addEventListener("click", edit);
    line.append(" ", button);
  }
  return line;
}

export function activityItems(records: ActorRecords, edit: ((id: string) => void) | null): HTMLLIElement[] {
  return records.activities.map(a => {
    const when = a.recurrence === "ONCE" ? formatDate(a.startsOn) : t(`report.${a.recurrence === "WEEKLY" ? "weeklyFrom" : "monthlyFrom"}`, { day: formatDate(a.startsOn) });
    return item(`${when} ${a.name}`, a.name, edit ? () => edit(a.id) : null);
  });
}

export function introductionItems(resourceId: string, records: ActorRecords, edit: ((id: string) => void) | null): HTMLLIElement[] {
  return records.introductions.map(i => {
    const other = i.first.id === resourceId ? i.second : i.first;
    const text = `${formatDate(i.on)} ${other.name} — ${t(`outcome.${i.outcome}` as TextKey)}`;
    return item(text, other.name, edit ? () => edit(i.id) : null);
  });
}
