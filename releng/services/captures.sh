#!/usr/bin/env bash
# Records real proxy traffic on loopback with tcpdump for the capture import tests: plain and tunnelled
# HTTP, SMTP sent through SOCKS, CONNECT and WinGate-style tunnels, refusals, an origin's 404 through real
# proxies, a fake proxy that says yes to everything and one that answers its tunnels itself, and some UDP. Needs the servers of proxies.sh (their addresses in PROXYSCOPE_TEST_*). Every connection
# goes to 127.0.0.1. Usage: captures.sh DIR
# Writes DIR/lo.pcap (Ethernet, microseconds), DIR/any.pcap (Linux cooked SLL2), DIR/lo.pcapng and
# DIR/lo-ns.pcap (converted by editcap), and DIR/traffic.env naming the ports used.
set -euo pipefail
dir=$(mkdir -p "$1" && cd "$1" && pwd -P)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_of() { echo "${1##*:}"; }

web=$(free_port)
fake=$(free_port)
wingate=$(free_port)
udp=$(free_port)
mkdir -p "$dir/www"
echo "<html><body>proxyscope capture test page</body></html>" >"$dir/www/index.html"
python3 -m http.server --bind 127.0.0.1 --directory "$dir/www" "$web" >"$dir/web.log" 2>&1 &
pids=($!)
# A "proxy" that answers 200 to every CONNECT and never carries anything: not an established session.
python3 - "$fake" >"$dir/fake.log" 2>&1 <<'PY' &
import socket, sys, threading
server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(sys.argv[1]))); server.listen()
def serve(c):
    c.recv(4096); c.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
    c.settimeout(2)
    try:
        c.recv(4096)
    except OSError:
        pass
    c.close()
while True:
    threading.Thread(target=serve, args=(server.accept()[0],), daemon=True).start()
PY
pids+=($!)
# WinGate is Windows software; this relay speaks its telnet prompt as the trojan proxies that copy it do.
# It relays to loopback only, and refuses the port after its own: an open relay and a refusal.
python3 - "$wingate" >"$dir/wingate.log" 2>&1 <<'PY' &
import socket, sys, threading
server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(sys.argv[1]))); server.listen()
def pump(a, b):
    try:
        while data := a.recv(65536):
            b.sendall(data)
        b.shutdown(socket.SHUT_WR)
    except OSError:
        pass
def serve(c):
    try:
        relay(c)
    except OSError:
        pass  # the readiness check connects and hangs up
def relay(c):
    c.sendall(b"WinGate>")
    line = c.makefile("rb").readline(300).decode("ascii", "replace").strip()
    host, _, port = line.rpartition(":")
    if host != "127.0.0.1" or port == sys.argv[1] or not port.isdigit():
        c.sendall(b"Connection refused by policy\r\n"); c.close(); return
    onward = socket.create_connection((host, int(port)))
    c.sendall(b"Connecting to host %s...Connected\r\n" % line.encode())
    threading.Thread(target=pump, args=(onward, c), daemon=True).start()
    pump(c, onward)
while True:
    threading.Thread(target=serve, args=(server.accept()[0],), daemon=True).start()
PY
pids+=($!)
# UDP: an echo server and three exchanges from different ports.
python3 - "$udp" >"$dir/udp.log" 2>&1 <<'PY' &
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", int(sys.argv[1])))
while True:
    data, peer = s.recvfrom(2048); s.sendto(data, peer)
PY
pids+=($!)
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for port in $web $fake $wingate; do
    for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done

tcpdump -i lo -U -s 0 -w "$dir/lo.pcap" 'tcp or udp' 2>"$dir/tcpdump-lo.log" &
lo_dump=$!
tcpdump -i any -U -s 0 -w "$dir/any.pcap" 'tcp or udp' 2>"$dir/tcpdump-any.log" &
any_dump=$!
# stopped on every way out: a run that failed half way once left both recording into the files the next run wrote
pids+=("$lo_dump" "$any_dump")
for log in "$dir/tcpdump-lo.log" "$dir/tcpdump-any.log"; do
    for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
done
sleep 0.5

url="http://127.0.0.1:$web/"
printf 'From: spammer@example.test\r\nSubject: cheap watches\r\n\r\nBuy now.\r\n' >"$dir/message.txt"
mail() { # curl proxy options..., then the relay
    curl -s --max-time 10 "$@" --mail-from spammer@example.test --mail-rcpt alice@victim.test \
        --mail-rcpt bob@victim.test -T "$dir/message.txt" || true
}
fetch() { curl -s -o /dev/null --max-time 5 "$@" || true; }
# A fetch from one local port. A run within the last minute leaves that port in TIME_WAIT, and curl cannot bind it
# (exit 45) until the kernel lets it go: wait for it, or the capture would lack the session its tests look for.
fetch_from_port() { # ADDRESS PORT curl options...
    local address=$1 port=$2 try status
    shift 2
    for try in $(seq 70); do
        status=0
        curl -s -o /dev/null --max-time 5 --interface "$address" --local-port "$port" "$@" || status=$?
        [ "$status" = 45 ] || return 0
        [ "$try" = 1 ] && echo "captures.sh: $address:$port is still held by an earlier run; waiting for it (up to a minute)" >&2
        sleep 1
    done
    echo "captures.sh: $address:$port stayed taken; the capture lacks the session from it" >&2
}
wingate_mail() { # TARGET: mail through the WinGate-style relay, as spam software speaks to one
    python3 - "$wingate" "$1" <<'PY' || true
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10); f = s.makefile("rb")
f.read(8)  # the prompt
s.sendall(sys.argv[2].encode() + b"\r\n")
if b"Connected" not in f.readline():
    sys.exit()
def reply():  # one SMTP reply, continuation lines included
    while (line := f.readline())[3:4] == b"-":
        pass
reply()
for command in [b"EHLO spam.test", b"MAIL FROM:<spammer@example.test>", b"RCPT TO:<alice@victim.test>", b"DATA"]:
    s.sendall(command + b"\r\n"); reply()
s.sendall(b"Subject: cheap watches\r\n\r\nBuy now.\r\n.\r\n"); reply()
s.sendall(b"QUIT\r\n"); reply()
PY
}
yes_tunnel() { # TARGET: a CONNECT through the server that says yes to everything, as spam software sends mail
    python3 - "${PROXYSCOPE_TEST_YES##*:}" "$1" <<'PY' || true
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(b"CONNECT %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (sys.argv[2].encode(), sys.argv[2].encode()))
s.recv(4096)  # its 200
s.settimeout(0.5)
try:
    s.recv(4096)  # a mail server would greet now; this one says nothing
except socket.timeout:
    pass
s.settimeout(5)
s.sendall(b"EHLO spam.test\r\n")
s.recv(4096)  # its own web page, not a mail server's reply
PY
}
relay=$PROXYSCOPE_TEST_RELAY_OPEN
{
    fetch -x "http://$PROXYSCOPE_TEST_SQUID_OPEN" "$url"              # http-forward, established
    fetch -p -x "http://$PROXYSCOPE_TEST_SQUID_OPEN" "$url"           # http-connect, established
    fetch -x "http://$PROXYSCOPE_TEST_SQUID_CLOSED" "$url"            # http-forward, refused 403
    fetch -p -x "http://$PROXYSCOPE_TEST_SQUID_CLOSED" "$url"         # http-connect, refused 403
    fetch -x "socks5://$PROXYSCOPE_TEST_SOCKS_OPEN" "$url"            # socks5, established
    fetch -x "socks5://alice:wrong@$PROXYSCOPE_TEST_SOCKS_AUTH" "$url" # socks5, refused: authentication
    fetch -x "socks4://$PROXYSCOPE_TEST_DANTE_OPEN" "$url"            # socks4, established
    fetch -x "socks4a://$PROXYSCOPE_TEST_DANTE_OPEN" "http://localhost:$web/" # socks4a, established
    fetch -x "socks5://$PROXYSCOPE_TEST_DANTE_CLOSED" "$url"          # socks5, refused 0x2
    fetch -x "http://$PROXYSCOPE_TEST_TINYPROXY" "$url"               # http-forward, established
    fetch -p -x "http://127.0.0.1:$fake" "$url"                       # http-connect, unverified
    # a client on the proxy's own port number (from 127.0.0.2): both ends of one connection share a port
    fetch_from_port 127.0.0.2 "$(port_of "$PROXYSCOPE_TEST_SQUID_OPEN")" -x "http://$PROXYSCOPE_TEST_SQUID_OPEN" "$url"
    fetch -x "http://$PROXYSCOPE_TEST_SQUID_OPEN" "${url}missing.html"  # http-forward, established: the origin's own 404
    fetch -x "http://$PROXYSCOPE_TEST_TINYPROXY" "${url}missing.html"   # the same through tinyproxy
    fetch -x "http://$PROXYSCOPE_TEST_YES" "$url"                      # http-forward answered by the server itself: unverified
    fetch --interface 127.0.0.3 "$url"                                 # straight to the web server: a web client, no proxy client
    yes_tunnel "127.0.0.1:$(port_of "$relay")"                         # a web page where the mail server should greet: unverified
    mail -x "socks5://$PROXYSCOPE_TEST_SOCKS_OPEN" "smtp://$relay"     # socks5 carrying SMTP
    mail -p -x "http://$PROXYSCOPE_TEST_SQUID_OPEN" "smtp://$relay"    # http-connect carrying SMTP
    mail "smtp://$relay"                                               # direct SMTP
    wingate_mail "127.0.0.1:$(port_of "$relay")"                       # wingate carrying SMTP
    wingate_mail "127.0.0.1:$wingate"                                  # wingate, refused
    for i in 1 2 3; do
        python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(2); s.sendto(b"ping %s" % sys.argv[2].encode(), ("127.0.0.1", int(sys.argv[1]))); s.recvfrom(2048)' "$udp" "$i"
    done
} >"$dir/traffic.log" 2>&1
sleep 1
kill -INT $lo_dump $any_dump
wait $lo_dump $any_dump 2>/dev/null || true
editcap -F pcapng "$dir/lo.pcap" "$dir/lo.pcapng"
editcap -F nsecpcap "$dir/lo.pcap" "$dir/lo-ns.pcap"
cat >"$dir/traffic.env" <<ENV
web=$web
fake=$fake
yes=${PROXYSCOPE_TEST_YES##*:}
wingate=$wingate
udp=$udp
relay=$(port_of "$relay")
ENV
echo "PROXYSCOPE_TEST_CAPTURES=$dir"
