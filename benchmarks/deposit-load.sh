#!/usr/bin/env bash
# Durable deposits through the service, measured as a notary office runs it: on a fresh temporary
# directory, builds Release, makes a deployment CA, a server certificate and the office's and one
# enterprise party's certificates (`evidencechain ca ...`), starts the service in Release in mutual
# TLS mode on a free loopback port, registers the party and binds its depositor key as the office
# does (`evidencechain party register`, `party bind-key`), runs the load client as that party, prints
# its figures, and stops the service it started (by its PID). --mode dev runs the same load over
# plaintext HTTP/2 in development mode instead (every caller is one development party, here an
# enterprise), for comparison. Loopback only; anchoring off (it is one transaction per interval,
# not per deposit); checkpoints are stamped by the built-in TSA, the service's default.
#
# Usage: benchmarks/deposit-load.sh [--mode mtls|dev] [--streams N] [--requests-per-stream N]
#            [--entries N] [--in-flight N] [--duration SECONDS] [--receipts N] [--runs N] [--no-build]
#            [--until-leaves N] [--receipts-of-log N] [--reuse DIR] [--keep] [--metrics] [-- SERVICE_ARGS...]
#   defaults: mtls, 4 streams x 60 requests x 100 entries, 50 requests in flight per stream, one run
#   (about a minute and a half with the Release build, 15 s without). --runs N runs the client N
#   times against the same service and prints each run's figures and their medians: each run then
#   finds the store larger, and slower, than the one before (docs/benchmarks.md). --keep leaves the
#   temporary directory (certificates, data, logs). Arguments after -- go to the service (e.g.
#   --Sequencer:Interval=00:00:00.250). --until-leaves N repeats runs (each a fresh client, so
#   each within the 4 minutes a signed request stays good: give --duration) until the log holds N
#   leaves. --receipts-of-log N then asks N receipts of leaves at random from the whole log.
#   --reuse DIR works in DIR and keeps it: a second call with --reuse on a kept directory restarts
#   the service on its data (certificates and party reused) and, with --runs 0, only measures.
#   --metrics turns on the service's Prometheus endpoint (GET /metrics on the public listener,
#   docs/operations.md), scrapes it every second while the load runs (the highest queue depth and
#   sequencer lag seen are printed) and prints the key lines of a scrape after the runs.
#
#   Proof serving in a 10-million-leaf log (docs/benchmarks.md: deposits for most of an hour here,
#   then receipts against a freshly started service):
#     benchmarks/deposit-load.sh --streams 4 --requests-per-stream 6000 --duration 230 --until-leaves 10000000 --reuse /var/tmp/ten-million
#     benchmarks/deposit-load.sh --no-build --runs 0 --receipts-of-log 20000 --reuse /var/tmp/ten-million
#
#   The long runs of docs/benchmarks.md, each three times on a fresh service (about 20 s each plus
#   start-up on a 2-vCPU machine), and a time-bounded one:
#     for run in 1 2 3; do benchmarks/deposit-load.sh --no-build --streams 4 --requests-per-stream 400; done
#     for run in 1 2 3; do benchmarks/deposit-load.sh --no-build --mode dev --streams 4 --requests-per-stream 400; done
#     for run in 1 2 3; do benchmarks/deposit-load.sh --no-build --streams 8 --requests-per-stream 200; done
#     for run in 1 2 3; do benchmarks/deposit-load.sh --no-build --mode dev --streams 8 --requests-per-stream 200; done
#     benchmarks/deposit-load.sh --streams 8 --requests-per-stream 1500 --duration 120
set -euo pipefail

mode=mtls streams=4 requests=60 entries=100 in_flight=50 duration=0 receipts=0 runs=1 build=1 keep=0
until_leaves=0 receipts_of_log=0 reuse= metrics=0
service_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mode) mode=$2; shift 2 ;;
        --streams) streams=$2; shift 2 ;;
        --requests-per-stream) requests=$2; shift 2 ;;
        --entries) entries=$2; shift 2 ;;
        --in-flight) in_flight=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --receipts) receipts=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --until-leaves) until_leaves=$2; shift 2 ;;
        --receipts-of-log) receipts_of_log=$2; shift 2 ;;
        --reuse) reuse=$2; keep=1; shift 2 ;;
        --no-build) build=0; shift ;;
        --keep) keep=1; shift ;;
        --metrics) metrics=1; shift ;;
        --) shift; service_args=("$@"); break ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1 (--help)" >&2; exit 2 ;;
    esac
done
[[ $mode == mtls || $mode == dev ]] || { echo "--mode is mtls or dev" >&2; exit 2; }

repo=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n $reuse ]]; then mkdir -p "$reuse"; work=$(cd "$reuse" && pwd); else work=$(mktemp -d); fi
service_pid=
sampler_pid=
cleanup() {
    [[ -n $sampler_pid ]] && kill "$sampler_pid" 2>/dev/null || true
    if [[ -n $service_pid ]] && kill -0 "$service_pid" 2>/dev/null; then
        kill -TERM "$service_pid"
        for _ in $(seq 1 300); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$service_pid" 2>/dev/null && kill -KILL "$service_pid"
    fi
    if [[ $keep == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ $build == 1 ]]; then
    for project in src/EvidenceChain.Service src/EvidenceChain.Cli benchmarks/EvidenceChain.LoadClient; do
        dotnet build -c Release --nologo -v quiet "$repo/$project" >"$work/build.log" 2>&1 \
            || { cat "$work/build.log" >&2; exit 1; }
    done
fi
service_dll=$repo/src/EvidenceChain.Service/bin/Release/net10.0/EvidenceChain.Service.dll
cli_dll=$repo/src/EvidenceChain.Cli/bin/Release/net10.0/evidencechain.dll
load_dll=$repo/benchmarks/EvidenceChain.LoadClient/bin/Release/net10.0/EvidenceChain.LoadClient.dll
cli() { dotnet "$cli_dll" --lang en "$@"; }

common=(--data "$work/data" --Anchor:Mode=off)
if [[ $mode == mtls && ! -f $work/ca/ca.crt.pem ]]; then
    cli ca init --dir "$work/ca" --name "Load Test Deployment CA" >/dev/null
    cli ca issue-server --dir "$work/ca" --out "$work/server" >/dev/null
fi
if [[ $mode == mtls ]]; then
    listen=(--urls https://127.0.0.1:0 --Public:Urls=https://127.0.0.1:0 --Security:Mode=mtls
        "--Security:CaCertificate=$work/ca/ca.crt.pem"
        "--Security:ServerCertificate=$work/server.crt.pem" "--Security:ServerKey=$work/server.key.pem")
else
    listen=(--urls http://127.0.0.1:0 --Public:Urls=http://127.0.0.1:0 --Security:DevelopmentRole=Enterprise)
fi

# Metrics are on by default in development mode only: mtls mode needs them asked for.
[[ $metrics == 1 ]] && common+=(--Metrics:Enabled=true)
dotnet "$service_dll" "${common[@]}" "${listen[@]}" "${service_args[@]}" >"$work/service.log" 2>&1 &
service_pid=$!
address=
for _ in $(seq 1 600); do
    address=$(grep -oE 'EvidenceChain service listening on https?://127\.0\.0\.1:[0-9]+' "$work/service.log" 2>/dev/null | grep -oE 'https?://.*' || true)
    [[ -n $address ]] && break
    kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; echo "the service exited before listening" >&2; exit 1; }
    sleep 0.1
done
[[ -n $address ]] || { cat "$work/service.log" >&2; echo "the service did not listen within 60 s" >&2; exit 1; }
echo "service pid $service_pid listening on $address ($mode mode), data in $work/data"

client_tls=()
if [[ $mode == mtls && -f $work/party.crt.pem ]]; then
    client_tls=(--ca "$work/ca/ca.crt.pem" --cert "$work/party.crt.pem" --cert-key "$work/party.key.pem" --depositor-key "$work/depositor.key")
    echo "enterprise party of $work reused"
elif [[ $mode == mtls ]]; then
    # As the office does it: its own certificate from the id the service wrote on first start, then
    # the enterprise registered, its certificate issued, and its depositor key bound.
    office_id=$(tr -d '[:space:]' <"$work/data/office-party.txt")
    cli ca issue-party --dir "$work/ca" --name "Load Test Notary Office" --party-id "$office_id" --out "$work/office" >/dev/null
    as_office=(--server "$address" --ca "$work/ca/ca.crt.pem" --cert "$work/office.crt.pem" --cert-key "$work/office.key.pem")
    party_id=$(cli party register --role enterprise --name "Load Test Enterprise" "${as_office[@]}" | sed -n 's/^party id: \([0-9a-f]\{32\}\)$/\1/p')
    [[ -n $party_id ]] || { echo "party register printed no party id" >&2; exit 1; }
    cli ca issue-party --dir "$work/ca" --name "Load Test Enterprise" --party-id "$party_id" --out "$work/party" >/dev/null
    cli party my-key --depositor-key "$work/depositor.key" >/dev/null
    cli party bind-key --party "$party_id" --key-file "$work/depositor.key" "${as_office[@]}" >/dev/null
    client_tls=(--ca "$work/ca/ca.crt.pem" --cert "$work/party.crt.pem" --cert-key "$work/party.key.pem" --depositor-key "$work/depositor.key")
    echo "enterprise party $party_id registered, certificate issued, depositor key bound"
fi

if [[ $metrics == 1 ]]; then
    public=$(grep -oE 'EvidenceChain public listener on https?://127\.0\.0\.1:[0-9]+' "$work/service.log" | head -1 | grep -oE 'https?://.*')
    curl_tls=()
    [[ $mode == mtls ]] && curl_tls=(--cacert "$work/ca/ca.crt.pem")
    scrape() { curl -sS --max-time 5 "${curl_tls[@]}" "$public/metrics"; }
    # One sample a second while the load runs: the queue depth and the sequencer lag at that moment.
    ( while :; do
        scrape 2>/dev/null | grep -E '^evidencechain_(intake_queue_depth|sequencer_lag)[{ ]' | sed "s/^/$(date +%s) /"
        sleep 1
      done ) >"$work/metrics-during.txt" &
    sampler_pid=$!
    echo "metrics: scraping $public/metrics every second during the runs"
fi
echo "machine: $(nproc) vCPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
tree_size() { dotnet "$load_dll" --server "$address" "${client_tls[@]}" --tree-size 1 2>/dev/null || echo 0; }
figures=()
run=0
while :; do
    run=$((run + 1))
    if [[ $until_leaves -gt 0 ]]; then
        size=$(tree_size)
        [[ $size -lt $until_leaves ]] || break
        echo "run $run: $streams streams x $requests requests x $entries entries, the log at $size of $until_leaves leaves"
    else
        [[ $run -le $runs ]] || break
        echo "run $run of $runs: $streams streams x $requests requests x $entries entries"
    fi
    dotnet "$load_dll" --server "$address" --server-pid "$service_pid" "${client_tls[@]}" \
        --streams "$streams" --requests-per-stream "$requests" --entries "$entries" \
        --in-flight "$in_flight" --duration "$duration" --receipts "$receipts" | tee "$work/run-$run.txt"
    figures+=("$(grep '^figures:' "$work/run-$run.txt")")
done
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs"
if [[ $metrics == 1 ]]; then
    kill "$sampler_pid" 2>/dev/null || true
    sampler_pid=
    awk '$2 ~ /^evidencechain_intake_queue_depth[{ ]/ { if ($NF > q) q = $NF; n++ }
         $2 ~ /^evidencechain_sequencer_lag[{ ]/ { if ($NF > l) l = $NF }
         END { printf "metrics during the runs: %d samples, highest queue depth %d leaves, highest sequencer lag %d leaves\n", n, q, l }' "$work/metrics-during.txt"
    sleep 1  # one sequencer interval or two, so the last leaves are signed
    scrape >"$work/metrics-after.txt"
    echo "metrics after the runs (key lines of GET $public/metrics):"
    grep -E '^evidencechain_(deposits_(accepted|acknowledged)_total|promise_(broken_total|inclusion_delay_seconds_(count|sum))|sequencer_lag|checkpoint_age_seconds|intake_queue_depth|requests_rejected_total|tsa_failures_total)[{ ]' "$work/metrics-after.txt" \
        | sed -E 's/\{otel_scope_name="EvidenceChain"(,)?/{/; s/\{\}//' | sed 's/^/  /'
fi
if [[ $receipts_of_log -gt 0 ]]; then
    dotnet "$load_dll" --server "$address" --server-pid "$service_pid" "${client_tls[@]}" --receipts-of-log "$receipts_of_log"
fi
# The store's size on disk per leaf: the data directory (LiteDB's files and its log) over the tree size.
leaves=$(tree_size)
store_bytes=$(du -sb "$work/data" | cut -f1)
[[ $leaves -gt 0 ]] && echo "store: $store_bytes bytes on disk for $leaves leaves = $((store_bytes / leaves)) bytes per leaf"

if [[ ${#figures[@]} -gt 1 ]]; then
    # The median of each figure over the runs (the middle one; the upper middle for an even count).
    printf '%s\n' "${figures[@]}" | awk '
        { for (i = 2; i <= NF; i++) { split($i, kv, "="); names[i] = kv[1]; values[kv[1], NR] = kv[2] } fields = NF }
        END {
            line = "median of " NR " runs:"
            for (i = 2; i <= fields; i++) {
                n = 0; for (r = 1; r <= NR; r++) sorted[++n] = values[names[i], r] + 0
                for (a = 1; a <= n; a++) for (b = a + 1; b <= n; b++) if (sorted[b] < sorted[a]) { t = sorted[a]; sorted[a] = sorted[b]; sorted[b] = t }
                line = line " " names[i] "=" sorted[int(n / 2) + 1]
            }
            print line
        }'
fi

if grep -qE '^(fail|crit):' "$work/service.log"; then
    echo "the service logged errors:" >&2
    grep -E -A3 '^(fail|crit):' "$work/service.log" >&2
    exit 1
fi
