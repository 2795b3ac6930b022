#!/usr/bin/env bash
# Runs QualCoder Web locally: installs what it can, starts a local PostgreSQL when no connection string is given,
# builds the web front end when it is out of date, then runs the server.
#
# Usage: infra/run.sh [extra dotnet run options]
# Env:   QUALCODER_PORT               HTTP port (default 8765)
#        ConnectionStrings__Postgres  use this database instead of starting infra/postgres.sh's local server
#        ASPNETCORE_ENVIRONMENT       default Development
# PostgreSQL keeps running after the app stops (it starts faster next time): infra/postgres.sh stop
set -euo pipefail

repo_root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$repo_root"

log() { printf 'run.sh: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

port=${QUALCODER_PORT:-8765}
[[ $port =~ ^[0-9]+$ ]] || die "QUALCODER_PORT must be a port number, not '$port'"

# Checked first: the slow steps below are wasted if the server cannot run at all.
command -v dotnet >/dev/null ||
	die "dotnet is not on PATH: install the .NET 10 SDK (see global.json for the version) and retry"

# The web front end is optional while web/ has no package.json yet.
if [[ -f web/package.json ]]; then
	command -v npm >/dev/null || die "web/package.json exists but npm is not on PATH: install Node.js 20+ and npm"
	if [[ ! -d web/node_modules ]]; then
		log "installing the web front end's packages"
		if [[ -f web/package-lock.json ]]; then (cd web && npm ci) >&2; else (cd web && npm install) >&2; fi
	fi
	if (cd web && node -e 'process.exit(require("./package.json").scripts?.build ? 0 : 1)'); then
		# dist is rebuilt when missing or when any source is newer than it.
		if [[ ! -d web/dist ]] || [[ -n $(find web/src web/index.html web/package.json -newer web/dist -print -quit 2>/dev/null) ]]; then
			log "building the web front end (npm run build)"
			(cd web && npm run build) >&2
		fi
	fi
fi

if [[ -z ${ConnectionStrings__Postgres:-} ]]; then
	log "ConnectionStrings__Postgres is not set: starting a local PostgreSQL (infra/postgres.sh)"
	connection=$("$repo_root/infra/postgres.sh" start | tail -n 1)
	[[ -n $connection ]] || die "infra/postgres.sh start printed no connection string"
	export ConnectionStrings__Postgres=$connection
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

cat <<EOF

QualCoder Web ($ASPNETCORE_ENVIRONMENT)
  app:                http://localhost:$port
  API reference:      http://localhost:$port/scalar
  OpenAPI document:   http://localhost:$port/openapi/v1.json
Stop with Ctrl+C. PostgreSQL stays up: infra/postgres.sh stop

EOF

# --urls after "--" goes to the app and wins over launchSettings.json's applicationUrl.
exec dotnet run --project src/QualCoder.Server "$@" -- --urls "http://localhost:$port"
