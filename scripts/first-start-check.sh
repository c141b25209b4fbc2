#!/usr/bin/env bash
# First start on a faked day: `npm start`'s command on an empty data folder with the clock moved by libfaketime
# (Debian package faketime) to each date given, then waits for the first page. Fails when any start does not serve
# it. Usage: scripts/first-start-check.sh 2026-12-04 2027-02-08 …
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "first-start-check: faketime is not installed (apt-get install faketime)" >&2; exit 2; }
[ $# -gt 0 ] || { echo "usage: $0 YYYY-MM-DD [YYYY-MM-DD …]" >&2; exit 2; }
status=0
for day in "$@"; do
  data=$(mktemp -d /tmp/gongzhi-first-start.XXXXXX)
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  log="$data.log"
  started=$(date +%s)
  # setsid: its own process group, so the whole tree (npx, tsx, node) is stopped together.
  setsid env -u DATABASE_URL GONGZHI_DATA="$data" PORT="$port" HOST=127.0.0.1 \
    faketime -f "@$day 10:00:00" npx tsx src/cli/main.ts serve >"$log" 2>&1 &
  pid=$!
  served=no
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    if node -e 'fetch(process.argv[1]).then(async (r) => process.exit(r.ok && (await r.text()).includes("/assets/index-") ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$port/"; then served=yes; break; fi
    sleep 1
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$served" = yes ]; then
    echo "first start on $day: first page served in $(( $(date +%s) - started )) s"
  else
    echo "first start on $day: FAILED — server log:" >&2
    tail -n 30 "$log" >&2
    status=1
  fi
  rm -rf "$data" "$data.log"
done
exit $status
