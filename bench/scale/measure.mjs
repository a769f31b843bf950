// The scale benchmark's client: the first network answer on a cold server, then 20 edits (ties and resources created,
// changed and deleted), each followed by the two reads a worker's map makes, and the time until the analysis is current
// again. Usage: node measure.mjs URL TOKEN SERVER_PID AREA_ID [EDITS=20]
import { readFileSync } from 'node:fs';

const [url, token, serverPid, areaId, editsArg] = process.argv.slice(2);
const edits = Number(editsArg ?? 20);
const endpoint = `${url}/graphql`;

async function graphql(query, variables = {}) {
  const started = performance.now();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  const ms = performance.now() - started;
  if (body.errors) throw new Error(`${JSON.stringify(body.errors[0])} after ${ms.toFixed(0)} ms`);
  return { data: body.data, ms };
}

const networkQuery = `{ network { dataVersion analysedVersion current
  isolatedGroups { size } isolatedActors { id } bridgingActors { actorsCutOff resource { id name } } } }`;
const metricsQuery = `{ resources(first: 50) { nodes { id name metrics { betweenness role } } } }`;
// What says whether betweenness is current: a network answer that reads betweenness (approximation does).
const freshnessQuery = `{ network { dataVersion analysedVersion current approximation { betweennessSamples } } }`;

const rss = () => {
  const status = readFileSync(`/proc/${serverPid}/status`, 'utf8');
  const kb = name => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))[1]);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
};

async function untilCurrent(since) {
  for (;;) {
    const { data } = await graphql(freshnessQuery);
    if (data.network.current) return { ms: Math.round(performance.now() - since), estimated: data.network.approximation !== null };
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
};
const summary = values => ({ p50: quantile(values, 0.5), p95: quantile(values, 0.95), max: Math.round(Math.max(...values)) });

// Cold: the first answers, and until the metrics they read are current.
const coldStarted = performance.now();
const firstNetwork = await graphql(networkQuery);
const firstMetrics = await graphql(metricsQuery);
const coldCurrent = await untilCurrent(coldStarted);
console.log(JSON.stringify({
  phase: 'cold', firstNetworkMs: Math.round(firstNetwork.ms), firstMetricsMs: Math.round(firstMetrics.ms),
  currentAfterMs: coldCurrent.ms, betweennessEstimated: coldCurrent.estimated, ...rss(),
}));

const ids = (await graphql('{ resources(first: 500) { nodes { id } } }')).data.resources.nodes.map(n => n.id);
let seed = 7;
const pick = () => ids[(seed = (seed * 48271) % 2147483647) % ids.length];
const created = { ties: [], resources: [] };
const kinds = ['createRelationship', 'updateRelationship', 'deleteRelationship', 'createResource', 'updateResource', 'deleteResource'];
const editOf = {
  createRelationship: async () => {
    const { data } = await graphql('mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: COOPERATION, strength: 4 }) { relationship { id } } }', { a: pick(), b: pick() });
    created.ties.push(data.createRelationship.relationship.id);
  },
  updateRelationship: () => graphql('mutation($id: ID!) { updateRelationship(input: { id: $id, strength: 2 }) { relationship { id } } }', { id: created.ties.at(-1) }),
  deleteRelationship: () => graphql('mutation($id: ID!) { deleteRelationship(input: { id: $id }) { deletedRelationshipId } }', { id: created.ties.pop() }),
  createResource: async () => {
    const { data } = await graphql('mutation($area: ID) { createResource(input: { name: "Mērogošanas biedrība", kind: ASSOCIATION, areaId: $area }) { resource { id } } }', { area: areaId });
    const id = data.createResource.resource.id;
    created.resources.push(id);
    await graphql('mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: REFERRAL }) { relationship { id } } }', { a: id, b: pick() });
  },
  updateResource: () => graphql('mutation($id: ID!) { updateResource(input: { id: $id, name: "Mērogošanas biedrība (pārdēvēta)" }) { resource { id } } }', { id: created.resources.at(-1) }),
  deleteResource: () => graphql('mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }', { id: created.resources.pop() }),
};

const networkMs = [];
const metricsMs = [];
const currentMs = [];
for (let i = 0; i < edits; i++) {
  const kind = kinds[i % kinds.length];
  await editOf[kind]();
  const editDone = performance.now();
  networkMs.push((await graphql(networkQuery)).ms);
  metricsMs.push((await graphql(metricsQuery)).ms);
  currentMs.push((await untilCurrent(editDone)).ms);
}
console.log(JSON.stringify({
  phase: 'edits', edits, network: summary(networkMs), metrics: summary(metricsMs), currentAgain: summary(currentMs), ...rss(),
}));
