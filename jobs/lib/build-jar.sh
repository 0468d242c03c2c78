# Sourced by the launchers: builds target/wa-billing.jar when it is missing or older than the sources.
# Expects $home; sets $jar. Build output is shown only when the build fails.
jar="$home/target/wa-billing.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$home/pom.xml" "$home/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "wa-billing: building the application (first run or sources changed)..." >&2
  build_log="$(mktemp "${TMPDIR:-/tmp}/wa-billing-build.XXXXXX")"
  if ! (cd "$home" && mvn -B -q -DskipTests package >"$build_log" 2>&1); then
    cat "$build_log" >&2
    echo "wa-billing: the build failed (output above)" >&2
    rm -f "$build_log"
    exit 2
  fi
  rm -f "$build_log"
fi
