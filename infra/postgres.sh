#!/usr/bin/env bash
# A local PostgreSQL from Debian's packages, for development and tests: these machines have no Docker engine.
#
# Usage: infra/postgres.sh start|stop|status|url|install [--dir DIR] [--fast] [--remove]
#   start    start the server (initialising DIR the first time); the last line on stdout is the Npgsql
#            connection string, and nothing else goes to stdout (progress goes to stderr)
#   stop     stop the server if it runs; with --remove also delete DIR. No error when nothing runs.
#   status   print "running" (exit 0) or "stopped" (exit 3)
#   url      print the connection string when the server runs, else exit 1
#   install  only make sure the PostgreSQL binaries are installed (lets a test run install them once,
#            before parallel test processes race for apt's lock)
# Options:
#   --dir DIR  state folder; also env QUALCODER_PG_DIR. Default: <checkout>/.data/postgres, or
#              ${TMPDIR:-/tmp}/qualcoder-web-<hash of checkout path>/postgres when the postgres user cannot reach
#              the checkout (root runs the server as postgres; CI may clone into /root).
#   --fast     start without crash safety (fsync, synchronous_commit, full_page_writes off): throwaway test servers
#   --remove   with stop: delete DIR as well
# Env: QUALCODER_PG_BIN overrides the folder holding initdb/pg_ctl.
set -euo pipefail

readonly DB_NAME=qualcoder
readonly DB_SUPERUSER=postgres
readonly FIRST_PORT=55432
readonly LAST_PORT=56431
# Marks a folder as made by this script, so that `stop --remove` never deletes a folder it did not make.
readonly OWN_MARKER=.qualcoder-web-postgres

# The real stdout is kept on fd 3 for the one line we promise; everything else (including every tool's chatter)
# goes to stderr so that callers can take stdout's last line blindly.
exec 3>&1 1>&2
# A test host may exit (closing our pipes) right after asking for `stop --remove`: without this, the first
# progress message kills the script with SIGPIPE half-way, leaving the cluster on disk. Ignored here, SIGPIPE
# stays ignored in pg_ctl too, and writes just fail.
trap '' PIPE

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
repo_root=$(cd -- "$script_dir/.." && pwd -P)
tmp_base=$(realpath -m -- "${TMPDIR:-/tmp}")
# Serialises apt installs and port picking across every copy of this script on the machine.
global_lock=$tmp_base/qualcoder-web-postgres.lock

log() { printf 'postgres.sh: %s\n' "$*" >&2 2>/dev/null || true; }
die() {
	log "error: $1"
	exit "${2:-1}"
}
usage() { sed -n '2,/^set -euo pipefail/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2; }

is_root=false
[[ $EUID -eq 0 ]] && is_root=true
# runuser lives in /usr/sbin, which a non-login root PATH may lack.
runuser=$(PATH=$PATH:/usr/sbin:/sbin command -v runuser || true)

# ---------------------------------------------------------------------------------------------- arguments
command=${1:-}
case $command in
start | stop | status | url | install) shift ;;
-h | --help | help)
	usage
	exit 0
	;;
'')
	usage
	exit 2
	;;
*)
	usage
	die "unknown command: $command" 2
	;;
esac

dir_arg=${QUALCODER_PG_DIR:-}
fast=false
remove=false
while (($#)); do
	case $1 in
	--dir)
		(($# >= 2)) || die "--dir needs a folder" 2
		dir_arg=$2
		shift 2
		;;
	--dir=*)
		dir_arg=${1#--dir=}
		shift
		;;
	--fast)
		fast=true
		shift
		;;
	--remove)
		remove=true
		shift
		;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		usage
		die "unknown argument: $1" 2
		;;
	esac
done

# ---------------------------------------------------------------------------------------------- helpers

# initdb refuses to run as root, so as root every server-side command runs as the postgres user.
# `cd /` because runuser keeps the working folder, which postgres may not be allowed to enter (/root).
as_server() {
	if $is_root; then
		(cd / && "$runuser" -u postgres -- "$@")
	else
		"$@"
	fi
}

# Writes stdin to a file owned by the server user and readable by it alone (the password lives in one).
write_private() {
	# shellcheck disable=SC2016 # $1 is expanded by the inner sh, on purpose
	as_server sh -c 'umask 077 && cat >"$1"' sh "$1"
}

take_global_lock() {
	[[ -e $global_lock ]] || (umask 022 && : >>"$global_lock") 2>/dev/null || true
	# Read-only open is enough for flock, and works when another user created the file.
	exec 8<"$global_lock" || die "cannot open the lock file $global_lock"
	flock -w 600 8 || die "waited 10 minutes for $global_lock; another postgres.sh seems stuck"
}
release_global_lock() { exec 8<&-; }

find_bin_dir() {
	if [[ -n ${QUALCODER_PG_BIN:-} ]]; then
		printf '%s\n' "$QUALCODER_PG_BIN"
		return 0
	fi
	# A data folder only runs under its own major version: prefer the binaries it was made with.
	local d found='' made_with=''
	[[ -n $dir && -r $dir/data/PG_VERSION ]] && made_with=$(<"$dir/data/PG_VERSION")
	if [[ -n $made_with && -x /usr/lib/postgresql/$made_with/bin/pg_ctl ]]; then
		printf '%s\n' "/usr/lib/postgresql/$made_with/bin"
		return 0
	fi
	while IFS= read -r d; do
		[[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] && found=$d
	done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
	printf '%s\n' "$found"
}

install_postgres() {
	command -v apt-get >/dev/null ||
		die "PostgreSQL (initdb, pg_ctl) is not installed and there is no apt-get: install PostgreSQL's server binaries"
	local -a sudo=()
	if ! $is_root; then
		command -v sudo >/dev/null ||
			die "PostgreSQL is not installed, and as a non-root user without sudo I cannot install it: run 'apt-get install postgresql' as root"
		sudo=(sudo)
	fi
	log "PostgreSQL is not installed: installing Debian's 'postgresql' package"
	"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update ||
		die "apt-get update failed"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y postgresql ||
		die "apt-get install postgresql failed"
}

# Sets $bin and $psql; installs PostgreSQL when allowed to and missing.
resolve_binaries() {
	local may_install=$1
	bin=$(find_bin_dir)
	if [[ -z $bin ]] && $may_install; then
		take_global_lock
		# Another copy may have installed it while we waited for the lock.
		bin=$(find_bin_dir)
		[[ -n $bin ]] || install_postgres
		release_global_lock
		bin=$(find_bin_dir)
		[[ -n $bin ]] || die "installed 'postgresql' but found no /usr/lib/postgresql/*/bin with initdb and pg_ctl"
	fi
	if [[ -n $bin ]]; then
		[[ -x $bin/pg_ctl ]] || die "no pg_ctl in $bin"
		psql=$bin/psql
		[[ -x $psql ]] || psql=$(command -v psql || true)
	fi
	if [[ -n $bin ]] && $is_root; then
		id -u postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user to run the server, and it does not exist"
		[[ -n $runuser ]] || die "running as root needs runuser (util-linux) to run the server as postgres"
	fi
}

# Can the user that runs the server use folder $1 (creating the missing parts, when root, as root)?
dir_usable() {
	local d=$1 anchor=$1
	while [[ ! -e $anchor ]]; do anchor=$(dirname -- "$anchor"); done
	[[ -d $anchor ]] || return 1
	if $is_root; then
		id -u postgres >/dev/null 2>&1 || return 0 # no server user yet: nothing runs, so the default is as good as any
		if [[ $anchor == "$d" ]]; then anchor=$(dirname -- "$d"); fi
		# access(2) checks every folder on the way, so one test covers all parents.
		as_server test -x "$anchor"
	else
		if [[ $anchor == "$d" ]]; then
			[[ -O $d && -w $d && -x $d ]]
		else
			[[ -w $anchor && -x $anchor ]]
		fi
	fi
}

# Sets $dir (and $fallback_used) from --dir / QUALCODER_PG_DIR or the default.
resolve_dir() {
	local default=$repo_root/.data/postgres hash
	fallback_used=false
	if [[ -n $dir_arg ]]; then
		dir=$(realpath -m -- "$dir_arg")
		return 0
	fi
	if dir_usable "$default"; then
		dir=$default
		fallback_used=false
	else
		hash=$(printf '%s' "$repo_root" | sha256sum | cut -c1-12)
		dir=$tmp_base/qualcoder-web-$hash/postgres
		fallback_used=true
	fi
}

dir_is_ours_or_empty() {
	[[ -e $1/$OWN_MARKER ]] || [[ -z $(ls -A -- "$1") ]]
}

prepare_dir() {
	local parent
	parent=$(dirname -- "$dir")
	if [[ -e $dir && ! -d $dir ]]; then die "$dir exists and is not a folder"; fi
	if [[ -d $dir ]] && ! dir_is_ours_or_empty "$dir"; then
		die "$dir is not empty and was not made by postgres.sh: choose another --dir"
	fi
	# Checked before creating anything, so that a refused folder leaves no trace.
	if $is_root && ! dir_usable "$dir"; then
		die "the postgres user cannot reach $dir (root runs the server as postgres): pass a --dir whose parent folders others may enter, e.g. under /tmp"
	fi
	# 022: parents we create must let the postgres user through.
	(umask 022 && mkdir -p -- "$parent") || die "cannot create $parent"
	if $fallback_used && [[ ! -O $parent || -L $parent ]]; then
		# A predictable name under a shared temp folder: refuse one somebody else prepared.
		die "$parent is not owned by $(id -un): remove it or pass --dir"
	fi
	mkdir -p -- "$dir" || die "cannot create $dir"
	if $is_root; then chown postgres:postgres -- "$dir"; fi
	chmod 700 -- "$dir"
	[[ -e $dir/$OWN_MARKER ]] || as_server touch -- "$dir/$OWN_MARKER"
}

lock_dir() {
	# Made by the server user and opened read-only (enough for flock), so root and a non-root owner can share it.
	[[ -e $dir/.lock ]] || as_server touch -- "$dir/.lock"
	exec 9<"$dir/.lock" || die "cannot open $dir/.lock"
	flock -w 600 9 || die "waited 10 minutes for another postgres.sh working on $dir"
}

is_running() {
	[[ -n $bin && -f $dir/data/PG_VERSION ]] || return 1
	as_server "$bin/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

running_port() { sed -n 4p "$dir/data/postmaster.pid"; }

connection_string() {
	local port=$1 password
	IFS= read -r password <"$dir/password" || die "cannot read the password in $dir/password"
	printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s\n' \
		"$port" "$DB_NAME" "$DB_SUPERUSER" "$password"
}

port_free() {
	local p=$1
	if command -v ss >/dev/null; then
		[[ -z $(ss -Hltn "sport = :$p" 2>/dev/null) ]]
	else
		if (exec 5<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then return 1; fi
	fi
}

init_cluster() {
	local password
	local -a locale_args=(--no-locale) extra=()
	# Alphanumeric only, so it needs no quoting inside a connection string.
	password=$(head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9')
	password=${password:0:32}
	write_private "$dir/password" <<<"$password"
	case $'\n'$(locale -a 2>/dev/null)$'\n' in
	*$'\nC.utf8\n'* | *$'\nC.UTF-8\n'*) locale_args=(--locale=C.UTF-8) ;;
	esac
	$fast && extra=(--no-sync)
	# A half-made data folder (initdb interrupted) would make initdb refuse: start over.
	rm -rf -- "$dir/data"
	log "initialising a new cluster in $dir/data"
	as_server "$bin/initdb" -D "$dir/data" -U "$DB_SUPERUSER" --pwfile="$dir/password" \
		--auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 "${locale_args[@]}" "${extra[@]}" ||
		die "initdb failed"
	# Per-start settings live in a file we rewrite on each start: its values need no shell quoting,
	# unlike pg_ctl -o, and a folder path may hold spaces.
	# shellcheck disable=SC2016 # $1 is expanded by the inner sh, on purpose
	printf "\ninclude_if_exists = 'qualcoder-web.conf'\n" |
		as_server sh -c 'cat >>"$1"' sh "$dir/data/postgresql.conf"
	as_server touch -- "$dir/.initialized"
}

conf_quote() { printf "'%s'" "${1//\'/\'\'}"; }

write_settings() {
	local port=$1 socket_dir=$dir
	# The socket path must fit sun_path (108 bytes); without a socket the server still serves TCP.
	if ((${#dir} + 20 > 107)); then socket_dir=''; fi
	{
		echo "# Written by infra/postgres.sh on each start; edits are lost."
		echo "listen_addresses = '127.0.0.1'"
		echo "port = $port"
		echo "unix_socket_directories = $(conf_quote "$socket_dir")"
		if $fast; then
			echo "fsync = off"
			echo "synchronous_commit = off"
			echo "full_page_writes = off"
		fi
	} | write_private "$dir/data/qualcoder-web.conf"
}

# Tries the remembered port, then scans upward; pg_ctl's exit tells whether the bind worked, since a port can be
# taken by something else between the check and the start.
start_server() {
	local remembered='' port log=$dir/postgres.log size attempts=0 candidate new_log
	if [[ -r $dir/port ]]; then IFS= read -r remembered <"$dir/port" || true; fi
	[[ $remembered =~ ^[0-9]+$ ]] || remembered=''
	take_global_lock
	candidate=${remembered:-$FIRST_PORT}
	while :; do
		port=''
		while ((candidate <= LAST_PORT)); do
			if port_free "$candidate"; then
				port=$candidate
				break
			fi
			if [[ $candidate == "$remembered" ]]; then
				log "port $remembered (used last time) is taken now: picking another"
				remembered=''
				candidate=$FIRST_PORT
			else
				candidate=$((candidate + 1))
			fi
		done
		[[ -n $port ]] || die "no free TCP port between $FIRST_PORT and $LAST_PORT"
		write_settings "$port"
		size=$( (stat -c %s -- "$log" 2>/dev/null) || echo 0)
		log "starting PostgreSQL on 127.0.0.1:$port (data: $dir/data, log: $log)"
		# Close fds 3 (our stdout), 8 and 9 (locks) for the server: the postmaster would inherit them, keep
		# the caller's pipe open (so `$(postgres.sh start)` never returns) and hold the locks forever.
		if as_server "$bin/pg_ctl" start -D "$dir/data" -l "$log" -w -t 60 3>&- 8<&- 9<&-; then
			break
		fi
		attempts=$((attempts + 1))
		new_log=$(tail -c +"$((size + 1))" -- "$log" 2>/dev/null || true)
		if ((attempts < 10)) && [[ $new_log == *'could not bind'* || $new_log == *'Address already in use'* ]]; then
			log "port $port was taken meanwhile: trying the next one"
			if [[ $port == "$remembered" ]]; then
				remembered=''
				candidate=$FIRST_PORT
			else
				candidate=$((port + 1))
			fi
			continue
		fi
		log "PostgreSQL did not start; the end of $log:"
		printf '%s\n' "$new_log" | tail -n 30 >&2
		die "pg_ctl start failed"
	done
	release_global_lock
	write_private "$dir/port" <<<"$port"
}

wait_ready() {
	local port=$1 i
	for ((i = 0; i < 60; i++)); do
		"$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1 && return 0
		sleep 0.5
	done
	die "PostgreSQL on port $port did not become ready in 30 s (see $dir/postgres.log)"
}

ensure_database() {
	local port=$1 password exists
	[[ -n $psql ]] || die "psql is not installed (Debian package postgresql-client)"
	IFS= read -r password <"$dir/password"
	exists=$(PGPASSWORD=$password PGCONNECT_TIMEOUT=10 "$psql" -X -q -At -v ON_ERROR_STOP=1 \
		-h 127.0.0.1 -p "$port" -U "$DB_SUPERUSER" -d postgres \
		-c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'") ||
		die "cannot connect to PostgreSQL on port $port"
	if [[ $exists != 1 ]]; then
		log "creating database $DB_NAME"
		PGPASSWORD=$password "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$DB_SUPERUSER" \
			-d postgres -c "CREATE DATABASE $DB_NAME" || die "cannot create database $DB_NAME"
	fi
}

# ---------------------------------------------------------------------------------------------- commands
bin='' psql='' dir='' fallback_used=false

case $command in
install)
	resolve_binaries true
	log "PostgreSQL binaries: $bin"
	;;

start)
	# Binaries first: installing creates the postgres user, whose reach decides the default folder.
	resolve_binaries true
	resolve_dir
	$fallback_used && log "the server user cannot reach $repo_root/.data/postgres: using $dir"
	prepare_dir
	lock_dir
	bin=$(find_bin_dir) # now that $dir is known, prefer the version its data was made with
	if is_running; then
		port=$(running_port)
		log "already running on 127.0.0.1:$port ($dir)"
	else
		[[ -e $dir/.initialized && -f $dir/data/PG_VERSION && -f $dir/password ]] || init_cluster
		start_server
		port=$(running_port)
		wait_ready "$port"
		ensure_database "$port"
	fi
	connection_string "$port" >&3
	;;

stop)
	resolve_dir
	resolve_binaries false
	if [[ ! -d $dir ]]; then
		log "nothing to stop: $dir does not exist"
		exit 0
	fi
	dir_is_ours_or_empty "$dir" || die "$dir was not made by postgres.sh: not touching it"
	lock_dir
	if is_running; then
		as_server "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 3>&- 8<&- 9<&- || die "pg_ctl stop failed"
		log "stopped ($dir)"
	else
		log "not running ($dir)"
	fi
	if $remove; then
		rm -rf -- "$dir"
		# The temp fallback's per-checkout parent is ours too; leave it only when something else is in it.
		if $fallback_used; then rmdir -- "$(dirname -- "$dir")" 2>/dev/null || true; fi
		log "removed $dir"
	fi
	;;

status)
	resolve_dir
	resolve_binaries false
	if is_running; then
		log "PostgreSQL is running on 127.0.0.1:$(running_port) ($dir)"
		echo running >&3
		exit 0
	fi
	log "no PostgreSQL is running for $dir"
	echo stopped >&3
	exit 3
	;;

url)
	resolve_dir
	resolve_binaries false
	is_running || die "no PostgreSQL is running for $dir: run infra/postgres.sh start"
	connection_string "$(running_port)" >&3
	;;
esac
