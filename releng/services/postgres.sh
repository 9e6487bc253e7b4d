#!/usr/bin/env bash
# Starts a PostgreSQL server from Debian's packages for the team-workspace tests: a new cluster (initdb) in DIR,
# listening on loopback only, with a database and a user that logs in with a password (scram-sha-256), as a
# desk's server would. The user may create databases: each test's team workspace gets an empty one.
# Prints environment assignments: PROXYSCOPE_TEST_POSTGRES (the server's address without the password,
# postgresql://USER@127.0.0.1:PORT/DB), PROXYSCOPE_TEST_POSTGRES_PASSWORD, and PROXYSCOPE_TEST_POSTGRES_RESTART
# (the command that restarts the server, for the test that restarts it under eight writers).
# Usage: postgres.sh start DIR | postgres.sh restart DIR | postgres.sh stop DIR
# PostgreSQL refuses to run as root; as root the cluster belongs to the "postgres" user the package made, in a
# folder of its own under /tmp (DIR's parents need not be open to that user), and DIR names it in the file
# "cluster".
# The port is 25432, or 10, 20, ... higher when taken.
set -euo pipefail
# shellcheck source=free-port.sh
. "$(dirname "$0")/free-port.sh"
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd -P)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "postgres.sh: PostgreSQL's server is missing (apt-get install postgresql)" >&2; exit 1; }

as_owner() { # runs a PostgreSQL program as the cluster's owner
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
    free_port 25432 postgres.sh
    cluster=$dir
    if [ "$(id -u)" = 0 ]; then
        cluster=$(mktemp -d /tmp/proxyscope-postgres.XXXXXX)
        chown postgres: "$cluster"
    fi
    echo "$cluster" >"$dir/cluster"
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    (umask 077 && printf '%s\n' "$password" >"$cluster/superuser.pw")
    [ "$(id -u)" != 0 ] || chown postgres: "$cluster/superuser.pw"
    as_owner "$bin/initdb" -D "$cluster/data" -U proxyscope_admin --pwfile="$cluster/superuser.pw" -A scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { echo "postgres.sh: initdb failed, see $dir/initdb.log" >&2; exit 1; }
    # loopback only, the socket in the cluster's folder (not the system's), and fsync as a real server has it
    as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster -c max_connections=60" start >/dev/null \
        || { echo "postgres.sh: the server did not start, see $cluster/server.log" >&2; exit 1; }
    PGPASSWORD=$password "$bin/psql" -q -h 127.0.0.1 -p "$port" -U proxyscope_admin -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE desk LOGIN CREATEDB PASSWORD '$password'" -c "CREATE DATABASE proxyscope OWNER desk" >/dev/null
    echo "PROXYSCOPE_TEST_POSTGRES=postgresql://desk@127.0.0.1:$port/proxyscope"
    echo "PROXYSCOPE_TEST_POSTGRES_PASSWORD=$password"
    echo "PROXYSCOPE_TEST_POSTGRES_RESTART=$(cd "$(dirname "$0")" && pwd -P)/postgres.sh restart $dir"
    ;;
restart)
    cluster=$(cat "$dir/cluster")
    as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 -m fast restart >/dev/null
    ;;
stop)
    if [ -f "$dir/cluster" ]; then
        cluster=$(cat "$dir/cluster")
        as_owner "$bin/pg_ctl" -D "$cluster/data" -w -t 60 -m fast stop >/dev/null 2>&1 || true
        [ "$cluster" = "$dir" ] || rm -rf "$cluster"
    fi
    ;;
*)
    echo "usage: postgres.sh start DIR | restart DIR | stop DIR" >&2
    exit 2
    ;;
esac
