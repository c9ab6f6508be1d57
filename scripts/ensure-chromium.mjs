// Real-browser tests need Debian's Chromium. A fresh machine has only Node and npm, so the
// project installs it itself (as root, through apt) instead of downloading a browser build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    console.error(
      `Chromium not found at ${CHROMIUM}. Install it as root: apt-get update && apt-get install -y chromium`,
    );
    process.exit(1);
  }
  console.error(
    `Chromium not found at ${CHROMIUM}: installing Debian's package (apt-get install -y chromium)…`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', 'chromium'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
    process.exit(1);
  }
}
