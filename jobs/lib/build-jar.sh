# Sourced by the launchers. Expects $home; sets $jar to the application jar, target/wa-billing-<version>.jar
# (the newest one there when several versions are present).
# - Source checkout ($home/pom.xml and $home/src/main present): builds the jar with Maven when there is
#   none or when pom.xml or src/main is newer than it (build output is shown only when the build fails).
# - Anywhere else (an installed copy, the Docker image): never starts Maven; no jar exits 2.
newest_jar() {
  local candidate newest=""
  for candidate in "$home"/target/wa-billing-*.jar; do
    [ -f "$candidate" ] || continue
    if [ -z "$newest" ] || [ "$candidate" -nt "$newest" ]; then
      newest="$candidate"
    fi
  done
  printf '%s' "$newest"
}

jar="$(newest_jar)"
if [ -f "$home/pom.xml" ] && [ -d "$home/src/main" ]; then
  if [ -z "$jar" ] || [ -n "$(find "$home/pom.xml" "$home/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    echo "wa-billing: building the application (first run or sources changed)..." >&2
    build_log="$(mktemp "${TMPDIR:-/tmp}/wa-billing-build.XXXXXX")"
    if ! (cd "$home" && mvn -B -q -DskipTests package >"$build_log" 2>&1); then
      cat "$build_log" >&2
      echo "wa-billing: the build failed (output above)" >&2
      rm -f "$build_log"
      exit 2
    fi
    rm -f "$build_log"
    jar="$(newest_jar)"
  fi
fi
if [ -z "$jar" ]; then
  echo "wa-billing: no application jar in $home/target/ (expected target/wa-billing-<version>.jar)." >&2
  echo "  This installation has no sources to build one: build it where the sources are (mvn -B package) and" >&2
  echo "  copy target/wa-billing-<version>.jar to $home/target/." >&2
  exit 2
fi
