#!/usr/bin/env bash
# Rafaga against the seed's approach and a bare QNAM loop, side by side, in one run.
#
#   tests/bench/compare.sh BUILD_DIR [-n REQUESTS] [-c "20 200"] [-r ROUNDS] [--only h1|h2]
#                          [--rows FILE] [--peers] [--qt-path]
#
# BUILD_DIR is a configured and built tree (it must hold bin/rafaga and tests/bench/bench_qnam;
# this script builds nothing). Against one loopback nginx (HTTP/1.1 keep-alive on one port, h2c
# with prior knowledge on another, the same tiny answer as ../shared/bench/peers.sh), for each
# concurrency and each round, these run back to back, their order rotating from round to round:
#   seed       ../shared/bench/seed_aiohttp.py (aiohttp + asyncio.gather), HTTP/1.1
#   qnam       bench_qnam: the bare QNAM loop recording nothing, HTTP/1.1 and --http2
#   rafaga     rafaga run --url URL -n N -c C [--http2] -q --json FILE, HTTP/1.1 and --http2
#              (HTTP/1.1 goes through Rafaga's fast path, FastHttpManager)
#   rafaga-qt  with --qt-path: the same over HTTP/1.1 with RAFAGA_QT_HTTP=1, i.e. through Qt's
#              own HTTP/1.1 stack, to compare with the bare QNAM loop on equal terms
# Figures are medians over ROUNDS (default 3); ratios are medians of the per-round ratios, so a
# burst of load from elsewhere hits both sides of a ratio alike. The HTTP/2 rows compare with the
# seed over HTTP/1.1 (it has no HTTP/2). As in peers.sh:
#   req/s  = REQUESTS / the client's wall time, process start to exit
#   cpu_us = (user + sys CPU of the client process) / REQUESTS
#   rss_mb = the client's peak resident memory
# --rows FILE keeps every timing ("c client http round wall user sys rss_kb", one per line).
# --peers also runs ../shared/bench/peers.sh --rafaga (ab, wrk, h2load, hey) at the first
# concurrency, for the ceiling on this machine. Loopback only; every loop is bounded; nginx is
# stopped at exit.
set -euo pipefail

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }
[ $# -ge 1 ] || { usage >&2; exit 2; }
case "$1" in -h|--help) usage; exit 0 ;; esac
BUILD=$(cd "$1" 2>/dev/null && pwd) || { echo "compare.sh: no build directory $1" >&2; exit 2; }; shift
N=100000; CONCURRENCIES="20 200"; ROUNDS=3; ONLY=""; PEERS=0; ROWS=""; QTPATH=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) N=$2; shift 2 ;;
    -c) CONCURRENCIES=$2; shift 2 ;;
    -r) ROUNDS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --rows) ROWS=$2; shift 2 ;;
    --peers) PEERS=1; shift ;;
    --qt-path) QTPATH=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

RAFAGA=$BUILD/bin/rafaga
QNAM=$BUILD/tests/bench/bench_qnam
for binary in "$RAFAGA" "$QNAM"; do
  [ -x "$binary" ] || { echo "compare.sh: $binary is missing: build BUILD_DIR first (ninja -C $BUILD rafaga bench_qnam)" >&2; exit 2; }
done

# The shared bench folder sits beside the repository: <repo>/../shared/bench.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel 2>/dev/null || (cd "$HERE/../.." && pwd))
SHARED=${RAFAGA_SHARED_BENCH:-$(cd "$REPO/.." && pwd)/shared/bench}
for file in seed_aiohttp.py peers.sh; do
  [ -f "$SHARED/$file" ] || { echo "compare.sh: $SHARED/$file not found (expected ../shared/bench beside the repository $REPO; set RAFAGA_SHARED_BENCH to its folder)" >&2; exit 2; }
done

need=()
command -v nginx >/dev/null || need+=(nginx-light)
[ -x /usr/bin/time ] || need+=(time)
/usr/bin/python3 -c 'import aiohttp' 2>/dev/null || need+=(python3-aiohttp)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

WORK=$(mktemp -d)
H1=$((20000 + RANDOM % 20000)); H2=$((H1 + 1))
cat >"$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 10000000;
  server {
    listen 127.0.0.1:$H1;
    listen 127.0.0.1:$H2 http2;
    location / { return 200 '{"ok":true,"id":1}\n'; }
  }
}
EOF
nginx -c "$WORK/nginx.conf"
trap 'nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null; sleep 0.2; rm -rf "$WORK"' EXIT
sleep 0.3
U1="http://127.0.0.1:$H1/"; U2="http://127.0.0.1:$H2/"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# run KEY CMD...: times one client; appends "KEY round wall user sys rss_kb" to $WORK/rows
run() {
  local key=$1; shift
  if ! /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" "$@" >"$WORK/out" 2>&1; then
    echo "$key failed (round $round): $(tail -3 "$WORK/out")" >&2; return 0
  fi
  echo "$key $round $(cat "$WORK/t")" >>"$WORK/rows"
}

for c in $CONCURRENCIES; do
  clients=(seed)
  [ "$ONLY" != h2 ] && clients+=(qnam-h1 rafaga-h1)
  [ "$ONLY" != h2 ] && [ "$QTPATH" = 1 ] && clients+=(rafaga-qt-h1)
  [ "$ONLY" != h1 ] && clients+=(qnam-h2 rafaga-h2)
  for round in $(seq "$ROUNDS"); do
    count=${#clients[@]}
    for ((i = 0; i < count; i++)); do
      client=${clients[$(( (i + round - 1) % count ))]}
      echo "c=$c round $round/$ROUNDS: $client" >&2
      case $client in
        seed) run "$c seed h1" /usr/bin/python3 "$SHARED/seed_aiohttp.py" "$N" "$c" "$U1" ;;
        qnam-h1) run "$c qnam h1" "$QNAM" --url "$U1" -n "$N" -c "$c" ;;
        qnam-h2) run "$c qnam h2" "$QNAM" --url "$U2" -n "$N" -c "$c" --http2 ;;
        rafaga-h1) run "$c rafaga h1" "$RAFAGA" run --url "$U1" -n "$N" -c "$c" -q --json "$WORK/r.json" ;;
        rafaga-qt-h1) run "$c rafaga-qt h1" env RAFAGA_QT_HTTP=1 "$RAFAGA" run --url "$U1" -n "$N" -c "$c" -q --json "$WORK/r.json" ;;
        rafaga-h2) run "$c rafaga h2" "$RAFAGA" run --url "$U2" --http2 -n "$N" -c "$c" -q --json "$WORK/r.json" ;;
      esac
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
[ -n "$ROWS" ] && cp "$WORK/rows" "$ROWS"

echo
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(grep -m1 PRETTY_NAME /etc/os-release | cut -d'"' -f2); Qt $(qtpaths6 --qt-version 2>/dev/null || echo '?')"
echo "# $N GETs per client, median of $ROUNDS rounds; loopback nginx; load average $LOAD_BEFORE before, $LOAD_AFTER after"
printf "%-5s %-4s %-9s %9s %8s %8s %8s %8s\n" c http client req/s cpu_us rss_mb vs_seed vs_qnam
awk -v n="$N" '
  function med(list,   a, cnt, x, y, t) {
    cnt = split(list, a, " ")
    for (x = 1; x <= cnt; x++) for (y = x + 1; y <= cnt; y++) if (a[y] + 0 < a[x] + 0) { t = a[x]; a[x] = a[y]; a[y] = t }
    return (cnt % 2) ? a[(cnt + 1) / 2] : (a[cnt / 2] + a[cnt / 2 + 1]) / 2
  }
  {
    key = $1 " " $2 " " $3; r = $4
    if (!(key in seen)) { seen[key] = 1; order[++m] = key }
    rps[key, r] = ($5 > 0) ? n / $5 : 0
    walls[key] = walls[key] " " $5; cpus[key] = cpus[key] " " ($6 + $7); rsss[key] = rsss[key] " " $8
    rounds[key] = rounds[key] " " r
  }
  # the median over rounds of rps(key) / rps(base), rounds where both ran
  function ratio(key, base,   list, cnt, a, j) {
    list = ""; cnt = split(rounds[key], a, " ")
    for (j = 1; j <= cnt; j++) if (((base, a[j]) in rps) && rps[base, a[j]] > 0) list = list " " rps[key, a[j]] / rps[base, a[j]]
    return (list == "") ? "-" : sprintf("%.2fx", med(list))
  }
  END {
    for (j = 1; j <= m; j++) {
      key = order[j]; split(key, p, " ")
      if (p[2] != "seed") continue
      printf "%-5s %-4s %-9s %9.0f %8.1f %8.1f %8s %8s\n", p[1], p[3], p[2], n / med(walls[key]),
        med(cpus[key]) * 1e6 / n, med(rsss[key]) / 1024, "1.00x", "-"
    }
    for (j = 1; j <= m; j++) {
      key = order[j]; split(key, p, " ")
      if (p[2] == "seed") continue
      printf "%-5s %-4s %-9s %9.0f %8.1f %8.1f %8s %8s\n", p[1], p[3], p[2], n / med(walls[key]),
        med(cpus[key]) * 1e6 / n, med(rsss[key]) / 1024, ratio(key, p[1] " seed h1"),
        (p[2] ~ /^rafaga/) ? ratio(key, p[1] " qnam " p[3]) : "-"
    }
  }' "$WORK/rows" | sort -s -n -k1,1
echo "# targets (issue 5): rafaga >= 2.0x seed over h1, >= 3.5x seed over h2, >= 0.95x qnam"

if [ "$PEERS" = 1 ]; then
  echo
  first=${CONCURRENCIES%% *}
  bash "$SHARED/peers.sh" -n "$N" -c "$first" -r "$ROUNDS" --rafaga "$RAFAGA"
fi
exit 0
