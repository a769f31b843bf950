// A small GraphQL-over-HTTP client for the server that serves this page.
export class GraphQLError extends Error {
  /** @param field the input field the error concerns (extensions.data.field), when the server names one */
  constructor(message: string, readonly code: string | undefined, readonly field?: string) {
    super(message);
  }
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  // sessionStorage: a reload keeps the session, closing the browser ends it on this machine (session.ts).
  const token = sessionStorage.getItem("token");
  const response = await fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  }).catch(() => {
    throw new GraphQLError("The server could not be reached.", "NETWORK");
  });
  // A proxy's error page is no JSON: it ends below as an answer without data.
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string; data?: { field?: string } } }[] };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new GraphQLError(first.message, first.extensions?.code, first.extensions?.data?.field);
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

export interface ActorMetrics {
  resource: { id: string };
  degree: number;
  betweennessNormalized: number;
  clustering: number;
  community: number;
  actorsCutOff: number;
}

export interface Network {
  actorCount: number;
  actors: ActorMetrics[];
  bridgingActors: { resource: { id: string }; actorsCutOff: number; groupsCutOff: { size: number }[] }[];
  isolatedGroups: { resources: { id: string; name: string }[] }[];
  isolatedActors: { id: string; name: string }[];
  communities: { members: { resources: { id: string }[] } }[];
  suggestions: Suggestion[];
}

export interface Overview {
  areas: { nodes: Area[] };
  earliest: { nodes: { since: string }[] };
  network: Network;
}

// The areas and who plays which role in the network: one request beside the pages of resources.
export const overviewQuery = `
  query Overview($scope: NetworkScopeInput) {
    areas(first: 500) { nodes { id name kind parent { id } boundary { type coordinates } } }
    earliest: relationships(first: 1, where: { since: { neq: null } }, order: [{ since: ASC }]) { nodes { since } }
    network(scope: $scope) {
      actorCount
      actors { resource { id } degree betweennessNormalized clustering community actorsCutOff }
      bridgingActors { resource { id } actorsCutOff groupsCutOff { size } }
      isolatedGroups { resources { id name } }
      isolatedActors { id name }
      communities { members { resources { id } } }
      suggestions(first: 200) {
        from { id name } to { id name } needsMet { need offer } sharedTargetGroups distanceKm commonNeighbours actorsNewlyReached
      }
    }
  }`;

const resourcesQuery = `
  query Resources($after: String, $asOf: DateOnly, $areaId: ID, $types: [RelationshipType!]) {
    resources(first: 500, after: $after, areaId: $areaId) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id name kind targetGroups latitude longitude
        relationships(activeOn: $asOf, types: $types) { id type strength source { id } target { id } }
      }
    }
  }`;

/** Which part of the network the page shows and analyses (the schema's NetworkScopeInput). */
export interface Scope {
  asOf: string;
  areaId: string | null;
  relationshipTypes: string[] | null;
}

/** Every resource of the scope with its ties of the scope, page after page (a page holds at most 500). */
export async function allResources(scope: Scope): Promise<Resource[]> {
  const all: Resource[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { resources: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Resource[] } } =
      await graphql(resourcesQuery, { after, asOf: scope.asOf, areaId: scope.areaId, types: scope.relationshipTypes });
    all.push(...page.resources.nodes);
    if (!page.resources.pageInfo.hasNextPage) return all;
    after = page.resources.pageInfo.endCursor;
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
