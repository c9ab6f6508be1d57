import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type NetworkTrap, startNetworkTrap } from './harness';

/**
 * The trap is a witness for every privacy test, so it has to outlive a browser that is rude
 * to it: Chromium may reset a tunnel the trap has refused. An unheard socket error there once
 * ended a whole CI run (ECONNRESET, reported against whichever suite was running).
 */
let trap: NetworkTrap;
beforeAll(async () => {
  trap = await startNetworkTrap();
});
afterAll(async () => {
  await trap?.close();
});

/** Asks for a tunnel, waits for the refusal, then resets the connection as a browser may. */
function connectThenReset(host: string): Promise<string> {
  const port = Number(new URL(trap.server).port);
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`CONNECT ${host}:443 HTTP/1.1\r\nHost: ${host}:443\r\n\r\n`),
    );
    socket.once('error', fail);
    socket.once('data', (answer) => {
      socket.resetAndDestroy();
      done(answer.toString('latin1').split('\r\n')[0] ?? '');
    });
  });
}

test('a refused tunnel that the browser resets is remembered and does not break the trap', async () => {
  const answers: string[] = [];
  for (const host of ['reset-1.example', 'reset-2.example', 'reset-3.example']) {
    answers.push(await connectThenReset(host));
  }
  expect(answers).toEqual(Array(3).fill('HTTP/1.1 403 Forbidden'));
  // Give the resets time to reach the trap's sockets: an unheard error would surface here.
  await new Promise((done) => setTimeout(done, 200));

  const plain = await fetch(`${trap.server}/still-listening`).then((r) => r.status);
  expect(plain).toBe(403);
  expect(trap.seen()).toEqual([
    'https://reset-1.example:443',
    'https://reset-2.example:443',
    'https://reset-3.example:443',
    '/still-listening',
  ]);
});
