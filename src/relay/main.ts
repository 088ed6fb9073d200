/**
 * `npm run room`: the whole live workshop from one laptop. Builds the app if the build is missing
 * or older than the sources, starts the relay and serves the app beside it on one port of the
 * local network, and prints the address teams join at with its QR code.
 *
 *   npm run room -- [--port 8080] [--host 0.0.0.0] [--data .rooms] [--app dist]
 *                   [--allow-origin https://dojo.example.org] [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { renderUnicodeCompact } from 'uqr';

import type { Extension } from '@hocuspocus/server';

import { startRelay } from './server.ts';

const HELP = `npm run room — a live workshop room on this laptop

Usage: npm run room -- [options]     (or: npx dojo room [options])

Options:
  --port N             port for the app and the relay (default 8080)
  --host ADDRESS       0.0.0.0 (default): reachable on the local network;
                       127.0.0.1: this laptop only
  --data FOLDER        where rooms are kept (default .rooms)
  --app FOLDER         the built app to serve (default dist; built if missing or stale)
  --no-build           never build; serve the folder as it is
  --no-app             the relay alone (for a hosted copy of the app)
  --allow-origin URL   a hosted copy of the app that may use this relay (repeatable)
  --redis HOST:PORT    one of several relay nodes, kept in sync through Redis
                       (use shared storage for the rooms too; see docs/rooms.md)
  --help               this help
`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The newest modification time under `path` (files only; node_modules and dot folders skipped). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

/** Addresses of this laptop on the local network (IPv4, not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address);
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '0.0.0.0' },
      data: { type: 'string', default: '.rooms' },
      app: { type: 'string', default: 'dist' },
      'no-build': { type: 'boolean', default: false },
      'no-app': { type: 'boolean', default: false },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      redis: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a port number (0–65535), not "${values.port}"\n`);
    return 2;
  }
  const appDir = values['no-app'] ? null : resolve(root, values.app);
  if (appDir && !values['no-build']) {
    const built = join(appDir, 'index.html');
    const stale =
      !existsSync(built) ||
      statSync(built).mtimeMs <
        Math.max(
          newest(join(root, 'src')),
          newest(join(root, 'scenarios')),
          newest(join(root, 'index.html')),
        );
    if (stale) {
      process.stdout.write(`Building the app into ${appDir} …\n`);
      const result = spawnSync('npx', ['vite', 'build', '--outDir', appDir, '--emptyOutDir'], {
        cwd: root,
        stdio: 'inherit',
      });
      if (result.status !== 0) {
        process.stderr.write('The build failed; nothing was started.\n');
        return 1;
      }
    }
  }
  if (appDir && !existsSync(join(appDir, 'index.html'))) {
    process.stderr.write(`No built app in ${appDir} (run without --no-build to build it).\n`);
    return 1;
  }

  let extensions: Extension[] = [];
  if (values.redis) {
    const match = /^([^:]+):(\d+)$/.exec(values.redis);
    if (!match) {
      process.stderr.write(`--redis must be HOST:PORT, not "${values.redis}"\n`);
      return 2;
    }
    // Loaded only for several nodes: one laptop needs no Redis.
    const { Redis } = await import('@hocuspocus/extension-redis');
    extensions = [new Redis({ host: match[1]!, port: Number(match[2]) })];
  }
  const network = values.host === '0.0.0.0' || values.host === '::' ? lanAddresses()[0] : undefined;
  const relay = await startRelay({
    dataDir: resolve(process.cwd(), values.data),
    port,
    host: values.host,
    appDir,
    scenariosDir: join(root, 'scenarios'),
    allowedOrigins: values['allow-origin'],
    extensions,
    publicUrls: network ? [`http://${network}:${port === 0 ? 8080 : port}/`] : [],
    log: (line) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
  });

  const local = values.host === '0.0.0.0' || values.host === '::' ? 'localhost' : values.host;
  const joinUrl = `http://${network ?? local}:${relay.port}/#/room`;
  let out = '\nRoadmap Dojo room is running.\n\n';
  if (appDir) {
    out += `  Facilitator, on this laptop:  http://${local}:${relay.port}/#/room/new\n`;
    out += `  Teams join at:                ${joinUrl}\n\n`;
    out += renderUnicodeCompact(joinUrl, { border: 2 });
    out += '\n\n';
  } else {
    out += `  Relay: ws://${network ?? local}:${relay.port}/relay (behind TLS: wss://…)\n\n`;
  }
  out += `  Rooms are kept in ${resolve(process.cwd(), values.data)}; a restart loses nothing.\n`;
  out += '  Press Ctrl+C to stop.\n\n';
  process.stdout.write(out);

  await new Promise<void>((done) => {
    const stop = () => {
      process.stdout.write('Stopping: writing every room to disk …\n');
      relay.close().then(done, done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
