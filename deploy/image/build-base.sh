#!/usr/bin/env bash
# Builds the base image the Rathaus image is layered on, without a Docker engine or a registry:
# Debian bookworm (debootstrap, variant minbase) + openjdk-17-jre-headless + the user rathaus
# (uid/gid 10001) that owns /var/lib/rathaus, packed as a `docker save` archive
# (manifest.json + config + one layer) that Jib reads as its tar:// base image.
#
#   sudo deploy/image/build-base.sh            # writes deploy/image/target/rathaus-base.tar
#
# Needs root (debootstrap, chroot, mount of /proc) and a reachable Debian mirror
# (DEBIAN_MIRROR, default http://deb.debian.org/debian). SOURCE_DATE_EPOCH fixes the file times
# and the creation date, so two builds from the same packages give the same layer.
set -euo pipefail

SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
APP_UID=10001
HERE=$(cd "$(dirname "$0")" && pwd)
TARGET=$HERE/target
ROOTFS=$TARGET/rootfs
OUT=$TARGET/rathaus-base.tar
EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$HERE" log -1 --format=%ct 2>/dev/null || date +%s)}

if [ "$(id -u)" -ne 0 ]; then echo "build-base.sh: run as root (debootstrap, chroot)" >&2; exit 1; fi
if ! command -v debootstrap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
fi
for tool in python3 sha256sum tar; do
  command -v "$tool" >/dev/null || { echo "build-base.sh: $tool is missing" >&2; exit 1; }
done

rm -rf "$ROOTFS" "$TARGET/archive" "$OUT"
mkdir -p "$TARGET"

debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR"

# ca-certificates-java runs java in its postinst: it needs /proc.
mount -t proc proc "$ROOTFS/proc"
trap 'umount "$ROOTFS/proc" 2>/dev/null || true' EXIT
cat > "$ROOTFS/etc/apt/apt.conf.d/90rathaus" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
APT
# man pages and docs are never unpacked (the jre's postinst would fail without its man dirs
# otherwise, so the directories stay and stay empty).
cat > "$ROOTFS/etc/dpkg/dpkg.cfg.d/90rathaus-nodoc" <<'DPKG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
DPKG
chroot "$ROOTFS" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
  sh -euc '
    apt-get update -qq
    apt-get install -y -qq openjdk-17-jre-headless ca-certificates tzdata
    apt-get clean
    groupadd --gid '"$APP_UID"' rathaus
    useradd --uid '"$APP_UID"' --gid '"$APP_UID"' --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin rathaus
    mkdir -p /var/lib/rathaus
    chown '"$APP_UID:$APP_UID"' /var/lib/rathaus
    chmod 0750 /var/lib/rathaus
  '
umount "$ROOTFS/proc"
trap - EXIT

# What a running container never needs: package indexes, caches, logs, docs.
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/cache/debconf/*-old \
  "$ROOTFS"/var/log/* "$ROOTFS"/tmp/* "$ROOTFS"/var/tmp/* "$ROOTFS"/root/.cache \
  "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*/ \
  "$ROOTFS"/var/cache/ldconfig/aux-cache
find "$ROOTFS/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete
find "$ROOTFS/usr/share/doc" -mindepth 1 -type d -empty -delete
# The container runtime provides /dev, /proc and /sys; device nodes in a layer are refused
# by rootless runtimes.
rm -rf "${ROOTFS:?}"/dev/* "${ROOTFS:?}"/proc/* "${ROOTFS:?}"/sys/*
: > "$ROOTFS/etc/machine-id"
rm -f "$ROOTFS/etc/apt/apt.conf.d/90rathaus"

# One uncompressed layer; entries are named without a leading "./" (Jib reads entry names as
# paths and a bare "./" root entry is of no use to it), sorted, with numeric owners and fixed times.
ARCHIVE=$TARGET/archive
mkdir -p "$ARCHIVE"
(cd "$ROOTFS" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort) > "$TARGET/entries"
tar -C "$ROOTFS" --create --file "$ARCHIVE/layer.tar" --numeric-owner --no-recursion \
  --mtime="@$EPOCH" --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  --verbatim-files-from --files-from "$TARGET/entries"
DIFF_ID=$(sha256sum "$ARCHIVE/layer.tar" | cut -d' ' -f1)
JAVA_HOME_DIR=$(cd "$ROOTFS" && ls -d usr/lib/jvm/java-17-openjdk-* | head -1)

python3 - "$ARCHIVE" "$DIFF_ID" "$EPOCH" "/$JAVA_HOME_DIR" "$APP_UID" <<'PY'
import datetime, hashlib, json, os, sys
archive, diff_id, epoch, java_home, uid = sys.argv[1:]
created = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
config = {
    "architecture": "amd64",
    "os": "linux",
    "created": created,
    "config": {
        "User": uid,
        "Env": [
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=" + java_home,
            "LANG=C.UTF-8",
        ],
        "WorkingDir": "/var/lib/rathaus",
        "Cmd": ["java", "-version"],
        "Labels": {"org.opencontainers.image.title": "rathaus-base",
                   "org.opencontainers.image.description":
                       "Debian bookworm minbase with openjdk-17-jre-headless and user rathaus (10001)"},
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]},
    "history": [{"created": created, "created_by": "deploy/image/build-base.sh (debootstrap bookworm minbase)"}],
}
data = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
config_name = hashlib.sha256(data).hexdigest() + ".json"
with open(os.path.join(archive, config_name), "wb") as f:
    f.write(data)
manifest = [{"Config": config_name, "RepoTags": ["rathaus-base:bookworm"], "Layers": ["layer.tar"]}]
with open(os.path.join(archive, "manifest.json"), "w") as f:
    json.dump(manifest, f)
PY

# manifest.json first, as docker save writes it; again no "./" entries.
CONFIG_NAME=$(cd "$ARCHIVE" && ls ./*.json | sed 's|^\./||' | grep -v '^manifest\.json$')
tar -C "$ARCHIVE" --create --file "$OUT" --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" \
  manifest.json "$CONFIG_NAME" layer.tar
rm -rf "$ARCHIVE" "$TARGET/entries"
echo "build-base.sh: $OUT ($(du -h "$OUT" | cut -f1), layer sha256:$DIFF_ID)"
