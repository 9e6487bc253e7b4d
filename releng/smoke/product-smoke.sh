#!/usr/bin/env bash
# End-to-end test of the packaged product as a user meets it: unpack the archive into a fresh folder with
# a fresh home, run the command line without a display, then drive the workbench on the current X display
# (the Xvfb that releng/test.sh starts) with xdotool, taking a screenshot of every step.
# Usage: product-smoke.sh PRODUCT.tar.gz UPDATE-SITE-DIR    Results: product/target/smoke/{results,*.png,*.log}
set -uo pipefail
archive=$(readlink -f "$1")
site=$(readlink -f "$2")
out="$(cd "$(dirname "$0")/../.." && pwd -P)/product/target/smoke"
rm -rf "$out" && mkdir -p "$out/install" "$out/home"
tar xzf "$archive" -C "$out/install"
app="$out/install/proxyscope"
export HOME="$out/home" XDG_CACHE_HOME="$out/home/.cache" XDG_CONFIG_HOME="$out/home/.config" XDG_STATE_HOME="$out/home/.local/state"
# the launcher hands TMPDIR on to Java: what the product leaves in the temporary folder is seen here
export TMPDIR="$out/tmp"
mkdir -p "$TMPDIR"
passed=0 failed=0
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done' EXIT

# shellcheck source=smoke-lib.sh
. "$(dirname "$0")/smoke-lib.sh"

# ---- command line, no display ----
version=$(env -u DISPLAY "$app" --version 2>"$out/version.err"); rc=$?
expect "--version exits 0 without a display" test "$rc" = 0
expect "--version prints version and build" grep -qE '^Proxyscope [0-9]+\.[0-9]+\.[0-9]+ \(build [0-9]{12}\)$' <<<"$version"
help=$(env -u DISPLAY "$app" --help); rc=$?
expect "--help exits 0 and explains exit codes" test "$rc" = 0 -a -n "$(grep 'Exit status' <<<"$help")"
env -u DISPLAY "$app" no-such-command >"$out/usage.out" 2>"$out/usage.err"; rc=$?
expect "unknown command exits 2" test "$rc" = 2
expect "unknown command says so in one line on stderr" test "$(wc -l <"$out/usage.err")" = 1 -a ! -s "$out/usage.out"
# The launcher's start-up archives: Java 24 on opens an AOT cache, older Java maps a class-data archive.
java_major=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "${JAVA_HOME:-/nonexistent}/release" 2>/dev/null)
archive_log=-Xlog:aot=info
[ "${java_major:-25}" -ge 24 ] || archive_log=-Xlog:cds=info
opened_archive='Opened AOT cache|Mapped dynamic region'
archives() { ls "$XDG_CACHE_HOME"/proxyscope/cli-*.aot 2>/dev/null | wc -l; }
archive_name() { ls "$XDG_CACHE_HOME"/proxyscope/cli-*.aot 2>/dev/null; }
# shellcheck source=../archives.sh
. "$(dirname "$0")/../archives.sh"
# shellcheck source=../mapped-window.sh
. "$(dirname "$0")/../mapped-window.sh"
report_on_class_path() { # whether the command line's JVM has the report bundle's jar on its class path
    PROXYSCOPE_JAVA_OPTS=-XshowSettings:properties env -u DISPLAY "$app" --version 2>&1 | grep -q '/org\.proxyscope\.report_'
}
archive_opened() { # the launcher's start-up archive for commands is there and this call's JVM starts from it
    PROXYSCOPE_JAVA_OPTS=$archive_log env -u DISPLAY "$app" --version 2>&1 | grep -qE "$opened_archive"
}
expect "the first command records a start-up archive for every command, in the background" archive_made cli
expect "later commands start from that archive" archive_opened
expect "the archive's training leaves nothing in the temporary folder" \
    test -z "$(find "$TMPDIR" -maxdepth 1 -name 'proxyscope-training-*')"
expect "one start-up archive for the installation's commands" test "$(archives)" = 1
osgi=$(env -u DISPLAY "$app" -application org.proxyscope.cli.application --version 2>/dev/null); rc=$?
expect "the same command line runs as an OSGi application" test "$rc" = 0 -a "$osgi" = "$version"
osgi_help=$(env -u DISPLAY "$app" -application org.proxyscope.cli.application --help 2>/dev/null)
expect "the OSGi command line has the plug-ins' commands too" test -n "$(grep -E '^ +probe ' <<<"$osgi_help")" -a -n "$(grep -E '^ +import ' <<<"$osgi_help")"
probe_help=$(env -u DISPLAY "$app" help probe)
expect "probe offers every protocol, SMTP relay and FTP bounce included" grep -q 'smtp-relay,ftp-bounce' <<<"$probe_help"
if [ -n "${PROXYSCOPE_TEST_RELAY_OPEN:-}" ] && [ -n "${PROXYSCOPE_TEST_FTP_OPEN:-}" ]; then
    # the packaged libraries at work (commons-net and what it needs), against the real exim and vsftpd;
    # ad-hoc runs keep their transcripts in the temporary folder, here the smoke test's own (TMPDIR)
    mail_probe=(probe 127.0.0.1 --authorised --ports "${PROXYSCOPE_TEST_RELAY_OPEN##*:}" --protocols smtp-relay
        --canary-listen 127.0.0.1:0 --canary-domain canary.test --canary-smtp-listen "$PROXYSCOPE_TEST_SMTP_CANARY" --json)
    probed=$(env -u DISPLAY "$app" "${mail_probe[@]}" 2>&1)
    expect "the command line proves the open exim relay through the SMTP canary" grep -q '"verdict": "open"' <<<"$probed"
    probed=$(env -u DISPLAY "$app" -application org.proxyscope.cli.application "${mail_probe[@]}" 2>&1)
    expect "so does the OSGi command line" grep -q '"verdict": "open"' <<<"$probed"
    probed=$(env -u DISPLAY "$app" probe 127.0.0.1 --authorised --ports "${PROXYSCOPE_TEST_FTP_OPEN##*:}" --protocols ftp-bounce \
        --canary-listen 127.0.0.2:0 --json 2>&1)
    expect "the command line proves the FTP bounce of the promiscuous vsftpd" grep -q '"verdict": "open"' <<<"$probed"
    expect "ad-hoc transcripts go to the temporary folder TMPDIR names" \
        bash -c "ls -d '$TMPDIR'/proxyscope-probe-* >/dev/null 2>&1"
fi

# ---- workbench ----
status_bar_whole() { # WINDOW SHOT: the window's bottom 20 pixel rows, right of the status text, are all status bar
    local X Y WIDTH HEIGHT SCREEN WINDOW
    eval "$(xdotool getwindowgeometry --shell "$1")"
    [ "$(convert "$out/$2.png" -crop "$((WIDTH - 420))x20+$((X + 400))+$((Y + HEIGHT - 20))" +repage \
        -unique-colors -format %w info:)" = 1 ]
}

ws="$out/ws-given"
"$app" -data "$ws" >"$out/workbench.log" 2>&1 &
main_pid=$!; pids+=("$main_pid")
if main=$(window "Proxyscope - $ws" 90); then
    pass "workbench opens with -data and the title names the workspace"
    shot triage 3
    # a layout made before GTK had settled the window's sizes pushed the status bar out of sight
    expect "the status bar is shown whole below the parts" status_bar_whole "$main" triage
    names=(triage probing capture reporting)
    for i in 2 3 4 1; do
        name=${names[$((i - 1))]}
        keys "$main" ctrl+alt+$i
        shot "$name-by-key" 2
    done
    expect "Ctrl+Alt+2,3,4 show three different perspectives" \
        bash -c "$(declare -f differs); out='$out'; differs triage probing-by-key && differs probing-by-key capture-by-key && differs capture-by-key reporting-by-key && differs triage reporting-by-key"
    expect "Ctrl+Alt+1 returns to the Triage layout" bash -c "! ( $(declare -f differs); out='$out'; differs triage triage-by-key )"
    # the command line works on the workspace the window has open, and the window shows its result
    if env -u DISPLAY "$app" case new --title "Opened from the command line" --target 192.0.2.99 --workspace "$ws" \
            >"$out/cli-case.out" 2>&1; then
        pass "the command line opens a case in a workspace the workbench holds"
        keys "$main" ctrl+alt+1
        shot triage-after-cli 3
        expect "the Case Explorer shows the case the command line opened" \
            bash -c "$(declare -f differs); out='$out'; differs triage-by-key triage-after-cli"
        # a capture imported into that case from the command line shows in the Capture perspective once
        # the case is selected (its row is the first of the Case Explorer)
        if [ -n "${PROXYSCOPE_TEST_CAPTURES:-}" ] && env -u DISPLAY "$app" import "$PROXYSCOPE_TEST_CAPTURES/lo.pcapng" \
                --case "$(head -n 1 "$out/cli-case.out")" --workspace "$ws" >"$out/cli-import.out" 2>&1; then
            # the Case Explorer lists the cases again once it sees the import (within a second or two); a click
            # while it does can land on a row being replaced, and once (of six runs) nothing was selected
            sleep 2
            xdotool mousemove 80 222 click 1
            keys "$main" ctrl+alt+3
            shot capture-of-case 4
            expect "selecting the case shows its capture in the Capture perspective" \
                bash -c "$(declare -f differs); out='$out'; differs capture-by-key capture-of-case"
            keys "$main" ctrl+alt+1
        fi
        # a status changed from the command line shows in the Case Overview beside the Case Explorer too (it
        # kept the old status while the Explorer showed the new one), within a second or two
        xdotool mousemove 80 222 click 1
        shot overview-before 2
        if env -u DISPLAY "$app" case status "$(head -n 1 "$out/cli-case.out")" investigating --reason "the customer called" \
                --workspace "$ws" >"$out/cli-status.out" 2>&1; then
            shot overview-after 3
            # the Case Overview's upper half (its Status line), right of the Case Explorer
            expect "the Case Overview shows a status the command line changed" \
                bash -c "$(declare -f differs_in); out='$out'; differs_in overview-before overview-after 700x300+460+90 100"
        else
            fail "the command line changes the case's status" "see $out/cli-status.out"
        fi
    else
        fail "the command line opens a case in a workspace the workbench holds" "see $out/cli-case.out"
    fi
    expect "the window title stays on the workspace" test "$(xdotool getwindowname "$main" | sed 's/ $//')" = "Proxyscope - $ws"

    # a second workbench on the same workspace is refused, naming the holder's process
    "$app" -data "$ws" >"$out/second.log" 2>&1 &
    second_pid=$!; pids+=("$second_pid")
    if refusal=$(window "Workspace cannot be opened" 60); then
        pass "a second workbench on the same workspace is refused"
        shot refusal 1
        keys "$refusal" Return
        if exited "$second_pid" 20; then pass "the refused workbench exits"; else fail "the refused workbench exits"; fi
    else
        fail "a second workbench on the same workspace is refused" "no refusal dialog"
    fi
    expect "only one window has the workspace" test "$(xdotool search --onlyvisible --name "$(title "Proxyscope - $ws")" | wc -l)" = 1

    # File > Switch Workspace restarts the workbench on the chosen folder
    ws2="$out/ws-switched"
    keys "$main" alt+f
    sleep 0.5
    xdotool key --clearmodifiers w
    if chooser=$(window "Proxyscope Workspace" 30); then
        shot switch-chooser 1
        keys "$chooser" ctrl+a
        xdotool type --delay 5 "$ws2"
        xdotool key Return
        if switched=$(window "Proxyscope - $ws2" 90); then
            pass "Switch Workspace restarts on the chosen workspace"
            shot switched 2
            expect "the restart stays in the same launcher" kill -0 "$main_pid"
            main=$switched
        else
            fail "Switch Workspace restarts on the chosen workspace" "no window for $ws2"
        fi
    else
        fail "File > Switch Workspace opens the chooser"
    fi
    keys "$main" ctrl+q
    if exited "$main_pid" 30; then
        expect "Ctrl+Q exits with status 0" test "$exit_status" = 0
    else
        fail "Ctrl+Q exits the workbench"
    fi
else
    fail "workbench opens with -data and the title names the workspace" "see $out/workbench.log"
fi

expect "the first workbench session leaves a start-up archive for the next" archive_made workbench

# start without -data: the chooser opens, and the next start proposes the choice made
PROXYSCOPE_JAVA_OPTS=$archive_log "$app" >"$out/chooser.log" 2>&1 &
pid=$!; pids+=("$pid")
if chooser=$(window "Proxyscope Workspace" 90); then
    pass "without -data the workspace chooser opens"
    shot chooser 1
    ws3="$out/ws-chosen"
    keys "$chooser" ctrl+a
    xdotool type --delay 5 "$ws3"
    xdotool key Return
    if w=$(window "Proxyscope - $ws3" 90); then
        pass "the chosen workspace opens"
        expect "the chosen workspace folder was created" test -d "$ws3/.proxyscope"
        expect "the workbench started from its archive" grep -qE "$opened_archive" "$out/chooser.log"
        # the workbench's own Java, not a command's (a command may be recording its start-up archive meanwhile)
        expect "the workbench runs on C1 alone and hashes with NSS" \
            pgrep -f -- "-XX:TieredStopAtLevel=1 -Dproxyscope.sha256=nss .*-name Proxyscope"
        workbench_pid=$(pgrep -n -f -- "-Dproxyscope.sha256=nss .*-name Proxyscope")
        expect "GTK loaded no OpenGL driver into the workbench" \
            bash -c "[ -r /proc/$workbench_pid/maps ] && ! grep -qE '/libGL(X)?[._]' /proc/$workbench_pid/maps"
        # an extension of the framework is on its class path from the start: the workbench's configuration
        # must not bring p2's back from the installation's config.ini
        expect "the workbench runs without p2's resolver-state extension of the framework" \
            bash -c "[ -d /proc/$workbench_pid/fd ] && ! ls -l /proc/$workbench_pid/fd | grep -q 'org\.eclipse\.osgi\.compatibility\.state_'"
        keys "$w" ctrl+q
        exited "$pid" 30 || fail "Ctrl+Q exits the workbench"
        "$app" >"$out/chooser2.log" 2>&1 &
        pid=$!; pids+=("$pid")
        if chooser=$(window "Proxyscope Workspace" 90); then
            keys "$chooser" Return
            if w=$(window "Proxyscope - $ws3" 90); then
                pass "the next start proposes the last workspace"
                keys "$w" ctrl+q
                exited "$pid" 30 || fail "Ctrl+Q exits the workbench"
            else
                fail "the next start proposes the last workspace"
            fi
        else
            fail "the chooser opens on the next start"
        fi
    else
        fail "the chosen workspace opens"
    fi
else
    fail "without -data the workspace chooser opens" "see $out/chooser.log"
fi

# ---- notes: Ctrl+H finds a note and opens it where it is kept; what is typed there survives SIGKILL ----
ws_notes="$out/ws-notes"
if notes_case=$(env -u DISPLAY "$app" case new --title "SOCKS on the line" --target 192.0.2.7 --workspace "$ws_notes" 2>>"$out/notes.log") \
        && env -u DISPLAY "$app" note add "$notes_case" --title "Call" --text "The PC runs SOCKS on 1080; a trojan put it there." \
            --workspace "$ws_notes" >>"$out/notes.log" 2>&1; then
    "$app" -data "$ws_notes" >>"$out/notes.log" 2>&1 &
    pid=$!; pids+=("$pid")
    if w=$(window "Proxyscope - $ws_notes" 90); then
        keys "$w" ctrl+h
        sleep 1
        xdotool type --delay 10 "trojan"
        shot search-by-ctrl-h 1.5
        # Down moves to the results, Enter opens the first: the note, in Reporting's Case Notes
        xdotool key --clearmodifiers Down Return
        shot search-opened-note 2
        eval "$(xdotool getwindowgeometry --shell "$w")"
        xdotool mousemove $((X + 150)) $((Y + HEIGHT * 7 / 10)) click 1
        sleep 0.3
        xdotool key --clearmodifiers ctrl+End
        xdotool type --delay 10 " Typed a second before the kill."
        sleep 1
        # the whole process tree at once, as the kernel's OOM killer or a power cut would end it
        pkill -KILL -f -- "-data $ws_notes"
        { exited "$pid" 10; } 2>/dev/null || true # bash reports the kill; it is the point here
        expect "the search result opened the note, and what was typed a second before SIGKILL is saved" \
            bash -c "env -u DISPLAY '$app' note show '$notes_case' 1 --workspace '$ws_notes' | grep -q 'trojan put it there. Typed a second before the kill.\$'"
        expect "the case's custody chain is intact after the kill" \
            bash -c "env -u DISPLAY '$app' case verify '$notes_case' --workspace '$ws_notes' | grep -q 'is intact'"
    else
        fail "workbench opens for the notes checks" "see $out/notes.log"
    fi
else
    fail "the command line makes a case with a note for the notes checks" "see $out/notes.log"
fi

# ---- a team workspace in two windows ----
# Two workbenches on one team workspace (the test PostgreSQL server, a new database): a case opened in one
# window's New Case wizard shows in the other's Case Explorer, told by the server, nobody polling. The first
# window asks for the password and keeps it in Eclipse's secure storage (its master password in the keyring
# releng/services/keyring.sh started); the second finds it there.
if [ -n "${PROXYSCOPE_TEST_POSTGRES:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    # the secure storage in the fresh home (Java's user.home is the account's, not $HOME)
    export ECLIPSE_KEYRING="$HOME/.eclipse/org.eclipse.equinox.security/secure_storage"
    team_db="smoke_$$"
    team="${PROXYSCOPE_TEST_POSTGRES%/*}/$team_db?evidence=$out/team-evidence"
    mkdir -p "$out/team-evidence"
    if PGPASSWORD=$PROXYSCOPE_TEST_POSTGRES_PASSWORD psql -q "$PROXYSCOPE_TEST_POSTGRES" -c "CREATE DATABASE $team_db" >"$out/team.log" 2>&1; then
        "$app" -team "$team" >"$out/team-a.log" 2>&1 &
        pid=$!; pids+=("$pid"); team_a_pid=$pid
        if asked=$(window "Team Workspace" 90); then
            pass "with no password kept anywhere, -team asks for it in the Team Workspace dialog"
            keys "$asked" alt+p
            xdotool type --delay 10 "$PROXYSCOPE_TEST_POSTGRES_PASSWORD"
            keys "$asked" alt+k
            shot team-password 1
            keys "$asked" Return
        fi
        if team_a=$(window "Proxyscope - $team" 90); then
            pass "the workbench opens a team workspace with -team, its address in the title"
            expect "the password is kept in the secure storage, not in clear" bash -c "[ -s '$ECLIPSE_KEYRING' ] \
                && ! grep -qF '$PROXYSCOPE_TEST_POSTGRES_PASSWORD' '$ECLIPSE_KEYRING'"
            "$app" -team "$team" >"$out/team-b.log" 2>&1 &
            pid=$!; pids+=("$pid"); team_b_pid=$pid
            team_b=""
            for _ in $(seq 180); do
                team_b=$(xdotool search --onlyvisible --name "$(title "Proxyscope - $team")" 2>/dev/null | grep -vx "$team_a" | head -n 1)
                [ -n "$team_b" ] && break
                sleep 0.5
            done
            if [ -n "$team_b" ]; then
                pass "a second window opens the same team workspace with the password kept (no folder lock applies)"
                # the second window a little to the right and down, so that the picture shows which window it is
                xdotool windowmove "$team_b" 140 60
                shot team-before 2
                keys "$team_a" ctrl+n
                sleep 1.5
                xdotool type --delay 15 "Opened in the other window"
                xdotool key Tab
                xdotool type --delay 15 "192.0.2.66"
                xdotool key Return
                xdotool windowraise "$team_b"
                shot team-after 2
                # the second window's Case Explorer rows, where the new case's row comes in
                expect "a case opened in one window shows in the other's Case Explorer" \
                    bash -c "$(declare -f differs_in); out='$out'; differs_in team-before team-after 400x90+150+265 300"
                expect "the case was opened by the first window, in the team workspace" \
                    bash -c "env -u DISPLAY PGPASSWORD='$PROXYSCOPE_TEST_POSTGRES_PASSWORD' '$app' case list --workspace '$team' \
                        | grep -q 'Opened in the other window'"
                keys "$team_b" ctrl+q
                exited "$team_b_pid" 30 || fail "Ctrl+Q exits the second team window"
            else
                fail "a second window opens the same team workspace" "see $out/team-b.log"
            fi
            keys "$team_a" ctrl+q
            exited "$team_a_pid" 30 || fail "Ctrl+Q exits the first team window"
        else
            import -window root "$out/team-a-failed.png" 2>/dev/null
            fail "the workbench opens a team workspace with -team" "see $out/team-a.log and team-a-failed.png"
        fi
    else
        fail "a database for the team workspace check" "see $out/team.log"
    fi
fi

# ---- plug-ins from the update site ----
reporting_layout() { # NAME: opens a workbench, shows the Reporting perspective, takes a screenshot, exits
    local ws="$out/ws-$1" pid w
    "$app" -data "$ws" >"$out/$1.log" 2>&1 &
    pid=$!; pids+=("$pid")
    w=$(window "Proxyscope - $ws" 90) || { fail "workbench opens for $1"; return 1; }
    keys "$w" ctrl+alt+4
    shot "$1" 2
    keys "$w" ctrl+q
    exited "$pid" 30 || fail "Ctrl+Q exits the workbench"
}
# a workbench closed as soon as its window shows, as the start-up benchmark closes it, logs no error
# (an event handled after the display was gone did: "Device is disposed")
# and a TMPDIR that names no folder does not keep the workbench from opening (the launcher falls back to /tmp)
ws_quick="$out/ws-quick"
watch_maps
TMPDIR="$out/no-such-folder" "$app" -data "$ws_quick" >"$out/quick.log" 2>&1 &
pid=$!; pids+=("$pid")
if mapped_window "$pid" "Proxyscope - $ws_quick"; then
    pass "the workbench opens although TMPDIR names no folder"
    keys "$mapped" ctrl+q
    exited "$pid" 30 || fail "Ctrl+Q exits the workbench"
    expect "a workbench closed as soon as its window shows logs no error" \
        bash -c "! grep -qE '^!ENTRY [^ ]+ 4 ' '$ws_quick/.metadata/.log' 2>/dev/null"
else
    fail "the workbench opens although TMPDIR names no folder, for the quick close" "see $out/quick.log"
fi
bundles_info="$out/install/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
# the workbench runs from a configuration of its own, without p2; the p2 director keeps the installation's
workbench_info=$(ls "$XDG_STATE_HOME"/proxyscope/workbench*/org.eclipse.equinox.simpleconfigurator/bundles.info 2>/dev/null)
proxyscope_bundles() { grep '^org\.proxyscope\.' "$1" | cut -d, -f1 | sort; }
expect "the workbench's configuration leaves out the installer (p2 and what only it needs)" \
    bash -c "[ -f '$workbench_info' ] && grep -q '^org\.eclipse\.equinox\.p2\.' '$bundles_info' && ! grep -qE '^(org\.eclipse\.equinox\.p2\.|org\.eclipse\.ecf|org\.sat4j)' '$workbench_info'"
expect "and keeps every Proxyscope bundle of the installation" \
    test -n "$(proxyscope_bundles "$bundles_info")" -a "$(proxyscope_bundles "$bundles_info")" = "$(proxyscope_bundles "$workbench_info" 2>/dev/null)"
director() { env -u DISPLAY "$app" -application org.eclipse.equinox.p2.director -nosplash "$@" >>"$out/p2.log" 2>&1; }
expect "before the uninstall the report bundle is on the command line's class path" report_on_class_path
archive_before=$(archive_name)
if director -uninstallIU org.proxyscope.report.feature.feature.group; then
    expect "uninstalling the report feature removes its bundles" bash -c "! grep -q '^org.proxyscope.report' '$bundles_info'"
    expect "the command line's class path follows p2: the uninstalled bundle is off it (its jar stays on disk)" \
        bash -c "! ( $(declare -f report_on_class_path); app='$app'; report_on_class_path )"
    archive_made cli
    expect "a changed class path gets its own start-up archive" test -n "$(archive_name)" -a "$(archive_name)" != "$archive_before"
    expect "after the uninstall commands start from their new archive" archive_opened
    expect "the archive of the old class path is gone" test "$(archives)" = 1
    reporting_layout without-report
    expect "without the report plug-in its views are gone from Reporting" \
        bash -c "$(declare -f differs); out='$out'; differs reporting-by-key without-report"
    if director -repository "file:$site" -installIU org.proxyscope.report.feature.feature.group; then
        expect "installing from the update site brings the report bundles back" \
            grep -q '^org.proxyscope.report.ui,' "$bundles_info"
        expect "and puts the report bundle back on the command line's class path" report_on_class_path
        reporting_layout reinstalled
        # back, though maybe in another order: the stacks list views in the order the plug-ins' fragments come
        expect "the installed plug-in's views are back in Reporting" \
            bash -c "$(declare -f differs); out='$out'; differs without-report reinstalled"
        expect "the workbench's configuration followed the installation's" \
            test "$(proxyscope_bundles "$bundles_info")" = "$(proxyscope_bundles "$workbench_info")"
    else
        fail "install the report feature from the update site" "see $out/p2.log"
    fi
else
    fail "uninstall the report feature with the p2 director" "see $out/p2.log"
fi

echo "$passed $failed" >"$out/results"
echo "smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
