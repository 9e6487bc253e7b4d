#!/usr/bin/env bash
# Starts the DNS server the DNSBL tests ask (bind9's named, on loopback only) and prints its address as an
# environment assignment; "stop DIR" ends it. Usage: dns.sh start DIR | dns.sh stop DIR
# It answers for these zones, and for nothing else (it is the root of its own small DNS, so no query ever
# leaves the machine):
#   bl.test            a blocklist Proxyscope does not know: 127.0.0.2 (the test entry every list carries) and
#                      192.0.2.7 listed with two return codes and a TXT reason; everything else NXDOMAIN
#   dnsbl.dronebl.org  DroneBL's zone, served here: 192.0.2.7 listed as an open SOCKS and HTTP proxy (127.0.0.8, .9)
#   zen.spamhaus.org   Spamhaus ZEN's zone, served here refusing the asker: 127.255.255.254 for every name (as
#                      Spamhaus answers queries that come through public resolvers)
#   empty.test         a list that lists nobody: NXDOMAIN for every name
#   slow.test          a list that never answers: named drops every query for it (a response-policy zone)
# The port is 25353, or 10, 20, ... higher when taken.
set -euo pipefail
# shellcheck source=free-port.sh
. "$(dirname "$0")/free-port.sh"
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd -P)

zone() { # NAME RECORDS: writes the zone file NAME.db with an SOA and NS record and RECORDS
    cat >"$dir/$1.db" <<ZONE
\$TTL 60
@ IN SOA ns.test. hostmaster.test. 1 60 60 600 60
@ IN NS ns.test.
$2
ZONE
}

case "$action" in
start)
    free_port 25353 dns.sh
    zone root 'ns.test. IN A 127.0.0.1'
    zone bl.test '2.0.0.127 IN A 127.0.0.2
2.0.0.127 IN TXT "test entry: 127.0.0.2 is always listed"
7.2.0.192 IN A 127.0.0.2
7.2.0.192 IN A 127.0.0.4
7.2.0.192 IN TXT "Listed: open proxy seen relaying spam, see https://bl.test/query/192.0.2.7"'
    zone dnsbl.dronebl.org '7.2.0.192 IN A 127.0.0.8
7.2.0.192 IN A 127.0.0.9
7.2.0.192 IN TXT "SOCKS and HTTP proxy, ID 4711"'
    zone empty.test ''
    zone zen.spamhaus.org '* IN A 127.255.255.254'
    zone rpz '*.slow.test IN CNAME rpz-drop.
slow.test IN CNAME rpz-drop.'
    cat >"$dir/named.conf" <<CONF
options {
    directory "$dir";
    pid-file "$dir/named.pid";
    session-keyfile "$dir/session.key";
    managed-keys-directory "$dir";
    listen-on port $port { 127.0.0.1; };
    listen-on-v6 { none; };
    recursion yes;
    allow-recursion { 127.0.0.0/8; };
    allow-query { 127.0.0.0/8; };
    dnssec-validation no;
    notify no;
    response-policy { zone "rpz"; };
};
controls { };
zone "." { type primary; file "$dir/root.db"; };
zone "bl.test" { type primary; file "$dir/bl.test.db"; };
zone "dnsbl.dronebl.org" { type primary; file "$dir/dnsbl.dronebl.org.db"; };
zone "empty.test" { type primary; file "$dir/empty.test.db"; };
zone "zen.spamhaus.org" { type primary; file "$dir/zen.spamhaus.org.db"; };
zone "rpz" { type primary; file "$dir/rpz.db"; };
CONF
    named -g -c "$dir/named.conf" >"$dir/named.log" 2>&1 &
    echo $! >"$dir/named.server.pid"
    up=
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && up=1 && break
        sleep 0.1
    done
    [ -n "$up" ] || { echo "dns.sh: named does not listen on 127.0.0.1:$port after 10 s; see $dir/named.log" >&2; exit 1; }
    echo "PROXYSCOPE_TEST_DNS=127.0.0.1:$port"
    ;;
stop)
    [ -f "$dir/named.server.pid" ] && kill "$(cat "$dir/named.server.pid")" 2>/dev/null || true
    ;;
esac
