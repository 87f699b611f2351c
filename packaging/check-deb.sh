#!/bin/bash
# shellcheck disable=SC2015,SC2317 # pass and fail always succeed; cleanup runs from the trap
# Checks a built rafaga .deb: its fields and files, that every library the binary links comes
# from a package in Depends, then installs or unpacks it and runs `rafaga --version`,
# `rafaga serve`, `rafaga run --url` against that serve, the Spanish --help and the workbench
# (offscreen), on loopback only.
#
#   packaging/check-deb.sh [--extract | --install [--keep] | --chroot DIR] [DEB]
#
#   --extract     (default, no root) unpack with dpkg-deb -x into a temporary folder and run the
#                 binary from there against this machine's libraries.
#   --install     (root) apt-get install ./DEB into this machine, run /usr/bin/rafaga, then
#                 purge rafaga and whatever the install pulled in, so the machine is left as
#                 found. When rafaga was installed before, the new version stays installed.
#   --keep        with --install: leave the package and what it pulled in installed.
#   --chroot DIR  (root) install into DIR, a Debian 12 tree made by
#                   debootstrap --variant=minbase bookworm DIR http://deb.debian.org/debian
#                 with apt-get install --no-install-recommends (so only Depends count), and
#                 run it there: the check of a clean system. DIR is changed; use a copy.
#
# DEB defaults to the newest build/rafaga_*.deb. Every step has a time limit; the exit status is
# 0 when everything passed, 1 when a check failed, 2 for a usage error.
set -euo pipefail

mode=extract
keep=""
chroot_dir=""
deb=""
while [ $# -gt 0 ]; do
    case "$1" in
    --extract) mode=extract ;;
    --install) mode=install ;;
    --keep) keep=1 ;;
    --chroot)
        mode=chroot
        chroot_dir="${2:?--chroot needs a DIR}"
        shift
        ;;
    -h | --help)
        awk 'NR > 2 && /^#/ {sub(/^# ?/, ""); print; next} NR > 2 {exit}' "$0"
        exit 0
        ;;
    -*)
        echo "check-deb: unknown option $1" >&2
        exit 2
        ;;
    *) deb="$1" ;;
    esac
    shift
done

here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "$deb" ]; then
    # shellcheck disable=SC2012 # our own file names
    deb="$(ls -t "$here"/../build/rafaga_*.deb 2>/dev/null | head -n 1 || true)"
fi
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    echo "check-deb: no package; build one with: cmake --build build --target package" >&2
    exit 2
fi
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
if [ "$mode" != extract ] && [ "$(id -u)" -ne 0 ]; then
    echo "check-deb: --$mode needs root" >&2
    exit 2
fi
if [ -n "$keep" ] && [ "$mode" != install ]; then
    echo "check-deb: --keep goes with --install" >&2
    exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/rafaga-check-deb.XXXXXX")"
server_pid=""
proc_mounted=""
purge_list=""
# Packages as dpkg knows them, one "name:arch" a line, sorted.
installed_packages() {
    dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' | awk '$1 ~ /^.i/ {print $2}' | sort
}
cleanup() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ -n "$proc_mounted" ]; then
        umount "$proc_mounted" 2>/dev/null || true
    fi
    if [ -n "$purge_list" ]; then
        # shellcheck disable=SC2086 # a list of package names
        if DEBIAN_FRONTEND=noninteractive timeout 600 apt-get purge -y -qq $purge_list \
            >"$work/purge.log" 2>&1; then
            echo "     removed again: $purge_list"
        else
            tail -n 20 "$work/purge.log"
            echo "check-deb: apt-get purge $purge_list failed" >&2
        fi
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

failures=0
pass() { echo "ok   $*"; }
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}

echo "== $deb ($mode)"

# --- The package's fields and files --------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
version="$(field Version)"
depends="$(field Depends)"
[ "$(field Package)" = rafaga ] && pass "Package: rafaga" || fail "Package: $(field Package)"
echo "     Version: $version"
echo "     Depends: $depends"
echo "     Recommends: $(field Recommends)"
case ", $depends," in
*", libqt6core6 "* | *", libqt6core6,"*) pass "Depends computed by dpkg-shlibdeps (libqt6core6 ...)" ;;
*) fail "Depends has no libqt6core6: was dpkg-shlibdeps run?" ;;
esac

expected=(
    /usr/bin/rafaga
    /usr/share/applications/rafaga.desktop
    /usr/share/metainfo/io.github.rafaga.Rafaga.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/rafaga.svg
    /usr/share/man/man1/rafaga.1.gz
    /usr/share/doc/rafaga/copyright
    /usr/share/doc/rafaga/changelog.gz
)
contents="$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\.||')"
for path in "${expected[@]}"; do
    if grep -qxF "$path" <<<"$contents"; then pass "contains $path"; else fail "missing $path"; fi
done
unexpected="$(grep -v -e '/$' <<<"$contents" | grep -vxF -f <(printf '%s\n' "${expected[@]}") || true)"
[ -z "$unexpected" ] && pass "no other files" || fail "unexpected files: $unexpected"

# --- Every library the binary links comes from a package named in Depends --------------------
# Looked up on this machine, which built the binary. The package that owns a file, trying it
# with and without /usr (Debian 12 has merged /usr, but dpkg knows each file by the path its
# package ships).
unpacked="$work/unpacked"
dpkg-deb -x "$deb" "$unpacked"
owner_of() {
    local path candidates=("$1" "$(readlink -f "$1")")
    for path in "${candidates[@]}"; do
        candidates+=("${path#/usr}" "/usr$path")
    done
    for path in "${candidates[@]}"; do
        # sed reads all of dpkg's output: with pipefail, a reader that stops early (head -n 1)
        # could make dpkg die of SIGPIPE and the lookup fail.
        dpkg -S "$path" 2>/dev/null | sed -n '1s/:.*//p' | grep . && return 0
    done
    return 0
}
if command -v objdump >/dev/null; then
    missing=""
    # The package names in Depends, one a line, without versions; alternatives count too.
    depends_names="$(sed 's/([^)]*)//g; s/|/,/g' <<<"$depends" | tr ',' '\n' | awk '{print $1}')"
    ld_cache="$(ldconfig -p)"
    while read -r soname; do
        lib="$(awk -v s="$soname" '$1 == s {print $NF; exit}' <<<"$ld_cache")"
        pkg="$( [ -n "$lib" ] && owner_of "$lib" || true)"
        if [ -z "$pkg" ]; then
            missing="$missing $soname(no package)"
        elif ! grep -qxF "$pkg" <<<"$depends_names"; then
            missing="$missing $soname($pkg)"
        fi
    done < <(objdump -p "$unpacked/usr/bin/rafaga" | awk '$1 == "NEEDED" {print $2}')
    if [ -z "$missing" ]; then
        pass "every NEEDED library is in Depends"
    else
        fail "NEEDED libraries whose package is not in Depends:$missing"
    fi
else
    echo "skip NEEDED libraries against Depends: no objdump (binutils)"
fi

# --- Put it somewhere and say how to run it ------------------------------------------------
# root: where the package's files are seen from here; tmp: a folder both this script and
# rafaga see, as (host path, path for rafaga).
root=""
case "$mode" in
extract)
    root="$unpacked"
    mkdir -p "$work/home" "$work/tmp"
    tmp_host="$work/tmp"
    tmp_rafaga="$work/tmp"
    # A clean environment: no proxies, no Qt or library paths from the caller.
    run_env=(env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8)
    rafaga_bin="$root/usr/bin/rafaga"
    ;;
install)
    root=""
    export DEBIAN_FRONTEND=noninteractive
    before="$(installed_packages)"
    was_installed=""
    grep -qE '^rafaga(:|$)' <<<"$before" && was_installed=1
    if timeout 900 apt-get install -y -qq --no-install-recommends -o Acquire::Retries=3 \
        "$deb" >"$work/apt.log" 2>&1; then
        pass "apt-get install $(basename "$deb")"
    else
        tail -n 20 "$work/apt.log"
        fail "apt-get install"
    fi
    pulled_in="$(comm -13 <(echo "$before") <(installed_packages) | tr '\n' ' ')"
    if [ -n "$keep" ]; then
        echo "     stays installed (--keep): $pulled_in"
    else
        # What was not installed before goes again afterwards. A rafaga that was installed
        # before is not in that list: purging it would not bring the old version back.
        purge_list="$pulled_in"
        [ -z "$was_installed" ] || echo "     rafaga was installed before: $version stays installed"
    fi
    [ "$failures" -eq 0 ] || exit 1
    mkdir -p "$work/home" "$work/tmp"
    tmp_host="$work/tmp"
    tmp_rafaga="$work/tmp"
    [ "$(command -v rafaga)" = /usr/bin/rafaga ] && pass "rafaga is /usr/bin/rafaga on PATH" \
        || fail "rafaga on PATH is '$(command -v rafaga || true)'"
    run_env=(env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8)
    rafaga_bin=rafaga
    ;;
chroot)
    root="$(cd "$chroot_dir" && pwd)"
    [ -x "$root/usr/bin/apt-get" ] || {
        echo "check-deb: $root is not a Debian tree (debootstrap one first)" >&2
        exit 2
    }
    mount -t proc proc "$root/proc"
    proc_mounted="$root/proc"
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    cp "$deb" "$root/tmp/"
    in_chroot=(chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
        LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive)
    if timeout 900 "${in_chroot[@]}" apt-get update -qq -o Acquire::Retries=3 \
        >"$work/apt.log" 2>&1 \
        && timeout 900 "${in_chroot[@]}" apt-get install -y -qq --no-install-recommends \
            -o Acquire::Retries=3 "/tmp/$(basename "$deb")" >>"$work/apt.log" 2>&1; then
        pass "apt-get install in $root: $(grep -c '^Setting up' "$work/apt.log") packages"
    else
        tail -n 20 "$work/apt.log"
        fail "apt-get install in $root"
        exit 1
    fi
    tmp_rafaga="$(mktemp -u /tmp/rafaga-check.XXXXXX)"
    tmp_host="$root$tmp_rafaga"
    mkdir -p "$tmp_host"
    run_env=("${in_chroot[@]}")
    rafaga_bin=/usr/bin/rafaga
    ;;
esac

# --- Its files, where the desktop looks for them ---------------------------------------------
for path in "${expected[@]}"; do
    [ -f "$root$path" ] && pass "installed $path" || fail "not installed: $path"
done
if command -v man >/dev/null; then
    # man -w: the man page is found where man looks (in the unpacked or chroot tree: there).
    man_args=(-w rafaga)
    [ -n "$root" ] && man_args=(-M "$root/usr/share/man" -w rafaga)
    if found="$(man "${man_args[@]}" 2>&1)" && [ "$found" = "$root/usr/share/man/man1/rafaga.1.gz" ]; then
        pass "man ${man_args[*]}: $found"
    else
        fail "man ${man_args[*]} said '$found'"
    fi
    if [ "$(MANWIDTH=80 man -l "$root/usr/share/man/man1/rafaga.1.gz" 2>&1 | grep -c .)" -gt 100 ]; then
        pass "man page renders"
    else
        fail "man page does not render"
    fi
else
    echo "skip man -w rafaga: no man (man-db)"
fi
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/rafaga.desktop" \
        && pass "desktop-file-validate" || fail "desktop-file-validate"
else
    echo "skip desktop-file-validate: not installed (desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net \
        "$root/usr/share/metainfo/io.github.rafaga.Rafaga.metainfo.xml" >"$work/as.log" 2>&1 \
        && pass "appstreamcli validate --no-net" || { cat "$work/as.log"; fail "appstreamcli validate"; }
else
    echo "skip appstreamcli validate: not installed (appstream)"
fi

# --- Run it -------------------------------------------------------------------------------
rafaga=("${run_env[@]}" "$rafaga_bin")
if out="$(timeout 30 "${rafaga[@]}" --version 2>&1)" && [ "$out" = "rafaga $version" ]; then
    pass "rafaga --version: $out"
else
    fail "rafaga --version said '$out', expected 'rafaga $version'"
fi

if out="$(timeout 30 "${rafaga[@]}" --help 2>&1)" && grep -q '^Usage: rafaga' <<<"$out"; then
    pass "rafaga --help"
else
    fail "rafaga --help"
fi

# The Spanish translation is built into the binary and follows the user's language, also where
# no locale is generated (Qt reads LANG itself).
if out="$(timeout 30 "${run_env[@]}" LANG=es_ES.UTF-8 "$rafaga_bin" --help 2>&1)" \
    && grep -q '^Uso: rafaga' <<<"$out"; then
    pass "LANG=es_ES.UTF-8 rafaga --help: $(head -n 1 <<<"$out")"
else
    fail "LANG=es_ES.UTF-8 rafaga --help is not in Spanish: $(head -n 1 <<<"$out")"
fi

# Starts `rafaga serve ARGS` in the background and sets url to its address.
start_server() {
    : >"$work/serve.out"
    # timeout passes SIGTERM on to rafaga, and ends it anyway after 300 s. --foreground: it
    # signals rafaga only, not its whole process group as well; rafaga would take the second
    # SIGTERM for "quit at once".
    timeout --foreground 300 "${rafaga[@]}" serve --port 0 "$@" >"$work/serve.out" 2>"$work/serve.err" &
    server_pid=$!
    url=""
    for _ in $(seq 100); do
        url="$(sed -n 's/^listening on //p' "$work/serve.out")"
        [ -n "$url" ] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$work/serve.err" >&2
    return 1
}
stop_server() {
    kill -TERM "$server_pid" 2>/dev/null || true
    local status=0
    wait "$server_pid" || status=$?
    server_pid=""
    return $status
}

if start_server; then
    pass "rafaga serve: listening on $url"
    case "$url" in http://127.0.0.1:*) ;; *) fail "serve is not on loopback: $url" ;; esac
    if timeout 60 "${rafaga[@]}" run --url "$url/get" -n 200 -c 10 -q --json - >"$work/summary.json" \
        && grep -q '"succeeded": 200' "$work/summary.json"; then
        pass "rafaga run --url $url/get -n 200 -c 10: 200 succeeded"
    else
        cat "$work/summary.json"
        fail "rafaga run --url $url/get -n 200 -c 10"
    fi
    status=0
    timeout 60 "${rafaga[@]}" run --url "$url/status/503" -n 3 -q || status=$?
    [ "$status" -eq 1 ] && pass "rafaga run against /status/503 exits 1" \
        || fail "rafaga run against /status/503 exited $status, expected 1"
    status=0
    stop_server || status=$?
    [ "$status" -eq 0 ] && pass "rafaga serve stops on SIGTERM with 0" \
        || { tail -n 5 "$work/serve.err"; fail "rafaga serve exited $status on SIGTERM, expected 0"; }
else
    fail "rafaga serve did not say where it listens"
fi

# HTTPS: the Qt TLS plugin and OpenSSL, as installed by Depends.
if start_server --tls; then
    if timeout 60 "${rafaga[@]}" run -k --url "$url/get" -n 20 -c 5 -q; then
        pass "rafaga run -k against serve --tls ($url)"
    else
        fail "rafaga run -k against serve --tls ($url)"
    fi
    stop_server || true
else
    fail "rafaga serve --tls did not say where it listens"
fi

# The workbench: Qt Widgets, the platform and SVG plugins, fonts; it runs the demo collection
# against its own built-in server and saves a picture.
shot="rafaga-screenshot.png"
if timeout 120 "${run_env[@]}" QT_QPA_PLATFORM=offscreen "$rafaga_bin" \
    --screenshot "$tmp_rafaga/$shot" --run-demo >"$work/gui.log" 2>&1 \
    && [ "$(head -c 8 "$tmp_host/$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
    pass "rafaga --screenshot --run-demo (offscreen): a PNG of $(wc -c <"$tmp_host/$shot") bytes"
else
    tail -n 20 "$work/gui.log"
    fail "rafaga --screenshot --run-demo (offscreen)"
fi
[ "$mode" = chroot ] && rm -rf "$tmp_host"

if [ "$failures" -eq 0 ]; then
    echo "== all checks passed"
    exit 0
fi
echo "== $failures check(s) failed"
exit 1
