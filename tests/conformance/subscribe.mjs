// Subscribes with the graphql-ws client (graphql-transport-ws) and prints "subscribed" once the server acknowledged,
// then each event as one JSON line, and exits after COUNT events. Usage: node subscribe.mjs ws://HOST/graphql QUERY COUNT
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, query, count] = process.argv.slice(2);
let received = 0;
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  on: { connected: () => console.log('subscribed') },
});
const timer = setTimeout(() => { console.error('timed out'); process.exit(3); }, 60_000);
client.subscribe({ query }, {
  next: (result) => {
    console.log(JSON.stringify(result));
    if (++received >= Number(count)) {
      clearTimeout(timer);
      client.dispose();
      process.exit(0);
    }
  },
  error: (error) => { console.error(JSON.stringify(error?.message ?? error)); process.exit(1); },
  complete: () => {},
});
