#!/usr/bin/env bash
# Builds the image's base without a registry: a minimal Debian bookworm (from Debian's packages) with a Java
# 17 runtime cut by jlink from this host's JDK and the unprivileged user `kefu` (uid 10001), written as a
# `docker save` tarball that Jib reads with tar://. For build hosts that cannot pull eclipse-temurin;
# needs root, mmdebstrap and a JDK 17 (jlink). The JDK's own postinst scripts need a full chroot, which
# container build hosts often lack; a jlinked runtime is self-contained and needs none.
# Usage: deploy/image/base-image.sh [OUT.tar]   (default target/base-image.tar; kept when it exists)
set -euo pipefail
out="${1:-target/base-image.tar}"
if [[ -s "$out" ]]; then
  echo "base image $out exists; delete it to rebuild"
  exit 0
fi
command -v mmdebstrap >/dev/null || { echo "needs mmdebstrap (apt-get install mmdebstrap)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"

jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
"$jdk/bin/jlink" --output "$work/jre" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.httpserver,jdk.management,jdk.naming.dns,jdk.localedata,jdk.charsets

mmdebstrap --variant=minbase \
  --include=ca-certificates,tzdata,libstdc++6 \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook='chroot "$1" useradd --system --uid 10001 --user-group --home-dir /var/lib/kefu --create-home kefu' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/*' \
  --customize-hook="copy-in $work/jre /opt" \
  --customize-hook='mv "$1"/opt/jre "$1"/opt/java && ln -s /opt/java/bin/java "$1"/usr/bin/java' \
  bookworm "$work/layer.tar"

diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["kefu-base:bookworm-jre17"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "wrote $out ($(du -h "$out" | cut -f1))"
