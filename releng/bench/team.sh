#!/usr/bin/env bash
# Team workspaces: ANALYSTS analysts (default 8), each in a process of their own on a case of their own, do
# ACTIONS actions each (default 500) on one workspace, while a colleague's workbench follows their changes; prints
# the actions per second and the time from an action's start to the colleague being told (median, 95th percentile).
# Run on a team workspace (a PostgreSQL server of its own, started here from Debian's packages as the tests start
# it, on loopback) and, for comparison, on a local workspace (SQLite, in a temporary folder).
# Usage: releng/bench/team.sh [ANALYSTS] [ACTIONS]
set -euo pipefail
analysts=${1:-8}
actions=${2:-500}
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
"$repo/product/proxyscope" --version >/dev/null   # builds the product when missing or stale
home="$repo/product/target/products/org.proxyscope.product/linux/gtk/x86_64"
work=$(mktemp -d)
trap '"$repo/releng/services/postgres.sh" stop "$work/postgres" || true; rm -rf "$work"' EXIT
cp=$(ls "$home"/plugins/org.proxyscope.core_*.jar "$home"/plugins/org.xerial.sqlite-jdbc_*.jar "$home"/plugins/org.postgresql.jdbc_*.jar \
    | tr '\n' ':')
# shellcheck source=../toolchain.sh
proxyscope_root=$repo
. "$repo/releng/toolchain.sh"
proxyscope_find_jdk
java="$JAVA_HOME/bin/java"
while IFS= read -r assignment; do
    export "${assignment?}"
done < <("$repo/releng/services/postgres.sh" start "$work/postgres")
export PGPASSWORD=$PROXYSCOPE_TEST_POSTGRES_PASSWORD
server=${PROXYSCOPE_TEST_POSTGRES%/*}
psql_create() { # DB: a new database on the benchmark's server
    PGPASSWORD=$PROXYSCOPE_TEST_POSTGRES_PASSWORD "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" -q \
        "${PROXYSCOPE_TEST_POSTGRES}" -c "CREATE DATABASE $1"
}
psql_create team_bench
mkdir -p "$work/evidence"
bench() { # LABEL WORKSPACE
    echo "$1"
    "$java" --enable-native-access=ALL-UNNAMED -Dteambench.source="$repo/releng/bench/TeamBench.java" -cp "$cp" \
        "$repo/releng/bench/TeamBench.java" "$2" "$analysts" "$actions"
}
echo "Team workspaces, $(nproc) cores, PostgreSQL $("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/postgres" --version | awk '{ print $3 }')"
bench "team workspace (PostgreSQL on loopback; told by LISTEN/NOTIFY)" "$server/team_bench?evidence=$work/evidence"
bench "local workspace (SQLite; told by its data version, read twice a second)" "$work/local"
