# The base image the applications' container images are built on when no registry can be reached
# (CI, this machine): Debian 12 with OpenJDK 17's headless JRE, made by mmdebstrap from Debian's
# packages and packed as a docker-archive tar that Jib reads through tar://. Real builds with
# registry access use the production base named in the parent pom (see deploy/images.md).

IMAGES="$STATE/images"
BASE_IMAGE_TAR="$IMAGES/jre17-base.tar"
# The user the images run as; the production base (UBI's openjdk-17-runtime) has the same uid.
IMAGE_UID=185
# A base older than this is made again, so security updates reach the images of a kept checkout.
BASE_IMAGE_MAX_AGE_DAYS=7

images_base() {
  if [[ -f $BASE_IMAGE_TAR ]] && [[ -z $(find "$BASE_IMAGE_TAR" -mtime "+$BASE_IMAGE_MAX_AGE_DAYS") ]]; then
    return
  fi
  if ! command -v mmdebstrap >/dev/null; then
    say "installing mmdebstrap (apt-get)"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mmdebstrap >/dev/null
  fi
  mkdir -p "$IMAGES" "$LOGS"
  local work start=$SECONDS
  work=$(mktemp -d "$IMAGES/base.XXXXXX")
  say "making the base image (Debian 12 + openjdk-17-jre-headless, mmdebstrap; about 90 s)"
  # The "essential" variant leaves apt out: a runtime needs Debian's essential packages and the JRE
  # only. Docs, man pages and translations are left out (the copyright files stay; man1 must
  # exist for the JRE's update-alternatives). The merged-usr hook spares the usrmerge package and
  # the Perl it pulls in.
  mmdebstrap --variant=essential --include=openjdk-17-jre-headless \
    --aptopt='Acquire::Check-Valid-Until "false"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --customize-hook="echo 'app:x:$IMAGE_UID:$IMAGE_UID:SecureBase application:/tmp:/usr/sbin/nologin' >>\"\$1/etc/passwd\"" \
    --customize-hook="echo 'app:x:$IMAGE_UID:' >>\"\$1/etc/group\"" \
    bookworm "$work/layer.tar" "$(images_apt_sources)" </dev/null >"$LOGS/base-image.log" 2>&1 \
    || { tail -n 20 "$LOGS/base-image.log" >&2; rm -rf "$work"; die "mmdebstrap failed (log: .clinic/logs/base-image.log)"; }
  images_pack_base "$work"
  mv "$work/image.tar" "$BASE_IMAGE_TAR"
  rm -rf "$work" "$IMAGES/jib-cache"
  say "base image ready in $((SECONDS - start)) s: ${BASE_IMAGE_TAR#"$ROOT"/} ($(du -m "$BASE_IMAGE_TAR" | cut -f1) MiB)"
}

# The machine's own Debian sources (its mirror, with the security updates).
images_apt_sources() {
  local f
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    [[ -s $f ]] && { echo "$f"; return; }
  done
  die "no Debian apt sources found in /etc/apt"
}

# One layer (the root file system mmdebstrap wrote), its config and a manifest, in `docker save`
# form. The layer is gzipped here at the fastest level: Jib takes a compressed layer as it is, and
# would otherwise spend about a minute of CPU compressing it.
images_pack_base() { # work-dir holding layer.tar
  local work=$1 diff_id
  diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
  gzip -1 -n "$work/layer.tar"
  cat >"$work/config.json" <<EOF
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8",
   "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"],"Cmd":["/bin/sh"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
EOF
  cat >"$work/manifest.json" <<EOF
[{"Config":"config.json","RepoTags":["securebase/jre17-base:bookworm"],"Layers":["layer.tar.gz"]}]
EOF
  tar -C "$work" -cf "$work/image.tar" manifest.json config.json layer.tar.gz
}

# What ./clinic test adds to ./mvnw verify: every application's image, built on the local base.
# Jib keeps the base's compressed layers beside it rather than in ~/.cache, which would gain a copy
# with every new base.
images_maven_args() {
  printf '%s\n' -Pimages "-Dsecurebase.image.base=tar://$BASE_IMAGE_TAR" \
    "-Djib.baseImageCache=$IMAGES/jib-cache" "-Dsecurebase.image.revision=$(git -C "$ROOT" rev-parse HEAD)"
}
