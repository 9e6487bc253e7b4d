#!/usr/bin/env bash
# Starts the real proxies the probe tests talk to, on loopback only, and prints their addresses as
# environment assignments; "stop DIR" ends them. Usage: proxies.sh start DIR | proxies.sh stop DIR
#   squid open     127.0.0.1:23128   relays anything, CONNECT to any port
#   squid closed   127.0.0.1:23129   answers every request with 403
#   microsocks     127.0.0.1:21080   open SOCKS5
#   microsocks     127.0.0.1:21081   SOCKS5 with username/password (alice/secret)
#   dante          127.0.0.1:21082   open SOCKS4 and SOCKS5
#   dante          127.0.0.1:21083   SOCKS that blocks every request
#   tinyproxy      127.0.0.1:28888   open HTTP proxy
#   exim           127.0.0.1:22525   open mail relay: accepts mail for any domain; canary.test goes on to
#                                    127.0.0.1:22527 (where the tests' SMTP canary listens), the rest to a mailbox file
#   exim           127.0.0.1:22526   closed relay: mail only for relay.test, "relay not permitted" otherwise
#   vsftpd         127.0.0.1:22021   anonymous FTP that lets PORT name any host (FTP bounce)
#   vsftpd         127.0.0.1:22022   anonymous FTP that refuses PORT to any host but the client's (the default)
#   exim           127.0.0.1:22528   a mail server that accepts every message and delivers none (a black hole)
#   exim           127.0.0.1:22529   an open relay that waits a second before answering each MAIL FROM
#   lighttpd       127.0.0.1:28980   a web server, not a proxy: its own 404 to an absolute URI, 405 to CONNECT
#   yes-server.py  127.0.0.1:28981   says 200 to every CONNECT and absolute URI, then answers the tunnel itself
# (each port 10, 20, ... higher when one of the set is taken).
set -euo pipefail
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd -P)

squid_conf() { # NAME PORT ACCESS
    cat >"$dir/squid-$1.conf" <<CONF
http_port 127.0.0.1:$2
pid_filename $dir/squid-$1.pid
access_log $dir/squid-$1-access.log
cache_log $dir/squid-$1-cache.log
cache_store_log none
cache deny all
coredump_dir $dir
shutdown_lifetime 0 seconds
dns_nameservers 127.0.0.1
http_access $3 all
CONF
    [ "$(id -u)" = 0 ] && echo "cache_effective_user proxy" >>"$dir/squid-$1.conf"
    return 0
}

exim_conf() { # NAME PORT RCPT-ACL CANARY-PORT [blackhole] [MAIL-ACL]
    mkdir -p "$dir/exim-$1/spool"
    cat >"$dir/exim-$1.conf" <<CONF
primary_hostname = relay.test
daemon_smtp_ports = $2
local_interfaces = 127.0.0.1
spool_directory = $dir/exim-$1/spool
log_file_path = $dir/exim-$1/%s.log
pid_file_path = $dir/exim-$1.pid
exim_user = root
exim_group = root
never_users =
host_lookup =
rfc1413_hosts =
tls_advertise_hosts =
acl_smtp_rcpt = check_rcpt
acl_smtp_mail = check_mail
begin acl
check_rcpt:
$3
check_mail:
${6:-  accept}
begin routers
$([ "${5:-}" = blackhole ] && printf 'nowhere:\n  driver = redirect\n  data = :blackhole:\n')
canary:
  driver = manualroute
  domains = canary.test
  transport = onwards
  route_list = * 127.0.0.1::$4
  self = send
everything:
  driver = accept
  transport = mailbox
begin transports
onwards:
  driver = smtp
  hosts_override
  allow_localhost
  user = nobody
mailbox:
  driver = appendfile
  file = $dir/exim-$1/mailbox
  user = nobody
  group = nogroup
  mode = 0666
begin retry
* * F,1m,5s
CONF
    chmod 777 "$dir/exim-$1"
}

vsftpd_conf() { # NAME PORT PROMISCUOUS
    mkdir -p "$dir/vsftpd-$1/root" "$dir/vsftpd-empty"
    chmod 755 "$dir/vsftpd-$1/root" "$dir/vsftpd-empty"
    echo "Proxyscope test file" >"$dir/vsftpd-$1/root/readme.txt"
    cat >"$dir/vsftpd-$1.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$2
background=NO
anonymous_enable=YES
no_anon_password=YES
anon_root=$dir/vsftpd-$1/root
nopriv_user=nobody
local_enable=NO
write_enable=NO
port_enable=YES
port_promiscuous=$3
connect_from_port_20=NO
pasv_enable=YES
seccomp_sandbox=NO
secure_chroot_dir=$dir/vsftpd-empty
xferlog_enable=NO
vsftpd_log_file=$dir/vsftpd-$1.log
CONF
}

dante_conf() { # NAME PORT RULE
    cat >"$dir/danted-$1.conf" <<CONF
logoutput: $dir/danted-$1.log
internal: 127.0.0.1 port = $2
external: 127.0.0.1
socksmethod: none
clientmethod: none
user.privileged: root
user.unprivileged: nobody
client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }
socks $3 { from: 0.0.0.0/0 to: 0.0.0.0/0 }
CONF
}

case "$action" in
start)
    # The usual ports, moved up by 10 at a time past any taken one: a leftover server from an earlier run
    # must never answer in place of the one configured here.
    base=(23128 23129 21080 21081 21082 21083 28888 22525 22526 22021 22022 22528 22529 28980 28981 22527)
    for shift in 0 10 20 30 40 50 60 70 80 90; do
        taken=
        for port in "${base[@]}"; do
            (exec 3<>"/dev/tcp/127.0.0.1/$((port + shift))") 2>/dev/null && taken=$((port + shift)) && break
        done
        [ -z "$taken" ] && break
    done
    if [ -n "$taken" ]; then
        echo "proxies.sh: no free set of test ports (127.0.0.1:$taken is in use)" >&2
        exit 1
    fi
    squid_open=$((23128 + shift)) squid_closed=$((23129 + shift))
    socks_open=$((21080 + shift)) socks_auth=$((21081 + shift))
    dante_open=$((21082 + shift)) dante_closed=$((21083 + shift))
    tinyproxy_port=$((28888 + shift))
    relay_open=$((22525 + shift)) relay_closed=$((22526 + shift)) smtp_canary=$((22527 + shift))
    ftp_open=$((22021 + shift)) ftp_closed=$((22022 + shift))
    relay_blackhole=$((22528 + shift)) relay_slow=$((22529 + shift)) web=$((28980 + shift)) yes=$((28981 + shift))
    chmod 777 "$dir"
    # squid, exim's transports and vsftpd drop to unprivileged users, which must reach their files here
    if [ "$(id -u)" = 0 ] && ! runuser -u nobody -- test -x "$dir" 2>/dev/null; then
        echo "proxies.sh: $dir is out of reach of the servers' unprivileged users; make its parent folders searchable (chmod o+x)" >&2
        exit 1
    fi
    squid_conf open $squid_open allow
    squid_conf closed $squid_closed deny
    for name in open closed; do
        squid -f "$dir/squid-$name.conf"
    done
    microsocks -i 127.0.0.1 -p $socks_open >"$dir/microsocks-open.log" 2>&1 &
    echo $! >"$dir/microsocks-open.pid"
    microsocks -i 127.0.0.1 -p $socks_auth -u alice -P secret >"$dir/microsocks-auth.log" 2>&1 &
    echo $! >"$dir/microsocks-auth.pid"
    dante_conf open $dante_open pass
    dante_conf closed $dante_closed block
    for name in open closed; do
        danted -D -f "$dir/danted-$name.conf" -p "$dir/danted-$name.pid"
    done
    cat >"$dir/tinyproxy.conf" <<CONF
Port $tinyproxy_port
Listen 127.0.0.1
Timeout 30
Allow 127.0.0.1
PidFile "$dir/tinyproxy.pid"
LogFile "$dir/tinyproxy.log"
MaxClients 20
CONF
    tinyproxy -c "$dir/tinyproxy.conf"
    exim_conf open $relay_open "  accept" $smtp_canary
    exim_conf closed $relay_closed "  accept domains = relay.test
  deny message = relay not permitted" $smtp_canary
    exim_conf blackhole $relay_blackhole "  accept" $smtp_canary blackhole
    exim_conf slow $relay_slow "  accept" $smtp_canary "" "  accept delay = 1s"
    for name in open closed blackhole slow; do
        exim4 -C "$dir/exim-$name.conf" -bd -q5s
    done
    vsftpd_conf open $ftp_open YES
    vsftpd_conf closed $ftp_closed NO
    for name in open closed; do
        vsftpd "$dir/vsftpd-$name.conf" >"$dir/vsftpd-$name.out" 2>&1 &
        echo $! >"$dir/vsftpd-$name.pid"
    done
    mkdir -p "$dir/www"
    echo "<html><body>Proxyscope test web site</body></html>" >"$dir/www/index.html"
    chmod -R o+rX "$dir/www"
    cat >"$dir/lighttpd.conf" <<CONF
server.document-root = "$dir/www"
server.bind = "127.0.0.1"
server.port = $web
server.pid-file = "$dir/lighttpd.pid"
server.errorlog = "$dir/lighttpd.log"
index-file.names = ( "index.html" )
mimetype.assign = ( ".html" => "text/html" )
CONF
    lighttpd -f "$dir/lighttpd.conf"
    python3 "$(dirname "$0")/yes-server.py" $yes "$dir/yes-server.pid" >"$dir/yes-server.log" 2>&1 &
    # the canary port stays free for the tests' own SMTP canary
    for port in "${base[@]:0:${#base[@]}-1}"; do
        up=
        for _ in $(seq 100); do
            (exec 3<>"/dev/tcp/127.0.0.1/$((port + shift))") 2>/dev/null && up=1 && break
            sleep 0.1
        done
        if [ -z "$up" ]; then
            echo "proxies.sh: nothing listens on 127.0.0.1:$((port + shift)) after 10 s; see the logs in $dir" >&2
            exit 1
        fi
    done
    echo "PROXYSCOPE_TEST_SQUID_OPEN=127.0.0.1:$squid_open"
    echo "PROXYSCOPE_TEST_SQUID_CLOSED=127.0.0.1:$squid_closed"
    echo "PROXYSCOPE_TEST_SOCKS_OPEN=127.0.0.1:$socks_open"
    echo "PROXYSCOPE_TEST_SOCKS_AUTH=127.0.0.1:$socks_auth"
    echo "PROXYSCOPE_TEST_DANTE_OPEN=127.0.0.1:$dante_open"
    echo "PROXYSCOPE_TEST_DANTE_CLOSED=127.0.0.1:$dante_closed"
    echo "PROXYSCOPE_TEST_TINYPROXY=127.0.0.1:$tinyproxy_port"
    echo "PROXYSCOPE_TEST_RELAY_OPEN=127.0.0.1:$relay_open"
    echo "PROXYSCOPE_TEST_RELAY_CLOSED=127.0.0.1:$relay_closed"
    echo "PROXYSCOPE_TEST_SMTP_CANARY=127.0.0.1:$smtp_canary"
    echo "PROXYSCOPE_TEST_FTP_OPEN=127.0.0.1:$ftp_open"
    echo "PROXYSCOPE_TEST_FTP_CLOSED=127.0.0.1:$ftp_closed"
    echo "PROXYSCOPE_TEST_RELAY_BLACKHOLE=127.0.0.1:$relay_blackhole"
    echo "PROXYSCOPE_TEST_RELAY_SLOW=127.0.0.1:$relay_slow"
    echo "PROXYSCOPE_TEST_WEB=127.0.0.1:$web"
    echo "PROXYSCOPE_TEST_YES=127.0.0.1:$yes"
    ;;
stop)
    for name in open closed; do
        [ -f "$dir/squid-$name.pid" ] && squid -f "$dir/squid-$name.conf" -k shutdown 2>/dev/null || true
    done
    # squid takes a moment to go; a start before then would find its pid file fresh and refuse
    for _ in $(seq 50); do
        ls "$dir"/squid-*.pid >/dev/null 2>&1 || break
        sleep 0.1
    done
    for pidfile in "$dir"/microsocks-*.pid "$dir"/danted-*.pid "$dir"/tinyproxy.pid "$dir"/exim-*.pid "$dir"/vsftpd-*.pid \
        "$dir"/lighttpd.pid "$dir"/yes-server.pid; do
        [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    ;;
esac
