# Sourced by the build scripts (POSIX sh), after they set proxyscope_root to the checkout's top folder:
# finds a JDK 21+ and Maven 3.9 and exports JAVA_HOME and MVN.
# Maven 3.9 is fetched as an ordinary Maven Central artifact by whatever mvn the machine has (Tycho 5
# fails on Debian's Maven 3.8), and unpacked under .tools/, which git ignores.

: "${proxyscope_root:?set proxyscope_root before sourcing releng/toolchain.sh}"
proxyscope_maven_version=3.9.11

proxyscope_java_major() {
    sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

proxyscope_find_jdk() {
    local candidate major
    for candidate in "${PROXYSCOPE_JAVA_HOME:-}" "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        candidate=${candidate%/}
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(proxyscope_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    echo "No JDK 21 or newer found (looked at PROXYSCOPE_JAVA_HOME, JAVA_HOME and /usr/lib/jvm)." >&2
    echo "Install one, e.g. a Temurin 21+ JDK, or point PROXYSCOPE_JAVA_HOME at it." >&2
    return 1
}

proxyscope_find_maven() {
    local local_mvn="$proxyscope_root/.tools/apache-maven-$proxyscope_maven_version/bin/mvn"
    if [ -x "$local_mvn" ]; then
        MVN="$local_mvn"
    elif command -v mvn >/dev/null 2>&1 && mvn -v 2>/dev/null | grep -qE '^Apache Maven 3\.(9|[1-9][0-9])\.'; then
        MVN=$(command -v mvn)
    elif command -v mvn >/dev/null 2>&1; then
        echo "Fetching Maven $proxyscope_maven_version (Tycho needs 3.9) ..." >&2
        mkdir -p "$proxyscope_root/.tools"
        (cd "$proxyscope_root/.tools" && mvn -B -q -ntp dependency:copy \
            "-Dartifact=org.apache.maven:apache-maven:$proxyscope_maven_version:tar.gz:bin" -DoutputDirectory=. \
            && tar xzf "apache-maven-$proxyscope_maven_version-bin.tar.gz" \
            && rm "apache-maven-$proxyscope_maven_version-bin.tar.gz") >&2 || {
            echo "Could not fetch Maven $proxyscope_maven_version from Maven Central." >&2
            return 1
        }
        MVN="$local_mvn"
    else
        echo "No Maven found. Install it (Debian: apt-get install maven); the build then fetches Maven 3.9 itself." >&2
        return 1
    fi
    export MVN
}

proxyscope_toolchain() {
    proxyscope_find_jdk && proxyscope_find_maven
}
