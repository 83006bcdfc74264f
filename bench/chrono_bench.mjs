// chrono-node over the exported TE3-silver texts: node chrono_bench.mjs IN.jsonl [SAMPLE]
// SAMPLE documents spread evenly over the file (all when omitted); prints one JSON line.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const require = createRequire(resolve(process.env.PEERS_NODE ?? "peers/node") + "/");
const chrono = require("chrono-node");
const [input, sampleArg] = process.argv.slice(2);
let docs = readFileSync(input, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const sample = sampleArg ? Number(sampleArg) : docs.length;
if (sample < docs.length) {
  const step = docs.length / sample;
  docs = Array.from({ length: sample }, (_, i) => docs[Math.floor(i * step)]);
}
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, "utf8"), 0);
const refs = docs.map((d) => (d.dct ? new Date(d.dct + "T12:00:00Z") : new Date()));
// Warm up: the first call compiles the parsers.
chrono.parse("He arrived on Monday, March 3.", new Date());
const start = process.hrtime.bigint();
let found = 0;
docs.forEach((d, i) => {
  found += chrono.parse(d.text, refs[i]).length;
});
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ tool: "chrono-node", docs: docs.length, bytes, secs, found, mbps: bytes / 1e6 / secs }));
