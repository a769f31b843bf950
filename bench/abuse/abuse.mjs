// The worker and the attackers of bench/abuse/run.sh: node --experimental-websocket abuse.mjs URL WORKER_TOKEN SECONDS.
// The worker runs in a process of its own (this file again, with WORKER_MS set), so that the attackers' answers, parsed
// on this process's event loop, cannot delay the worker's timings.
import http from 'node:http';
import { fork } from 'node:child_process';

const [url, token, secondsText] = process.argv.slice(2);
const seconds = Number(secondsText);
const endpoint = new URL('/graphql', url);

// An attacker reads no answer (discard), as one that only means to load the server would not.
function post(body, { headers = {}, localAddress, discard = false } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const request = http.request(endpoint, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      const chunks = [];
      response.on('data', (c) => { if (!discard) chunks.push(c); });
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
    });
    request.on('error', (e) => resolve({ status: 0, text: String(e), ms: performance.now() - started }));
    request.end(JSON.stringify(body));
  });
}

const data = async (query, variables, auth = token) => JSON.parse((await post({ query, variables }, { headers: { authorization: `Bearer ${auth}` } })).text).data;
const area = (await data('{ areas(text: "Cēsu novads") { nodes { id } } }')).areas.nodes[0].id;
const mine = (await data('{ resources(first: 5, text: "Draudzība") { nodes { id } } }')).resources.nodes[0].id;

// The worker: the map query, then a write, every 150 ms (within the rate limit of 20 requests a second, as a person's
// clicks are), one at a time.
async function worker(untilMs) {
  const reads = [], writes = []; let failedWrites = 0;
  for (let i = 0; performance.now() < untilMs; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const read = await post({ query: '{ resources(first: 500) { nodes { id name kind latitude longitude relationships { id type strength source { id } target { id } } } } }' }, { headers: { authorization: `Bearer ${token}` } });
    reads.push(read.ms);
    const write = await post({ query: 'mutation($id: ID!, $d: String) { updateResource(input: { id: $id, description: $d }) { resource { version } } }', variables: { id: mine, d: `Senioru biedrība (${i})` } }, { headers: { authorization: `Bearer ${token}` } });
    writes.push(write.ms);
    if (write.status !== 200 || !write.text.includes('"version"')) failedWrites++;
  }
  return { reads, writes, failedWrites };
}

// The most expensive requests an anonymous client may send: each just under the anonymous cost limit.
const attacks = [
  { query: `{ placementSuggestions(targetGroup: "seniors", maxDistanceMeters: 1000, areaId: "${area}", count: 3) { population } }` },
  { query: `{ a: coverageGrid(targetGroup: "seniors", maxDistanceMeters: 1000, areaId: "${area}", cellSizeMeters: 300) { features { id } } b: coverageGrid(targetGroup: "seniors", maxDistanceMeters: 2000, areaId: "${area}", cellSizeMeters: 300) { features { id } } }` },
  { query: '{ network { actors { degree betweenness closeness clustering } communities { index } suggestions(first: 200) { score } } resources(first: 500) { nodes { neighbours { neighbours { name } } } } }' },
  { query: `{ ${Array.from({ length: 20 }, (_, i) => `c${i}: coverage(targetGroup: "seniors", maxDistanceMeters: ${1000 + i}) { areas { population } }`).join(' ')} }` },
];

// ABUSE_ONLY=i keeps only the i-th attack, to find which hurts.
if (process.env.ABUSE_ONLY) attacks.splice(0, attacks.length, attacks[Number(process.env.ABUSE_ONLY)]);

async function httpAttacker(n, untilMs, tally) {
  const localAddress = `127.0.0.${n + 2}`;
  for (let i = n; performance.now() < untilMs; i++) {
    const answer = await post(attacks[i % attacks.length], { localAddress, discard: true });
    tally[answer.status] = (tally[answer.status] ?? 0) + 1;
    if (answer.status === 429) await new Promise((r) => setTimeout(r, 50));
  }
}

async function socketAttacker(n, untilMs, tally) {
  const socket = new WebSocket(endpoint.href.replace('http', 'ws'), 'graphql-transport-ws');
  await new Promise((resolve) => socket.addEventListener('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  // Subscribe as often as a socket may, and never read again (the handler below is all it does), while asking for analyses.
  for (let i = 0; i < 60; i++) socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: 'subscription { networkChanged { dataVersion cause resourceIds relationshipIds areaIds } }' } }));
  socket.addEventListener('message', () => { tally.socketMessages = (tally.socketMessages ?? 0) + 1; });
  for (let i = 0; performance.now() < untilMs && socket.readyState === WebSocket.OPEN; i++) {
    socket.send(JSON.stringify({ id: `q${i}`, type: 'subscribe', payload: attacks[(i + n) % attacks.length] }));
    await new Promise((r) => setTimeout(r, 20));
  }
  tally.socketClosed = (tally.socketClosed ?? 0) + (socket.readyState === WebSocket.OPEN ? 0 : 1);
  socket.close();
}

if (process.env.WORKER_MS) {
  process.send(await worker(performance.now() + Number(process.env.WORKER_MS)));
  process.exit(0);
}

const workerProcess = (ms) => new Promise((resolve) => fork(new URL(import.meta.url), process.argv.slice(2), { env: { ...process.env, WORKER_MS: String(ms) } }).on('message', resolve));

const percentile = (values, p) => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]; };
const summary = (name, run) => `${name.padEnd(12)} reads ${run.reads.length} p50 ${percentile(run.reads, 0.5).toFixed(1)} ms p99 ${percentile(run.reads, 0.99).toFixed(1)} ms | writes ${run.writes.length} p50 ${percentile(run.writes, 0.5).toFixed(1)} ms p99 ${percentile(run.writes, 0.99).toFixed(1)} ms | failed writes ${run.failedWrites}`;

await workerProcess(3000); // warm-up, not measured
const quiet = await workerProcess(seconds * 1000);
const tally = {};
const until = performance.now() + seconds * 1000;
// ABUSE_HTTP and ABUSE_SOCKETS choose how many attackers of each kind (6 and 2 unless given), to find which hurts.
const httpCount = Number(process.env.ABUSE_HTTP ?? 6), socketCount = Number(process.env.ABUSE_SOCKETS ?? 2);
const attackers = [...Array.from({ length: httpCount }, (_, n) => httpAttacker(n, until, tally)), ...Array.from({ length: socketCount }, (_, n) => socketAttacker(n, until, tally))];
await new Promise((r) => setTimeout(r, 1000)); // the attack under way
const attacked = await workerProcess(until - performance.now());
await Promise.all(attackers);

console.log(summary('attack off', quiet));
console.log(summary('attack on', attacked));
console.log('attackers\' answers by HTTP status:', JSON.stringify(tally));
const slowest = (values) => [...values].sort((x, y) => y - x).slice(0, 5).map((v) => v.toFixed(0)).join(', ');
console.log(`slowest without the attack: reads ${slowest(quiet.reads)} ms; writes ${slowest(quiet.writes)} ms`);
console.log(`slowest with the attack: reads ${slowest(attacked.reads)} ms; writes ${slowest(attacked.writes)} ms`);
if (process.env.ABUSE_TRACE) console.log('writes over 50 ms at', attacked.writes.map((v, i) => [i, v]).filter(([, v]) => v > 50).map(([i, v]) => `#${i} ${v.toFixed(0)} ms`).join(', '));
const ratio = Math.max(percentile(attacked.reads, 0.99) / percentile(quiet.reads, 0.99), percentile(attacked.writes, 0.99) / percentile(quiet.writes, 0.99));
console.log(`p99 with the attack / without: ${ratio.toFixed(2)} (target ≤ 2), failed writes ${attacked.failedWrites + quiet.failedWrites} (target 0)`);
