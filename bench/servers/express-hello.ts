// A bare Express 5 hello world, nothing else imported: the start-up time the mock's is compared with.
import express from 'express';

const app = express();
app.get('/', (_request, response) => {
  response.send('Hello World!');
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port');
  process.stdout.write(`hello world listening on http://127.0.0.1:${address.port}\n`);
});
