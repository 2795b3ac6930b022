#!/usr/bin/env bash
# The image's HEALTHCHECK (the ASP.NET runtime image has no curl): GET /health/ready over bash's /dev/tcp, healthy
# on 200. The Host header is QualCoder__PublicUrl's host when that is set, so a restricted AllowedHosts still lets
# the probe in.
#
# Env: ASPNETCORE_HTTP_PORTS (the first port is probed; default 8765), QualCoder__PublicUrl
set -euo pipefail

port=${ASPNETCORE_HTTP_PORTS:-8765}
port=${port%%[;,]*}
host=localhost
if [[ -n ${QualCoder__PublicUrl:-} ]]; then
	authority=${QualCoder__PublicUrl#*://}
	authority=${authority%%/*}
	# [v6 address]:port keeps its brackets; name:port loses its port.
	if [[ $authority == \[* ]]; then host=${authority%%]*}]; else host=${authority%%:*}; fi
fi

exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /health/ready HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" >&3
read -r -t 5 status <&3
[[ $status == HTTP/1.1\ 200\ * ]] || {
	printf 'qualcoder-healthcheck: %s\n' "${status:-no answer}" >&2
	exit 1
}
