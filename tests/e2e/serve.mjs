// A tiny static server for dist/, so the e2e run tests the very files a host would serve.
// Serves under a sub-path (/sub/path/) as well as at the root, to prove relative URLs work.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

// `gzip`: compress responses for clients that accept it, as static hosts do (the start-up
// benchmark's throttled network measures what a learner's phone would download).
export function serve(root, { prefix = '/', gzip = false } = {}) {
  const absRoot = path.resolve(root);
  const packed = new Map();
  const server = http.createServer((req, res) => {
    let url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!url.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
    url = url.slice(prefix.length - 1);
    if (url.endsWith('/')) url += 'index.html';
    const file = path.resolve(absRoot, '.' + url);
    if (!file.startsWith(absRoot)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 9 }));
        body = packed.get(file);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
