// What both parts of the benchmark (scripts/bench.mjs: the village tablet, and
// scripts/bench-office.mjs: the commune office) need: the command line, the static server,
// deterministic random data, statistics, the machine's description and the CPU throttle.

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const say = (...a) => console.error('[bench]', ...a);

// ---------------------------------------------------------------------------------------
// Command line

const argv = process.argv.slice(2);

/** A numeric option (`--runs 5`), or `dflt`. */
export function numArg(name, dflt) {
  const i = argv.indexOf(name);
  if (i < 0) return dflt;
  const n = Number(argv[i + 1]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} needs a number`);
  return n;
}

/** A text option (`--dist DIR`), or `dflt`. */
export function strArg(name, dflt) {
  const i = argv.indexOf(name);
  if (i < 0) return dflt;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

export const flagArg = (name) => argv.includes(name);

// ---------------------------------------------------------------------------------------
// Static server

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs, which
// the save timings (fractions of a millisecond) need. It changes no byte the app sends.
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The page the benchmark stores data from before the app opens (never part of the app). */
export const BLANK_PATH = '/__bench/blank.html';
const BLANK_PAGE = '<!doctype html><meta charset="utf-8"><title>seed</title>';

/**
 * Serves `dist` on two ports of 127.0.0.1: the app's origin, and a second origin for the
 * baseline pages (same server, but not under the app's service worker, which would answer
 * any navigation in its scope with the app). `srv.pages` maps a path under /__bench/ to a
 * page or file of the benchmark itself ({ type, body }); each part adds its own.
 * Every request is logged (`srv.log`); the bodies of the app's files are kept on the log
 * entry for the first-load figure, which compresses and then drops them.
 */
export function startServer(dist) {
  const log = [];
  const pages = new Map([[BLANK_PATH, { type: TYPES['.html'], body: Buffer.from(BLANK_PAGE) }]]);
  const handler = (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const entry = {
      at: Date.now(),
      port: req.socket.localPort,
      path: url.pathname,
      referer: req.headers.referer || '',
      swScript: req.headers['service-worker'] === 'script',
      status: 0,
      raw: 0,
      gzip: 0,
    };
    log.push(entry);
    const send = (status, type, body) => {
      entry.status = status;
      entry.raw = body.length;
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, ...ISOLATION });
      res.end(body);
    };
    const own = pages.get(url.pathname);
    if (own) return send(200, own.type, own.body);
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return send(400, TYPES['.txt'], Buffer.from('bad path'));
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dist, path.normalize(rel));
    if (!file.startsWith(dist + path.sep)) return send(403, TYPES['.txt'], Buffer.from('forbidden'));
    fs.readFile(file, (err, body) => {
      if (err) return send(404, TYPES['.txt'], Buffer.from('not found'));
      entry.file = path.relative(dist, file);
      entry.body = body; // compressed later, away from the page's load
      send(200, TYPES[path.extname(file)] || 'application/octet-stream', body);
    });
  };
  const a = http.createServer(handler);
  const b = http.createServer(handler);
  const listen = (s) => new Promise((r) => s.listen(0, '127.0.0.1', () => r(s.address().port)));
  return Promise.all([listen(a), listen(b)]).then(([pa, pb]) => ({
    log,
    pages,
    appPort: pa,
    app: `http://127.0.0.1:${pa}`,
    other: `http://127.0.0.1:${pb}`,
    close: () => Promise.all([new Promise((r) => a.close(r)), new Promise((r) => b.close(r))]),
  }));
}

// ---------------------------------------------------------------------------------------
// Deterministic data

/** A seeded random number generator (mulberry32): the same data on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uuid4(r) {
  const b = Array.from({ length: 16 }, () => Math.floor(r() * 256));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** RFC 3339 in UTC, whole seconds. */
export const rfc3339 = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// Vietnamese personal names: family name, middle name, given name.
export const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
export const DEM = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quang'];
export const TEN = ['Hùng', 'Lan', 'Mai', 'Tuấn', 'Dũng', 'Hoa', 'Bình', 'Cường', 'Thảo', 'Nam', 'Hạnh', 'Sơn', 'Phương', 'Tâm', 'Lộc'];

// ---------------------------------------------------------------------------------------
// Statistics and formatting

export const sorted = (xs) => [...xs].sort((a, b) => a - b);
export function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
export const pct = (xs, p) => sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
export const sum = (xs) => xs.reduce((a, x) => a + x, 0);
export const kb = (n) => (n / 1024).toFixed(1);
export const ms = (x, d = 0) => x.toFixed(d);
export const passMark = (ok) => (ok ? '**PASS**' : '**FAIL**');

// ---------------------------------------------------------------------------------------
// Browser

const cdpSessions = new WeakMap();
/** A CDP session for the page, opened once. */
export async function cdpOf(page) {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    cdpSessions.set(page, cdp);
  }
  return cdp;
}

/** CPU throttling (CDP `Emulation.setCPUThrottlingRate`); 1 = none. */
export async function throttle(page, rate) {
  await (await cdpOf(page)).send('Emulation.setCPUThrottlingRate', { rate });
}

// ---------------------------------------------------------------------------------------
// The machine, and the heading every report starts with

export function machine(browserVersion, dist) {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (cpuinfo.match(/^model name\s*:\s*(.+)$/m) || [])[1] || os.cpus()[0]?.model || 'unknown';
  const git = (...a) => {
    try {
      return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const dirty = git('status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock', 'index.html', 'office.html', 'style', 'public');
  const wasmIn = (dir) => (fs.existsSync(dir) && fs.readdirSync(dir).find((f) => f.endsWith('.wasm'))) || '?';
  const rel = path.relative(root, dist);
  return {
    cpu: model,
    cores: os.cpus().length,
    memGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: browserVersion,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: git('rev-parse', '--short=12', 'HEAD') || 'unknown',
    dirty: dirty ? dirty.split('\n').length : 0,
    dist: rel === 'dist' ? '' : rel.startsWith('..') ? dist : rel,
    wasm: wasmIn(dist),
    officeWasm: wasmIn(path.join(dist, 'office')),
    loadBefore: os.loadavg()[0],
  };
}

/** "Results of <date>", the commit and build measured, and the machine table. */
export function machineSection(m) {
  const L = [];
  L.push(`### Results of ${m.date.slice(0, 10)}`, '');
  L.push(
    `Commit \`${m.commit}\`${m.dirty ? ` plus ${m.dirty} uncommitted change(s) in the app's sources` : ''}, ` +
      `wasm \`${m.wasm}\` (village) and \`${m.officeWasm}\` (office)` +
      `${m.dist ? `, measured from the build in \`${m.dist}\`` : ''}, run ${m.date}.`,
    '',
  );
  L.push('| machine | |', '|---|---|');
  L.push(`| CPU | ${m.cpu}, ${m.cores} cores |`);
  L.push(`| memory | ${m.memGiB} GiB |`);
  L.push(`| OS | ${m.kernel} |`);
  L.push(`| browser | Chromium ${m.chromium} (headless, Playwright) |`);
  L.push(`| Node | ${m.node} |`);
  L.push(`| load average (1 min) | ${m.loadBefore.toFixed(2)} at start, ${m.loadAfter.toFixed(2)} at end |`, '');
  return L;
}
