#!/usr/bin/env bash
# Runs every test suite (each tests/**/*.Tests.csproj, then the web unit tests and the browser suite when there
# are such) and ends with one line CI can read: "N passed, N failed, N skipped", summed over every suite.
#
# Usage: infra/test.sh [extra dotnet test options, e.g. --filter "FullyQualifiedName~Codes"]
# Env:   QUALCODER_TEST_VERBOSITY  console logger verbosity for dotnet test (default minimal: failures in full)
# Exit:  0 when every suite ran and no test failed; 1 otherwise; the build's exit code when the build fails.
# Results (TRX, web-unit.json, browser.json) are left in .data/test-results.
set -euo pipefail

repo_root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$repo_root"

readonly solution=QualCoder.Web.sln
readonly results=$repo_root/.data/test-results

log() { printf 'test.sh: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

command -v dotnet >/dev/null || die "dotnet is not on PATH: install the .NET 10 SDK (see global.json)"
command -v python3 >/dev/null || die "python3 is not on PATH (it sums the TRX files)"
[[ -f $solution ]] || die "no $solution in $repo_root"

# Old TRX files would be summed in with the new ones.
rm -rf -- "$results"
mkdir -p -- "$results"

# Tests start their own throwaway servers with infra/postgres.sh, several processes at once: install the
# binaries here, once, so they do not race for apt's lock or spend a test's timeout installing.
if [[ -x infra/postgres.sh ]]; then
	infra/postgres.sh install || die "could not install PostgreSQL (infra/postgres.sh install)"
fi

log "building $solution (Release)"
# No reused MSBuild nodes: they outlive the build, and CI waits for whatever still holds its output.
if ! dotnet build "$solution" -c Release -nologo -nodeReuse:false; then
	log "the build failed: no test ran"
	exit 1
fi

# Each entry is kind:name:exit code, handed to the summing step below.
suites=()

mapfile -t projects < <(find tests -name '*.Tests.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
for project in "${projects[@]}"; do
	name=$(basename -- "$project" .csproj)
	log "running $name"
	code=0
	dotnet test "$project" --no-build -c Release --nologo \
		--logger "trx;LogFileName=$name.trx" \
		--logger "console;verbosity=${QUALCODER_TEST_VERBOSITY:-minimal}" \
		--results-directory "$results" "$@" || code=$?
	suites+=("dotnet:$name:$code")
done

# The coding benchmark runs for a few seconds with --smoke: it proves the program still works, and its figures
# land in CI's log. It counts as one test.
if [[ -f tests/QualCoder.Benchmarks/QualCoder.Benchmarks.csproj ]]; then
	log "running the benchmark smoke (tests/QualCoder.Benchmarks --smoke)"
	code=0
	dotnet run --project tests/QualCoder.Benchmarks -c Release --no-build -- --smoke || code=$?
	suites+=("smoke:benchmark smoke:$code")
fi

# ---- web unit tests -------------------------------------------------------------------------------------------
# The SPA's own unit tests (vitest, in web/): they need no server and no browser, so they run before the browser
# suite. Vitest's JSON report is what gets counted; an exit code alone cannot say how many tests ran, so a run
# that leaves no web-unit.json counts as a failed suite.
if [[ -f web/package.json ]]; then
	if ! command -v npm >/dev/null; then
		log "web/package.json exists but npm is not on PATH"
		suites+=("vitest:web unit tests:127")
	else
		log "running the web unit tests (vitest in web/)"
		code=0
		if [[ ! -d web/node_modules ]]; then
			(cd web && npm ci --no-audit --no-fund) || code=$?
		fi
		if ((code == 0)); then
			(cd web && npx vitest run --reporter=default --reporter=json --outputFile="$results/web-unit.json") || code=$?
		fi
		suites+=("vitest:web unit tests:$code")
	fi
fi

# ---- browser suite hook -------------------------------------------------------------------------------------
# Contract for tests/browser (an npm project): its "test" script runs the browser tests and writes
# $QUALCODER_TEST_RESULTS/browser.json as {"passed": N, "failed": N, "skipped": N}. An exit code cannot be
# counted, so a run that leaves no browser.json counts as a failed suite.
if [[ -f tests/browser/package.json ]]; then
	if ! command -v npm >/dev/null; then
		log "tests/browser exists but npm is not on PATH"
		suites+=("browser:browser:127")
	elif (cd tests/browser && node -e 'process.exit(require("./package.json").scripts?.test ? 0 : 1)'); then
		log "running the browser suite (tests/browser)"
		code=0
		if [[ ! -d tests/browser/node_modules ]]; then
			(cd tests/browser && npm ci --no-audit --no-fund) || code=$?
		fi
		if ((code == 0)); then
			(cd tests/browser && QUALCODER_TEST_RESULTS=$results npm test) || code=$?
		fi
		suites+=("browser:browser:$code")
	fi
fi
# -------------------------------------------------------------------------------------------------------------

# Sums every suite's counts. Problems are printed on stdout too, before the summary, so that the summary stays
# the very last line whatever order the two streams get merged in.
python3 - "$results" "${suites[@]}" <<'PY'
import glob, json, os, sys
import xml.etree.ElementTree as ET

results, entries = sys.argv[1], sys.argv[2:]
passed = failed = skipped = 0
problems = []
json_reports = {
    "vitest": ("web-unit.json", ("numPassedTests",), ("numFailedTests",), ("numPendingTests", "numTodoTests")),
    "browser": ("browser.json", ("passed",), ("failed",), ("skipped",)),
}

if not any(e.startswith("dotnet:") for e in entries):
    problems.append("no test project (tests/**/*.Tests.csproj) was found")

for entry in entries:
    kind, name, code = entry.split(":", 2)
    code = int(code)
    suite_failed = 0
    outcomes = set()
    if kind == "dotnet":
        # One TRX per target framework; VSTest appends _<tfm> when there are several.
        pattern = glob.escape(os.path.join(results, name))
        files = glob.glob(pattern + ".trx") + glob.glob(pattern + "_*.trx")
        if not files:
            problems.append(f"{name}: no TRX file was written (dotnet test exited {code}): the run crashed or never started")
            continue
        for path in files:
            try:
                root = ET.parse(path).getroot()
                counters = root.find("./{*}ResultSummary/{*}Counters")
                outcomes.add(root.find("./{*}ResultSummary").get("outcome", "?"))
            except ET.ParseError as error:
                problems.append(f"{name}: unreadable TRX {os.path.basename(path)}: {error}")
                continue
            if counters is None:
                problems.append(f"{name}: {os.path.basename(path)} has no <Counters>")
                continue
            count = lambda *keys: sum(int(counters.get(k, "0")) for k in keys)
            passed += count("passed")
            suite_failed += count("failed", "error", "timeout", "aborted")
            # xunit's skipped tests are NotExecuted results, yet the Counters' notExecuted stays 0: count results.
            not_executed = sum(1 for r in root.iterfind("./{*}Results/{*}UnitTestResult")
                               if r.get("outcome") == "NotExecuted")
            skipped += max(count("notExecuted"), not_executed)
    elif kind == "smoke":
        if code == 0:
            passed += 1
        else:
            suite_failed += 1
    elif kind in json_reports:
        # A JSON report of counts: (file, (passed keys), (failed keys), (skipped keys)).
        file, passed_keys, failed_keys, skipped_keys = json_reports[kind]
        path = os.path.join(results, file)
        if not os.path.exists(path):
            problems.append(f"{name}: no {path} was written (it exited {code})")
            continue
        try:
            with open(path) as f:
                data = json.load(f)
            total = lambda keys: sum(int(data.get(k, 0)) for k in keys)
            passed += total(passed_keys)
            suite_failed += total(failed_keys)
            skipped += total(skipped_keys)
        except (ValueError, TypeError, AttributeError) as error:
            problems.append(f"{name}: unreadable {file}: {error}")
            continue
    failed += suite_failed
    if code != 0 and suite_failed == 0:
        how = f" (run outcome: {', '.join(sorted(outcomes))})" if outcomes else ""
        problems.append(f"{name}: exited {code}{how} although no failed test was counted: see its output above")

print()
for problem in problems:
    print(f"test.sh: FAILED SUITE: {problem}")
print(f"{passed} passed, {failed} failed, {skipped} skipped", flush=True)
sys.exit(1 if failed or problems else 0)
PY
