// Serves a folder over http on 127.0.0.1 (the atlas page and its files). No dependencies.
// usage: node scripts/serve.mjs DIR [PORT]   (PORT 0 or absent: 8080, or the next free one)
// Everything under /portal/ (the embedding example) is served with the strict
// Content-Security-Policy a ministry portal would use, so the example proves it runs under it.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] || ".");
let port = Number(process.argv[3] || 8080);
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".json": "application/json", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml",
};

const portalCsp =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

const server = http.createServer((req, res) => {
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
  } catch {
    res.writeHead(400).end("bad request");
    return;
  }
  if (rel.endsWith("/")) rel += "atlas.html";
  const file = path.join(root, path.normalize(rel));
  if (!file.startsWith(root + path.sep) && file !== root) {
    res.writeHead(403).end("forbidden");
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, {"Content-Type": "text/plain"}).end("not found");
      return;
    }
    const headers = {"Content-Type": types[path.extname(file)] || "application/octet-stream",
                     "Cache-Control": "no-cache"};
    if (rel.startsWith("/portal/")) headers["Content-Security-Policy"] = portalCsp;
    res.writeHead(200, headers);
    res.end(data);
  });
});

server.on("error", (e) => {
  if (e.code === "EADDRINUSE" && port < 8100) {
    port += 1;
    server.listen(port, "127.0.0.1");
  } else {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  }
});
server.listen(port, "127.0.0.1", () => {});
server.on("listening", () => {
  console.log(`Atlas Inovasi is served at http://127.0.0.1:${server.address().port}/atlas.html`);
  if (fs.existsSync(path.join(root, "portal", "portal-example.html")))
    console.log(`Portal embedding example (strict CSP): http://127.0.0.1:${server.address().port}/portal/portal-example.html`);
  console.log("(Ctrl+C stops the server)");
});
