# Sourced by the smoke test and the start-up benchmark: waits for the start-up archives the product's
# launcher records in ~/.cache/proxyscope (see product/launcher/proxyscope).

archive_made() { # KIND (cli or workbench): waits up to two minutes for that archive, recorded in the background
    local i
    for i in $(seq 240); do
        sleep 0.5   # first, so that a recording the last call started in the background has taken its lock
        ls "${XDG_CACHE_HOME:-$HOME/.cache}"/proxyscope/"$1"-*.aot >/dev/null 2>&1 \
            && ! ls "${XDG_CACHE_HOME:-$HOME/.cache}"/proxyscope/"$1"-*.lock >/dev/null 2>&1 && return 0
    done
    return 1
}
