// A small GraphQL-over-HTTP client for the server that serves this page.
export class GraphQLError extends Error {
  /**
   * @param field the input field the error concerns (extensions.data.field), when the server names one
   * @param data the error's extensions.data, as sent (an import's refusal lists its problems there)
   */
  constructor(message: string, readonly code: string | undefined, readonly field?: string, readonly data?: Record<string, unknown>) {
    super(message);
  }
}

const accept = "application/graphql-response+json, application/json";

/** The page's language, so that the server's messages come in it (and English when it has none in that language). */
const acceptLanguage = (): Record<string, string> => ({ "accept-language": document.documentElement.lang || "lv" });

/** The session's token, as a header: sessionStorage keeps it over a reload, closing the browser ends it on this machine (session.ts). */
function authorization(): Record<string, string> {
  const token = sessionStorage.getItem("token");
  return token ? { authorization: `Bearer ${token}` } : {};
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return answer<T>(await send("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept, ...acceptLanguage(), ...authorization() },
    body: JSON.stringify({ query, variables }),
  }));
}

/**
 * An operation with files, by the GraphQL multipart request specification: the operation with each file's variable
 * null, a map from each file's part ("0", "1") to its variable, then the files. GraphQL-Preflight: the server refuses a
 * multipart request without it, as a form on another site could send one.
 */
export async function graphqlWithFiles<T>(query: string, variables: Record<string, unknown>, files: Record<string, File>): Promise<T> {
  const names = Object.keys(files);
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables: { ...variables, ...Object.fromEntries(names.map(name => [name, null])) } }));
  form.append("map", JSON.stringify(Object.fromEntries(names.map((name, i) => [String(i), [`variables.${name}`]]))));
  names.forEach((name, i) => form.append(String(i), files[name], files[name].name));
  // No content-type: the browser writes multipart/form-data with its boundary.
  return answer<T>(await send("/graphql", { method: "POST", headers: { accept, "graphql-preflight": "1", ...acceptLanguage(), ...authorization() }, body: form }));
}

/** A file the server makes for the session (an export): its content and the name the server gives it, or `fallback`. */
export async function download(path: string, fallback: string): Promise<{ blob: Blob; name: string }> {
  const response = await send(path, { headers: authorization() });
  if (!response.ok) await answer(response); // the server's refusal, as a GraphQL error (HTTP status when it sent none)
  const name = /filename="?([^";]+)"?/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
  return { blob: await response.blob(), name };
}

/** Saves a file the server sends for the session's token: a plain link cannot send the token. */
export async function saveDownload(path: string, fallback: string): Promise<void> {
  const { blob, name } = await download(path, fallback);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function send(path: string, init: RequestInit): Promise<Response> {
  return fetch(path, init).catch(() => {
    throw new GraphQLError("The server could not be reached.", "NETWORK");
  });
}

/** The data of an answer, or its first error thrown. */
async function answer<T>(response: Response): Promise<T> {
  // A proxy's error page is no JSON: it ends below as an answer without data.
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string; data?: { field?: string } & Record<string, unknown> } }[];
  };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new GraphQLError(first.message, first.extensions?.code, first.extensions?.data?.field, first.extensions?.data);
  }
  if (!body.data) throw new GraphQLError(`HTTP ${response.status}`, undefined);
  return body.data;
}

export interface Resource {
  id: string;
  name: string;
  kind: string;
  targetGroups: string[];
  latitude: number | null;
  longitude: number | null;
  relationships: { id: string; type: string; strength: number; source: { id: string }; target: { id: string } }[];
}

export interface Geometry {
  type: "Polygon" | "MultiPolygon";
  coordinates: number[][][] | number[][][][];
}

export interface Area {
  id: string;
  name: string;
  kind: string;
  parent: { id: string } | null;
  boundary: Geometry | null;
}

export interface Suggestion {
  from: { id: string; name: string };
  to: { id: string; name: string };
  needsMet: { need: string; offer: string }[];
  sharedTargetGroups: string[];
  distanceKm: number | null;
  commonNeighbours: number;
  actorsNewlyReached: number;
}

/** Who plays which role in the network: what colours the map, the first answer of the analysis the page reads. */
export interface NetworkRoles {
  /** False while the server analyses a newer version in the background (this answer being of an earlier one). */
  current: boolean;
  bridgingActors: { resource: { id: string }; actorsCutOff: number; groupsCutOff: { size: number }[] }[];
  isolatedGroups: { resources: { id: string; name: string }[] }[];
  isolatedActors: { id: string; name: string }[];
}

export interface Overview {
  areas: { nodes: Area[] };
  earliest: { nodes: { since: string }[] };
}

// The areas and the first day of the date slider: small, beside the network's actors and ties.
export const overviewQuery = `
  query Overview {
    areas(first: 500) { nodes { id name kind parent { id } boundary { type coordinates } } }
    earliest: relationships(first: 1, where: { since: { neq: null } }, order: [{ since: ASC }]) { nodes { since } }
  }`;

const resourceFields = "id name kind targetGroups latitude longitude";

// The actors of the scope, and its ties, each in one answer: the server holds the network in memory.
const actorsQuery = `
  query Actors($scope: NetworkScopeInput) { network(scope: $scope) { actors { resource { ${resourceFields} } } } }`;

const tiesQuery = `
  query Ties($scope: NetworkScopeInput) { network(scope: $scope) { ties { id type strength source { id } target { id } } } }`;

// A closed resource is no actor of the network, yet stays on the map (without ties) to be looked up: few, in pages.
const closedQuery = `
  query Closed($after: String, $areaId: ID) {
    resources(first: 500, after: $after, areaId: $areaId, where: { status: { eq: CLOSED } }) {
      pageInfo { more: hasNextPage cursor: endCursor } nodes { ${resourceFields} }
    }
  }`;

type Node = Omit<Resource, "relationships">;
type Tie = Resource["relationships"][number];

/** Which part of the network the page shows and analyses (the schema's NetworkScopeInput). */
export interface Scope {
  asOf: string;
  areaId: string | null;
  relationshipTypes: string[] | null;
}

/**
 * Every resource of the scope — its actors on the scope's day, and the closed resources of its area — each with its
 * ties of the scope, every tie listed at both its ends.
 */
export async function allResources(scope: Scope): Promise<Resource[]> {
  const [actors, ties, closed] = await Promise.all([
    graphql<{ network: { actors: { resource: Node }[] } }>(actorsQuery, { scope }),
    graphql<{ network: { ties: (Tie | { id: null })[] } }>(tiesQuery, { scope }),
    closedResources(scope.areaId),
  ]);
  const byId = new Map<string, Resource>();
  for (const node of [...actors.network.actors.map(actor => actor.resource), ...closed]) byId.set(node.id, { ...node, relationships: [] });
  for (const tie of ties.network.ties) {
    if (tie.id === null) continue; // projected from activities: no relationship (the scope asks for none)
    byId.get(tie.source.id)?.relationships.push(tie);
    byId.get(tie.target.id)?.relationships.push(tie);
  }
  return [...byId.values()];
}

async function closedResources(areaId: string | null): Promise<Node[]> {
  const closed: Node[] = [];
  for (let after: string | null = null; ; ) {
    type Page = { resources: { pageInfo: { more: boolean; cursor: string | null }; nodes: Node[] } };
    const page: Page = await graphql(closedQuery, { areaId, after });
    closed.push(...page.resources.nodes);
    if (!page.resources.pageInfo.more) return closed;
    after = page.resources.pageInfo.cursor;
  }
}

export interface UnderServedArea {
  area: { id: string; name: string; boundary: Geometry | null };
  population: number;
  nearestResourceDistanceMeters: number | null;
}

export const underServedQuery = `
  query UnderServed($group: String!, $distance: Float!, $areaId: ID) {
    underServedAreas(targetGroup: $group, maxDistanceMeters: $distance, areaId: $areaId) {
      area { id name boundary { type coordinates } } population nearestResourceDistanceMeters
    }
  }`;

export interface ClosureImpact {
  populationLosingAccess: number;
  newlyUnderServedAreas: { name: string }[];
}

export const closureQuery = `
  query Closure($id: ID!, $group: String!, $distance: Float!) {
    closureImpact(resourceId: $id, targetGroup: $group, maxDistanceMeters: $distance) { populationLosingAccess newlyUnderServedAreas { name } }
  }`;
