#!/usr/bin/env bash
# Starts the follow-me network server (Kamailio 5.6) in the foreground, with no
# system paths: everything lives in RUNDIR and the database file.
#
#   start-network-server.sh [--ip 127.0.0.1] [--port 5060] [--db PATH]
#       [--rundir DIR] [--pstn-uri sip:HOST:PORT] [--realm REALM]
#       [--pstn-source IP:PORT] [--usrloc-timer SECONDS] [--sha256] [--log FILE]
#       [--nonce-expire SECONDS] [--min-expires SECONDS]
#
# Creates the database if missing, writes RUNDIR/kamailio.cfg, starts kamailio,
# waits until `kamcmd core.uptime` answers, prints "PID <pid>" and returns.
# Kamailio keeps running in the background of the caller; stop it with
# `kill <pid>` (its children exit within about 1.5 s).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ip=127.0.0.1
port=5060
rundir=""
db=""
pstn_uri=""
pstn_source=none
realm=""
usrloc_timer=10
nonce_expire=300
min_expires=60
sha256=0
log=""

while [[ $# -gt 0 ]]; do
    case "$1" in
        --ip) ip="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --rundir) rundir="$2"; shift 2 ;;
        --pstn-uri) pstn_uri="$2"; shift 2 ;;
        --pstn-source) pstn_source="$2"; shift 2 ;;
        --realm) realm="$2"; shift 2 ;;
        --usrloc-timer) usrloc_timer="$2"; shift 2 ;;
        --nonce-expire) nonce_expire="$2"; shift 2 ;;
        --min-expires) min_expires="$2"; shift 2 ;;
        --sha256) sha256=1; shift ;;
        --log) log="$2"; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

rundir="${rundir:-/tmp/network-server-$port}"
mkdir -p "$rundir"
rundir="$(cd "$rundir" && pwd)"
db="${db:-$rundir/network-server.db}"
mkdir -p "$(dirname "$db")"
db="$(cd "$(dirname "$db")" && pwd)/$(basename "$db")"
pstn_uri="${pstn_uri:-sip:$ip:5090}"
realm="${realm:-$ip}"
log="${log:-$rundir/kamailio.log}"

for value in "$ip" "$port" "$db" "$rundir" "$pstn_uri" "$pstn_source" "$realm" "$usrloc_timer" "$nonce_expire" "$min_expires"; do
    # '!' is the #!substdef separator and quotes would end the value early.
    if [[ "$value" == *[\!\"\'[:space:]]* ]]; then
        echo "invalid character in '$value'" >&2
        exit 2
    fi
done

if [[ ! -e "$db" ]]; then
    bash "$here/create-db.sh" "$db"
fi

cfg="$rundir/kamailio.cfg"
{
    echo "#!KAMAILIO"
    echo "#!substdef \"!NS_LISTEN_IP!$ip!g\""
    echo "#!substdef \"!NS_SIP_PORT!$port!g\""
    echo "#!substdef \"!NS_REALM!$realm!g\""
    echo "#!substdef \"!NS_RUNDIR!$rundir!g\""
    # Four slashes: sqlite:/// plus an absolute path that starts with /.
    echo "#!substdef \"!NS_DB_URL!sqlite:///$db!g\""
    echo "#!substdef \"!NS_PSTN_URI!$pstn_uri!g\""
    echo "#!substdef \"!NS_PSTN_SOURCE!$pstn_source!g\""
    echo "#!substdef \"!NS_USRLOC_TIMER!$usrloc_timer!g\""
    echo "#!substdef \"!NS_NONCE_EXPIRE!$nonce_expire!g\""
    echo "#!substdef \"!NS_MIN_EXPIRES!$min_expires!g\""
    if [[ "$sha256" == 1 ]]; then
        echo "#!define NS_WITH_SHA256 1"
    fi
    grep -v '^#!KAMAILIO' "$here/kamailio.cfg"
} > "$cfg"

kamailio -c -f "$cfg" -Y "$rundir" >"$rundir/check.log" 2>&1 || {
    cat "$rundir/check.log" >&2
    echo "config check failed" >&2
    exit 1
}

kamailio -DD -E -f "$cfg" -Y "$rundir" -P "$rundir/kamailio.pid" -m 64 -M 8 -w "$rundir" \
    </dev/null >>"$log" 2>&1 &
pid=$!

ctl="unix:$rundir/kamailio_ctl"
for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then
        tail -n 40 "$log" >&2
        echo "kamailio exited during start" >&2
        exit 1
    fi
    if kamcmd -s "$ctl" core.uptime 2>/dev/null | grep -q uptime; then
        echo "PID $pid"
        exit 0
    fi
    sleep 0.1
done

kill "$pid" 2>/dev/null || true
tail -n 40 "$log" >&2
echo "kamailio did not answer on $ctl" >&2
exit 1
