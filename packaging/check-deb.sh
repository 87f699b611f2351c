#!/bin/bash
# shellcheck disable=SC2015,SC2317 # pass and fail always succeed; cleanup runs from the trap
# Checks a built rafaga .deb: its fields and files, then installs or unpacks it and runs
# `rafaga --version`, `rafaga serve` and `rafaga run --url` against that serve, on loopback only.
#
#   packaging/check-deb.sh [--extract | --install | --chroot DIR] [DEB]
#
#   --extract     (default, no root) unpack with dpkg-deb -x into a temporary folder and run the
#                 binary from there against this machine's libraries; also checks that every
#                 library the binary links is provided by a package named in Depends.
#   --install     (root; a throwaway machine or container) apt-get install ./DEB and run
#                 /usr/bin/rafaga; the package stays installed.
#   --chroot DIR  (root) install into DIR, a Debian 12 tree made by
#                   debootstrap --variant=minbase bookworm DIR http://deb.debian.org/debian
#                 with apt-get install --no-install-recommends (so only Depends count), and
#                 run it there: the check of a clean system. DIR is changed; use a copy.
#
# DEB defaults to the newest build/rafaga_*.deb. Every step has a time limit; the exit status is
# 0 when everything passed, 1 when a check failed, 2 for a usage error.
set -euo pipefail

mode=extract
chroot_dir=""
deb=""
while [ $# -gt 0 ]; do
    case "$1" in
    --extract) mode=extract ;;
    --install) mode=install ;;
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

work="$(mktemp -d "${TMPDIR:-/tmp}/rafaga-check-deb.XXXXXX")"
server_pid=""
proc_mounted=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ -n "$proc_mounted" ]; then
        umount "$proc_mounted" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

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
case ", $depends," in
*", libqt6core6 "* | *", libqt6core6,"*) pass "Depends computed by dpkg-shlibdeps (libqt6core6 ...)" ;;
*) fail "Depends has no libqt6core6: was dpkg-shlibdeps run?" ;;
esac

expected=(
    ./usr/bin/rafaga
    ./usr/share/applications/rafaga.desktop
    ./usr/share/metainfo/io.github.rafaga.Rafaga.metainfo.xml
    ./usr/share/icons/hicolor/scalable/apps/rafaga.svg
    ./usr/share/man/man1/rafaga.1.gz
    ./usr/share/doc/rafaga/copyright
    ./usr/share/doc/rafaga/changelog.gz
)
contents="$(dpkg-deb -c "$deb" | awk '{print $NF}')"
for path in "${expected[@]}"; do
    if grep -qxF "$path" <<<"$contents"; then pass "contains $path"; else fail "missing $path"; fi
done
unexpected="$(grep -v -e '/$' <<<"$contents" | grep -vxF -f <(printf '%s\n' "${expected[@]}") || true)"
[ -z "$unexpected" ] && pass "no other files" || fail "unexpected files: $unexpected"

# --- Put it somewhere and say how to run it ------------------------------------------------
root=""
case "$mode" in
extract)
    root="$work/root"
    dpkg-deb -x "$deb" "$root"
    mkdir -p "$work/home"
    # A clean environment: no proxies, no Qt or library paths from the caller.
    rafaga=(env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 "$root/usr/bin/rafaga")
    ;;
install)
    root=""
    export DEBIAN_FRONTEND=noninteractive
    if timeout 900 apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1; then
        pass "apt-get install $(basename "$deb")"
    else
        tail -n 20 "$work/apt.log"
        fail "apt-get install"
        exit 1
    fi
    mkdir -p "$work/home"
    rafaga=(env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 /usr/bin/rafaga)
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
    if timeout 900 "${in_chroot[@]}" apt-get update -qq >"$work/apt.log" 2>&1 \
        && timeout 900 "${in_chroot[@]}" apt-get install -y -qq --no-install-recommends \
            "/tmp/$(basename "$deb")" >>"$work/apt.log" 2>&1; then
        pass "apt-get install in $root"
    else
        tail -n 20 "$work/apt.log"
        fail "apt-get install in $root"
        exit 1
    fi
    rafaga=("${in_chroot[@]}" /usr/bin/rafaga)
    ;;
esac

# --- Every library the binary needs comes from a package named in Depends --------------------
# The package that owns a file, trying it with and without /usr (Debian 12 has merged /usr, but
# dpkg knows each file by the path its package ships).
owner_of() {
    local path candidates=("$1" "$(readlink -f "$1")")
    for path in "${candidates[@]}"; do
        candidates+=("${path#/usr}" "/usr$path")
    done
    for path in "${candidates[@]}"; do
        dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1 && return 0
    done
    return 0
}
if [ "$mode" = extract ] && command -v objdump >/dev/null; then
    missing=""
    # The package names in Depends, one a line, without versions; alternatives count too.
    depends_names="$(sed 's/([^)]*)//g; s/|/,/g' <<<"$depends" | tr ',' '\n' | awk '{print $1}')"
    while read -r soname; do
        lib="$(ldconfig -p | awk -v s="$soname" '$1 == s {print $NF; exit}')"
        pkg="$( [ -n "$lib" ] && owner_of "$lib" || true)"
        if [ -z "$pkg" ]; then
            missing="$missing $soname(no package)"
        elif ! grep -qxF "$pkg" <<<"$depends_names"; then
            missing="$missing $soname($pkg)"
        fi
    done < <(objdump -p "$root/usr/bin/rafaga" | awk '$1 == "NEEDED" {print $2}')
    if [ -z "$missing" ]; then
        pass "every NEEDED library is in Depends"
    else
        fail "NEEDED libraries whose package is not in Depends:$missing"
    fi
fi

# --- Run it -------------------------------------------------------------------------------
if out="$(timeout 30 "${rafaga[@]}" --version 2>&1)" && [ "$out" = "rafaga $version" ]; then
    pass "rafaga --version: $out"
else
    fail "rafaga --version said '$out', expected 'rafaga $version'"
fi

if timeout 30 "${rafaga[@]}" --help | grep -q '^Usage: rafaga'; then pass "rafaga --help"; else fail "rafaga --help"; fi

# Starts `rafaga serve ARGS` in the background and sets url to its address.
start_server() {
    : >"$work/serve.out"
    # timeout passes SIGTERM on to rafaga, and ends it anyway after 300 s.
    timeout 300 "${rafaga[@]}" serve --port 0 "$@" >"$work/serve.out" 2>"$work/serve.err" &
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
    if timeout 60 "${rafaga[@]}" run --url "$url/get" -n 200 -c 20 -q --json - >"$work/summary.json" \
        && grep -q '"succeeded": 200' "$work/summary.json"; then
        pass "rafaga run --url $url/get -n 200 -c 20: 200 succeeded"
    else
        cat "$work/summary.json"
        fail "rafaga run --url $url/get -n 200 -c 20"
    fi
    status=0
    timeout 60 "${rafaga[@]}" run --url "$url/status/503" -n 3 -q || status=$?
    [ "$status" -eq 1 ] && pass "rafaga run against /status/503 exits 1" \
        || fail "rafaga run against /status/503 exited $status, expected 1"
    if stop_server; then pass "rafaga serve stops on SIGTERM with 0"; else fail "rafaga serve exit status"; fi
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

# --- The desktop files, with the validators when they are installed -----------------------
files_root="$root"
if [ "$mode" = install ]; then files_root=""; fi
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$files_root/usr/share/applications/rafaga.desktop" \
        && pass "desktop-file-validate" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net \
        "$files_root/usr/share/metainfo/io.github.rafaga.Rafaga.metainfo.xml" >"$work/as.log" 2>&1 \
        && pass "appstreamcli validate --no-net" || { cat "$work/as.log"; fail "appstreamcli validate"; }
fi
if command -v man >/dev/null; then
    if [ "$(MANWIDTH=80 man -l "$files_root/usr/share/man/man1/rafaga.1.gz" 2>&1 | grep -c .)" -gt 100 ]; then
        pass "man page renders"
    else
        fail "man page does not render"
    fi
fi

if [ "$failures" -eq 0 ]; then
    echo "== all checks passed"
    exit 0
fi
echo "== $failures check(s) failed"
exit 1
