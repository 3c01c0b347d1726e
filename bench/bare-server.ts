/**
 * The bare-framework ceiling of the HTTP bench (issue 8): Fastify 5 answering a constant JSON, nothing else —
 * run as its own process so it is measured the same way as the app. `node --import tsx bench/bare-server.ts <port>`.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
console.log('ready');
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
