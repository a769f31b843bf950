import { graphql, GraphQLError, type NetworkRoles, type Scope, type Suggestion } from "./api";

// The network analysis in the parts the page shows, each read when it is first needed: the roles at once (they colour
// the map and list who is outside), an actor's figures when it is selected, the suggested ties and the communities
// when first shown. Every actor's metrics at once is megabytes at 20,000 actors, and the first view shows none of them.

const rolesQuery = `
  query Roles($scope: NetworkScopeInput) {
    network(scope: $scope) {
      current
      bridgingActors { resource { id } actorsCutOff groupsCutOff { size } }
      isolatedGroups { resources { id name } }
      isolatedActors { id name }
    }
  }`;

const actorQuery = `
  query Actor($id: ID!, $scope: NetworkScopeInput) {
    node(id: $id) { ... on Resource { metrics(scope: $scope) { degree betweennessNormalized clustering community } } }
  }`;

// Every actor's betweenness as bare numbers (an actor's go-between rank counts those above its own) and the sizes of
// the communities: one compact answer, read once for all the actors selected after it.
const rankingQuery = `
  query Ranking($scope: NetworkScopeInput) {
    network(scope: $scope) { current actors { betweennessNormalized } communities { index members { size } } }
  }`;

const suggestionsQuery = `
  query Suggestions($scope: NetworkScopeInput) {
    network(scope: $scope) {
      current
      suggestions(first: 200) {
        from { id name } to { id name } needsMet { need offer } sharedTargetGroups distanceKm commonNeighbours actorsNewlyReached
      }
    }
  }`;

const communitiesQuery = `
  query Communities($scope: NetworkScopeInput) { network(scope: $scope) { communities { members { resources { id } } } } }`;

/** What the analysis says about one actor, for the panel's sentences (details.ts). */
export interface ActorFacts {
  /** Null when the actor is not in the network analysed (outside the area chosen). */
  metrics: { degree: number; betweennessNormalized: number; clustering: number } | null;
  /** 1 + the actors others' shortest ways pass through more often. */
  goBetweenRank: number;
  actorCount: number;
  /** Actors in its community, itself included. */
  communitySize: number;
  bridging: NetworkRoles["bridgingActors"][number] | undefined;
}

interface Ranking {
  /** Every actor's normalised betweenness, largest first. */
  betweenness: number[];
  communitySizes: Map<number, number>;
}

/**
 * "pending": no answer yet; "current": the analysis of the data as it is; "updating": the server is still analysing
 * (what is shown, if anything, is of an earlier version), read again in a few seconds.
 */
export type AnalysisState = "pending" | "current" | "updating";

/** How long to wait before asking again an analysis still under way. */
const retryMs = 5_000;

export class NetworkAnalysis {
  /** Who plays which role; null until the analysis first answers in this scope. */
  roles: NetworkRoles | null = null;
  /** Grows each time what was read of the actors is forgotten: whoever asked before asks again. */
  generation = 0;
  /** The last request for the roles outlasted the server's time limit. */
  private timedOut = false;
  /** An actor's figures or the suggestions came from an earlier version than the data's (the server says `current: false`). */
  private figuresOld = false;
  private scope: Scope | null = null;
  /** The read in force: answers to an earlier one (another scope, older data) are dropped. */
  private reading = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  /** How many times the roles were asked again in this scope. */
  private retries = 0;
  private readonly facts = new Map<string, ActorFacts>();
  private ranking: Promise<Ranking> | null = null;
  private suggestions: Suggestion[] | null = null;
  private suggestionsRead: Promise<void> | null = null;
  private communities: Promise<string[][]> | null = null;

  /**
   * @param changed called when the roles arrive or change, or the state (not for an actor's figures: those are awaited)
   * @param failed called when the roles cannot be read
   */
  constructor(private readonly changed: () => void, private readonly failed: (error: Error) => void) {}

  /** Reads the roles in the scope (the data having changed, or the scope); `changed` says when they are there. */
  read(scope: Scope): void {
    this.forget();
    this.scope = { ...scope };
    this.retries = 0;
    this.readRoles();
  }

  /** Forgets all that was read (the data or the scope is changing), answers on the way included. */
  forget(): void {
    this.reading++;
    clearTimeout(this.retry);
    this.roles = null;
    this.timedOut = false;
    this.forgetDetails();
  }

  get state(): AnalysisState {
    if (this.timedOut || this.figuresOld || (this.roles && !this.roles.current)) return "updating";
    return this.roles ? "current" : "pending";
  }

  private async readRoles(): Promise<void> {
    const reading = ++this.reading;
    try {
      const data = await graphql<{ network: NetworkRoles }>(rolesQuery, { scope: this.scope });
      if (reading !== this.reading) return;
      performance.mark("rm:roles"); // for bench/web/measure.mjs
      this.forgetDetails();
      this.roles = data.network;
      this.timedOut = false;
    } catch (error) {
      // A large network's analysis can outlast the server's time limit for one request: asked again later. Anything
      // else is a failure the page reports.
      if (reading !== this.reading) return;
      if (!(error instanceof GraphQLError && error.code === "TIMEOUT")) return this.failed(error as Error);
      this.timedOut = true;
    }
    if (this.timedOut || !this.roles!.current) this.askAgain(() => this.readRoles());
    this.changed();
  }

  /** Later again each time: an analysis under way needs the processors more than another request for it. */
  private askAgain(read: () => void): void {
    clearTimeout(this.retry);
    this.retry = setTimeout(read, retryMs * 2 ** Math.min(this.retries++, 4));
  }

  /**
   * The figures or suggestions answered are of an earlier version: they are shown, with the note, and read again in a
   * while (the page asks again for the selected actor's when told of the change).
   */
  private old(current: boolean, reading: number): void {
    if (current || reading !== this.reading || this.figuresOld) return;
    this.figuresOld = true;
    this.askAgain(() => {
      if (reading !== this.reading) return;
      this.forgetDetails();
      this.changed();
    });
    this.changed();
  }

  private forgetDetails(): void {
    this.generation++;
    this.figuresOld = false;
    this.facts.clear();
    this.ranking = null;
    this.suggestions = null;
    this.suggestionsRead = null;
    this.communities = null;
  }

  /** What is known of the actor: its facts once read, else undefined. */
  factsOf(id: string): ActorFacts | undefined {
    return this.facts.get(id);
  }

  /**
   * Reads what the panel says about an actor (its figures, the suggested ties) unless known; false when the analysis
   * has not answered yet, or answered another scope meanwhile.
   */
  async readActor(id: string): Promise<boolean> {
    const roles = this.roles;
    if (!roles) return false;
    if (!this.facts.has(id)) {
      const reading = this.reading;
      this.ranking ??= remembered(graphql<{ network: { current: boolean; actors: { betweennessNormalized: number }[]; communities: { index: number; members: { size: number } }[] } }>(
        rankingQuery, { scope: this.scope }).then(data => {
        this.old(data.network.current, reading);
        return {
          betweenness: data.network.actors.map(a => a.betweennessNormalized).sort((a, b) => b - a),
          communitySizes: new Map(data.network.communities.map(c => [c.index, c.members.size])),
        };
      }), () => (this.ranking = null));
      const [actor, ranking] = await Promise.all([
        graphql<{ node: { metrics: { degree: number; betweennessNormalized: number; clustering: number; community: number } | null } | null }>(
          actorQuery, { id, scope: this.scope }),
        this.ranking,
        this.readSuggestions(),
      ]);
      if (roles !== this.roles) return false;
      const metrics = actor.node?.metrics ?? null;
      this.facts.set(id, {
        metrics,
        goBetweenRank: metrics ? 1 + above(ranking.betweenness, metrics.betweennessNormalized) : 0,
        actorCount: ranking.betweenness.length,
        communitySize: metrics ? ranking.communitySizes.get(metrics.community) ?? 1 : 0,
        bridging: roles.bridgingActors.find(b => b.resource.id === id),
      });
    }
    await this.readSuggestions();
    return roles === this.roles;
  }

  private readSuggestions(): Promise<void> {
    if (!this.suggestionsRead) {
      const reading = this.reading;
      const read: Promise<void> = remembered(graphql<{ network: { current: boolean; suggestions: Suggestion[] } }>(suggestionsQuery, { scope: this.scope }).then(data => {
        if (this.suggestionsRead !== read) return;
        this.suggestions = data.network.suggestions;
        this.old(data.network.current, reading);
      }), () => (this.suggestionsRead = null));
      this.suggestionsRead = read;
    }
    return this.suggestionsRead;
  }

  /** For a member of an isolated group, the suggested ties that would join any of its members: the group's ways in. */
  suggestionsFor(id: string): { members: Set<string>; suggestions: Suggestion[] } {
    const group = this.roles?.isolatedGroups.find(g => g.resources.some(m => m.id === id));
    const members = new Set(group ? group.resources.map(m => m.id) : [id]);
    return { members, suggestions: (this.suggestions ?? []).filter(s => members.has(s.from.id) !== members.has(s.to.id)).slice(0, 5) };
  }

  /** The communities' members (for the graph's colours), read when the graph is first shown. */
  readCommunities(): Promise<string[][]> {
    this.communities ??= remembered(graphql<{ network: { communities: { members: { resources: { id: string }[] } }[] } }>(communitiesQuery, { scope: this.scope })
      .then(data => data.network.communities.map(c => c.members.resources.map(r => r.id))), () => (this.communities = null));
    return this.communities;
  }
}

/** The promise; when it fails, `forget` runs, so that the next one to need it asks again. */
function remembered<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  return promise.catch((error: unknown) => {
    forget();
    throw error;
  });
}

/** How many values of a list sorted largest first are above the value (binary search). */
function above(sorted: number[], value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] > value) low = middle + 1;
    else high = middle;
  }
  return low;
}
