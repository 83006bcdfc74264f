"""dateparser over the exported TE3-silver texts: python dateparser_bench.py IN.jsonl [SAMPLE]

SAMPLE documents spread evenly over the file (all when omitted); prints one JSON line."""
import datetime
import json
import sys
import time

from dateparser.search import search_dates

docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
sample = int(sys.argv[2]) if len(sys.argv) > 2 else len(docs)
if sample < len(docs):
    step = len(docs) / sample
    docs = [docs[int(i * step)] for i in range(sample)]
nbytes = sum(len(d["text"].encode("utf-8")) for d in docs)
# Warm up: dateparser loads its language data on first use.
search_dates("He arrived on Monday.", languages=["en"])
start = time.perf_counter()
found = 0
for d in docs:
    base = datetime.datetime.fromisoformat(d["dct"]) if d.get("dct") else datetime.datetime.now()
    found += len(search_dates(d["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or [])
secs = time.perf_counter() - start
print(json.dumps({"tool": "dateparser", "docs": len(docs), "bytes": nbytes, "secs": secs,
                  "found": found, "mbps": nbytes / 1e6 / secs}))
