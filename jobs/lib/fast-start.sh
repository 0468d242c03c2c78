# Sourced by jobs/wa-billing after build-jar.sh (start-up is paid once per launch, and a
# monthly run is several launches). Expects $home and $jar; sets $launch_jar and $fast_start_opts.
# The jar is extracted once into target/app/ (Spring Boot's jarmode=tools layout: plain jars on the
# class path, which class-data sharing needs), and a training launch (the template migration of the
# sample data into a throwaway database: a whole job, so the archive holds what a job launch loads)
# records a dynamic CDS archive. `ops list` cannot train it: on an empty data directory it refuses
# before Spring starts, and the archive would hold almost nothing. Both are remade when the
# jar is newer; when target/ is not writable, or any of it fails, the launch simply uses the jar.
# A stale or foreign archive is ignored by the JVM (its warning is switched off): never a failure.
launch_jar="$jar"
fast_start_opts=""
app_dir="$home/target/app"
app_jar="$app_dir/$(basename "$jar")"
archive="$app_dir/wa-billing.jsa"

prepare_fast_start() {
  local scratch
  rm -rf "$app_dir" || return 1
  java -Djarmode=tools -jar "$jar" extract --destination "$app_dir" >/dev/null 2>&1 || return 1
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/wa-billing-cds.XXXXXX")" || return 1
  # the archive is written next to its final name and moved: a launch never sees half of one. The training
  # job sees none of the caller's WA_BILLING_ settings (a database server, a broker, Java options).
  (
    for name in $(compgen -e); do
      case "$name" in WA_BILLING_*) unset "$name" ;; esac
    done
    WA_BILLING_DATA_DIR="$scratch/data" WA_BILLING_OUTPUT_DIR="$scratch/out" \
      java -Xmx1g -XX:ArchiveClassesAtExit="$archive.tmp" -Xlog:cds=off,cds+dynamic=off -jar "$app_jar" \
      migrate-templates input="$home/sample-data/templates.csv" >/dev/null 2>&1
  ) && mv -f "$archive.tmp" "$archive"
  rm -rf "$scratch" "$archive.tmp"
  [ -f "$archive" ]
}

# the archive is made after the extraction, so a jar newer than it (a new build) makes both again
if [ -w "$home/target" ] && { [ ! -f "$app_jar" ] || [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; }; then
  # one launch prepares; a launch that finds another preparing goes on with the plain jar (a lock
  # left by a killed preparation is taken back after 10 minutes)
  find "$home/target/app.lock" -maxdepth 0 -mmin +10 -exec rmdir {} \; 2>/dev/null || true
  if mkdir "$home/target/app.lock" 2>/dev/null; then
    prepare_fast_start || rm -rf "$app_dir"
    rmdir "$home/target/app.lock"
  fi
fi
if [ -f "$app_jar" ] && [ -f "$archive" ] && [ ! "$jar" -nt "$archive" ]; then
  launch_jar="$app_jar"
  fast_start_opts="-XX:SharedArchiveFile=$archive -Xlog:cds=off,cds+dynamic=off"
fi
