#!/usr/bin/env bash
# End-to-end test of installing plug-ins into the packaged product, as an analyst does: the update site served
# over HTTP by a real web server (lighttpd, on loopback), the DNSBL plug-in installed with 'proxyscope install'
# into a fresh copy of the product, used, and uninstalled; and the ways an install fails (unsigned content,
# an unreachable or vanishing site, a feature that needs what the installation lacks, no write permission),
# each leaving the installation as it was.
# Usage: plugins-smoke.sh PRODUCT.tar.gz UPDATE-SITE-DIR    Results: product/target/smoke-plugins/{results,*.png,*.log}
set -uo pipefail
archive=$(readlink -f "$1")
site=$(readlink -f "$2")
out="$(cd "$(dirname "$0")/../.." && pwd -P)/product/target/smoke-plugins"
rm -rf "$out" && mkdir -p "$out/install" "$out/home" "$out/www"
tar xzf "$archive" -C "$out/install"
app="$out/install/proxyscope"
export HOME="$out/home" XDG_CACHE_HOME="$out/home/.cache" XDG_CONFIG_HOME="$out/home/.config" XDG_STATE_HOME="$out/home/.local/state"
passed=0 failed=0
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; [ -f "$out/lighttpd.pid" ] && kill "$(cat "$out/lighttpd.pid")" 2>/dev/null' EXIT
# shellcheck source=smoke-lib.sh
. "$(dirname "$0")/smoke-lib.sh"
# shellcheck source=../mapped-window.sh
. "$(dirname "$0")/../mapped-window.sh"
cli() { env -u DISPLAY "$app" "$@"; }
feature=org.proxyscope.dnsbl.feature
bundles_info="$out/install/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
cp "$bundles_info" "$out/bundles.info.original"
ls "$out/install/plugins" "$out/install/features" >"$out/files.original"
unchanged() { # the installation holds what it held before: the same bundles configured, the same files
    cmp -s "$bundles_info" "$out/bundles.info.original" \
        && ls "$out/install/plugins" "$out/install/features" | cmp -s - "$out/files.original"
}

# ---- the sites, served by lighttpd ----
cp -r "$site" "$out/www/site"
# a site that vanishes between its list of contents and its plug-ins: the DNSBL bundle's jar is gone
cp -r "$site" "$out/www/vanishing"
rm -f "$out/www/vanishing"/plugins/org.proxyscope.dnsbl_*.jar
# a site whose DNSBL feature needs what neither it nor the installation has: dnsjava's metadata is gone
cp -r "$site" "$out/www/lacking"
python3 - "$out/www/lacking" <<'PY'
import lzma, re, sys, zipfile
folder = sys.argv[1]
with zipfile.ZipFile(folder + "/content.jar") as z:
    xml = z.read("content.xml").decode()
xml, removed = re.subn(r"<unit id='org\.xbill\.dns'.*?</unit>", "", xml, flags=re.S)
assert removed, "dnsjava's unit is in the site's metadata"
with zipfile.ZipFile(folder + "/content.jar", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("content.xml", xml)
with lzma.open(folder + "/content.xml.xz", "wt") as f:
    f.write(xml)
PY
(cd "$out/www" && python3 -m zipfile -c site.zip site/* >/dev/null)
# a site that serves its plug-ins slowly (32 KB/s), to cancel an install, or take the site away, half way
cp -r "$site" "$out/www/slow"
port=""
for p in $(seq 28080 28180); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { port=$p; break; }
done
cat >"$out/lighttpd.conf" <<CONF
server.document-root = "$out/www"
server.bind = "127.0.0.1"
server.port = $port
server.pid-file = "$out/lighttpd.pid"
server.errorlog = "$out/lighttpd.log"
mimetype.assign = ( "" => "application/octet-stream" )
\$HTTP["url"] =~ "^/slow/plugins/" { connection.kbytes-per-second = 32 }
CONF
chmod -R o+rX "$out/www"
lighttpd -f "$out/lighttpd.conf" || fail "lighttpd starts" "see $out/lighttpd.log"
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$port"

# ---- what is installed, what the site offers ----
cli plugins --json >"$out/plugins.json" 2>"$out/plugins.err"
expect "plugins lists the product's six features, each from the product" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["features"]
assert len(f) == 6 and all(x["origin"] == "product" for x in f), f
assert "org.proxyscope.report.feature" in [x["id"] for x in f]' "$out/plugins.json"
cli plugins --repository "$url/site" --json >"$out/offered.json" 2>"$out/offered.err"
expect "the HTTP site offers the DNSBL plug-in in its own category, with its description and licence" python3 -c '
import json, sys
f = {x["id"]: x for x in json.load(open(sys.argv[1]))["features"]}
d = f["org.proxyscope.dnsbl.feature"]
assert d["category"] == "Proxyscope Extra Plug-ins" and "installed" not in d, d
assert "blocklists" in d["description"] and "dnsjava" in d["licence"] and d["provider"] == "Proxyscope", d
assert f["org.proxyscope.report.feature"]["installed"], f' "$out/offered.json"
cli plugins >"$out/remembered.txt" 2>&1
expect "the site is remembered by the installation" grep -q "^Update sites: $url/site$" "$out/remembered.txt"
cli plugins --repository "$out/www/site.zip" >"$out/zip.txt" 2>&1
expect "a zipped site is read as well" grep -q "org.proxyscope.dnsbl.feature" "$out/zip.txt"

# ---- installs that fail leave the installation as it was ----
failing() { # NAME EXPECTED-MESSAGE ARGS...: the command fails with exit 1, says EXPECTED-MESSAGE, changes nothing
    local name=$1 message=$2 rc
    shift 2
    cli "$@" >"$out/$name.out" 2>"$out/$name.err"; rc=$?
    expect "$name: exit 1 and a clear message" bash -c "[ $rc = 1 ] && grep -qF -- '$message' '$out/$name.err'"
    expect "$name: the installation is as it was" unchanged
}
failing unsigned "Not installed: nobody signed" install --repository "$url/site" --feature "$feature"
failing unreachable "Cannot read the update site http://127.0.0.1:1/site" install --repository "http://127.0.0.1:1/site" --feature "$feature"
failing unknown-feature "has no feature org.example.none.feature; it offers" install --repository "$url/site" --feature org.example.none.feature
failing lacking "needs what this installation and the repository lack" install --repository "$url/lacking" --feature "$feature" --trust-unsigned
failing vanishing "the installation is as it was" install --repository "$url/vanishing" --feature "$feature" --trust-unsigned
failing product-feature "came with the product; only plug-ins added from an update site can be uninstalled" uninstall --feature org.proxyscope.report.feature
half_way() { # NAME ACTION: starts an install from the slow site in a process group of its own, and once p2 fetches
               # the plug-ins, does ACTION; the install must fail and leave the installation as it was
    local name=$1 action=$2 group rc
    # in a session of its own, with Ctrl+C's signal handled as in a terminal (a script's background jobs ignore it)
    env -u DISPLAY python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.setsid(); os.execvp(sys.argv[1], sys.argv[1:])' \
        "$app" install --repository "$url/slow" --feature "$feature" --trust-unsigned --progress \
        >"$out/$name.out" 2>"$out/$name.err" </dev/null &
    group=$!
    for _ in $(seq 300); do
        grep -q '^progress [0-9]* Fetching .*\.jar from' "$out/$name.err" 2>/dev/null && break
        sleep 0.1
    done
    sleep 2
    case "$action" in
        interrupt) kill -INT -- "-$group" ;;   # Ctrl+C in a terminal reaches the whole group
        vanish) kill "$(cat "$out/lighttpd.pid")" ;;
    esac
    wait "$group"; rc=$?
    expect "$name: the install fails" test "$rc" != 0
    expect "$name: the installation is as it was" unchanged
}
half_way cancelled interrupt
expect "cancelled: it says so" grep -q '^Cancelled: the installation is as it was' "$out/cancelled.err"
half_way vanished vanish
expect "vanished: it says what went wrong" grep -q "^proxyscope install: Cannot install org.proxyscope.dnsbl.feature: .*Problems downloading artifact" "$out/vanished.err"
lighttpd -f "$out/lighttpd.conf" || fail "lighttpd starts again" "see $out/lighttpd.log"
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
if [ "$(id -u)" = 0 ]; then
    # another user, on a copy of the installation in a folder every user can reach (the build's may not be)
    shared=$(mktemp -d /tmp/proxyscope-shared.XXXXXX) && chmod 755 "$shared" && cp -a "$out/install" "$shared/"
    mkdir -p "$shared/nobody" && chown nobody "$shared/nobody"
    (cd "$shared" && runuser -u nobody -- env HOME="$shared/nobody" XDG_CACHE_HOME="$shared/nobody" XDG_STATE_HOME="$shared/nobody" \
        "$shared/install/proxyscope" install --repository "$url/site" --feature "$feature" --trust-unsigned \
        >"$out/readonly.out" 2>"$out/readonly.err")
    rc=$?
    expect "an install without write permission fails and says so" bash -c "[ $rc = 1 ] && grep -q 'No permission to change the installation' '$out/readonly.err'"
    expect "and leaves the installation as it was" \
        cmp -s "$shared/install/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" "$out/bundles.info.original"
    rm -rf "$shared"
fi
cli install --feature "$feature" >"$out/usage.out" 2>&1
expect "install without --repository is a usage error (exit 2)" bash -c "[ $? = 2 ] && grep -q -- '--repository is required' '$out/usage.out'"

# ---- install, use, uninstall ----
cli install --repository "$url/site" --feature "$feature" --trust-unsigned --progress >"$out/install.out" 2>"$out/install.err"
expect "the DNSBL plug-in installs from the HTTP site" grep -q "^Installed Proxyscope DNSBL Check .* (org.proxyscope.dnsbl.feature) from $url/site" "$out/install.out"
expect "with p2's progress on the error stream" grep -q '^progress [0-9]* ' "$out/install.err"
expect "its bundles are configured, dnsjava with it" grep -q '^org.xbill.dns,' "$bundles_info"
cli plugins --json >"$out/plugins-after.json"
expect "plugins lists it as added" python3 -c '
import json, sys
f = {x["id"]: x for x in json.load(open(sys.argv[1]))["features"]}
assert f["org.proxyscope.dnsbl.feature"]["origin"] == "added", f' "$out/plugins-after.json"
cli updates --repository "$url/site" >"$out/updates.txt" 2>&1
expect "updates finds everything up to date with the site it came from" grep -q "^Every installed plug-in is up to date with $url/site" "$out/updates.txt"
if [ -n "${PROXYSCOPE_TEST_DNS:-}" ]; then
    ws="$out/ws"
    case_id=$(cli case new --workspace "$ws" --title "SOCKS proxy on a customer line" --target 192.0.2.7 2>"$out/dnsbl.err")
    cli dnsbl "$case_id" --workspace "$ws" --lists bl.test,dnsbl.dronebl.org,empty.test --resolver "$PROXYSCOPE_TEST_DNS" \
        >"$out/dnsbl.out" 2>>"$out/dnsbl.err"
    expect "the installed plug-in's command checks the case's target against the test blocklists" \
        grep -q "^192.0.2.7 is listed on 2 of 3 DNS blocklists (bl.test, DroneBL)" "$out/dnsbl.out"
    expect "with nothing on the error stream (dnsjava's logging stays quiet)" test ! -s "$out/dnsbl.err"
    cli report "$case_id" --workspace "$ws" --out "$out/report.pdf" >"$out/report.log" 2>&1
    expect "the case report has the plug-in's DNS blocklists section" \
        bash -c "pdftotext '$out/report.pdf' - | grep -q '^192.0.2.7 is listed on 2 of 3 DNS blocklists (bl.test, DroneBL).$'"
fi
watch_maps
"$app" -data "$out/ws-ui" >"$out/workbench.log" 2>&1 &
pid=$!; pids+=("$pid")
if mapped_window "$pid" "Proxyscope - $out/ws-ui"; then
    pass "the workbench starts with the plug-in installed"
    shot with-dnsbl 2
    keys "$mapped" ctrl+q
    exited "$pid" 30 || fail "Ctrl+Q exits the workbench"
    expect "with no SLF4J warnings on its error stream (dnsjava's logging stays quiet)" bash -c "! grep -q 'SLF4J' '$out/workbench.log'"
else
    fail "the workbench starts with the plug-in installed" "see $out/workbench.log"
fi
cli uninstall --feature "$feature" >"$out/uninstall.out" 2>&1
expect "uninstall removes it" grep -q "^Uninstalled Proxyscope DNSBL Check" "$out/uninstall.out"
expect "and the installation's bundles are the product's again" cmp -s "$bundles_info" "$out/bundles.info.original"
cli dnsbl 192.0.2.7 >/dev/null 2>&1
expect "its command is gone (exit 2, unknown command)" test $? = 2
watch_maps
"$app" -data "$out/ws-ui" >"$out/workbench-after.log" 2>&1 &
pid=$!; pids+=("$pid")
if mapped_window "$pid" "Proxyscope - $out/ws-ui"; then
    pass "the workbench still starts after the uninstall"
    keys "$mapped" ctrl+q
    exited "$pid" 30 || fail "Ctrl+Q exits the workbench"
else
    fail "the workbench still starts after the uninstall" "see $out/workbench-after.log"
fi

# ---- the same through the workbench: Help > Install New Software, the restart, Installed Plug-ins ----
ws_ui="$out/ws-dialog"
tab_row=1280x36+440+530   # the tab row of Triage's bottom stack, on Xvfb's 1400x900 screen at the window's default size
wait_gone() { # TITLE SECONDS: waits until no window has that title
    # xdotool fails alike when it finds none and when the X server refuses its connection; only the
    # latter says so on its error stream, and then the window may well still be there
    local deadline=$((SECONDS + $2)) errors
    while :; do
        if ! errors=$(xdotool search --onlyvisible --name "$(title "$1")" 2>&1 >/dev/null) && [ -z "$errors" ]; then
            return 0
        fi
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.3
    done
}
workbench() { # starts the workbench on ws_ui; sets pid and w (its window)
    "$app" -data "$ws_ui" >>"$out/dialog.log" 2>&1 &
    pid=$!; pids+=("$pid")
    w=$(window "Proxyscope - $ws_ui" 90)
}
menu() { # MENU-KEY ITEM-KEY: opens a menu of the workbench window w by its mnemonic and chooses an item
    keys "$w" "alt+$1"
    sleep 0.8
    xdotool key "$2"
}
answer() { # TITLE SECONDS: waits for the dialog titled TITLE and presses its default button (Yes, OK)
    local dialog try
    dialog=$(window "$1" "$2") || return 1
    sleep 0.8   # the dialog takes the focus once it is shown
    # a Return that reached another window (the focus not yet moved) left the dialog open, and the step
    # after it waited in vain: until the dialog closes, it is focused and answered again
    for try in 1 2 3; do
        xdotool windowfocus --sync "$dialog" 2>/dev/null
        xdotool key Return
        wait_gone "$1" 5 && return 0
    done
    return 1
}
stuck() { # NAME: what the screen and the logs show when a dialog step did not come; CI keeps only this output
    import -window root "$out/$1.png"
    echo "smoke:      windows shown: $(xdotool search --onlyvisible --name . getwindowname %@ 2>/dev/null | sort -u | paste -sd '|')"
    tail -n 15 "$out/dialog.log" "$HOME/.local/state/proxyscope/installer.log" 2>/dev/null | sed 's/^/smoke:      /'
}
installer_answered() { # SECONDS: waits for the installer call a wizard page just made to end, and the page to show its answer
    # (a fixed pause may be too short on a slower machine, and a key pressed while the page waits is lost or, worse,
    # reaches the one control left enabled: the wizard's Cancel)
    local deadline=$((SECONDS + $1)) installer="-application org.proxyscope.cli.application"
    for _ in $(seq 30); do
        pgrep -f -- "$installer" >/dev/null && break
        sleep 0.1
    done
    while pgrep -f -- "$installer" >/dev/null; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.2
    done
    sleep 1
}
restarted() { # the workbench closed its window and opened a new one (the launcher restarted it)
    wait_gone "Proxyscope - $ws_ui" 30 && w=$(window "Proxyscope - $ws_ui" 90)
}
if workbench; then
    shot dialog-before 2
    menu h i
    if dialog=$(window "Install New Software" 30); then
        installer_answered 60   # the remembered sites
        xdotool type --window "$dialog" --delay 5 "$url/site"
        xdotool key Return
        installer_answered 60   # the site's features
        shot install-site 0.5
        xdotool key space
        sleep 0.5
        xdotool key alt+n
        installer_answered 60   # what the checked feature needs
        shot install-review 0.5
        # accept the licences and finish; a key pressed while the page was still busy may be lost, so until the
        # wizard closes, the two keys are pressed again (three rounds: accept, un-accept, accept)
        for _ in 1 2 3; do
            xdotool key alt+a
            sleep 0.7
            xdotool key alt+f
            wait_gone "Install New Software" 10 && break
        done
        if window "Unsigned Content" 60 >/dev/null; then
            pass "Install New Software asks before it installs what nobody signed"
            shot install-unsigned 0.5
            answer "Unsigned Content" 5
        else
            fail "Install New Software asks before it installs what nobody signed"
            stuck install-stuck
        fi
        if window "Restart Proxyscope" 90 >/dev/null; then
            expect "the install from the dialog configured the plug-in" grep -q '^org.proxyscope.dnsbl.ui,' "$bundles_info"
            answer "Restart Proxyscope" 5
            if restarted; then
                pass "the workbench restarts itself after the install"
                shot dialog-installed 3
                expect "after the restart Triage has the DNS Blocklists view (a tab in its bottom stack)" \
                    bash -c "$(declare -f differs_in); out='$out'; differs_in dialog-before dialog-installed $tab_row 150"
                expect "and the command line has its command" bash -c "env -u DISPLAY '$app' help dnsbl | grep -q -- '--resolver'"
                menu w f
                if prefs=$(window "Preferences" 30); then
                    shot dialog-preferences 1
                    xdotool key Escape
                    wait_gone "Preferences" 10
                fi
                menu h p
                if window "Installed Plug-ins" 30 >/dev/null; then
                    installer_answered 60   # what is installed, and what is added
                    shot installed-plugins 0.5
                    xdotool key End
                    sleep 0.5
                    xdotool key alt+u
                    if answer "Uninstall" 20; then
                        if window "Restart Proxyscope" 90 >/dev/null; then
                            expect "Installed Plug-ins uninstalled the added plug-in" \
                                cmp -s "$bundles_info" "$out/bundles.info.original"
                            answer "Restart Proxyscope" 5
                            if restarted; then
                                shot dialog-uninstalled 3
                                expect "after the restart the DNS Blocklists view is gone again" \
                                    bash -c "$(declare -f differs_in); out='$out'; ! differs_in dialog-before dialog-uninstalled $tab_row 150"
                            else
                                fail "the workbench restarts after the uninstall"
                            fi
                        else
                            fail "the uninstall from Installed Plug-ins ends with the offer to restart" "see $out/dialog.log"
                            stuck uninstall-no-restart
                        fi
                    else
                        fail "Installed Plug-ins asks before it uninstalls"
                    fi
                else
                    fail "Help > Installed Plug-ins opens its dialog"
                fi
            else
                fail "the workbench restarts itself after the install" "see $out/dialog.log"
                stuck no-restart
            fi
        else
            fail "the install from the dialog ends with the offer to restart" "see $out/dialog.log"
            stuck install-no-restart
        fi
    else
        fail "Help > Install New Software opens its wizard"
    fi
    keys "$w" ctrl+q
    sleep 2
else
    fail "the workbench opens for the dialogs" "see $out/dialog.log"
fi

echo "$passed $failed" >"$out/results"
echo "smoke (plug-ins): $passed passed, $failed failed"
[ "$failed" = 0 ]
