package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * An OCI image layout packed in a tar (what jib:buildTar writes with format OCI), read the way a
 * container runtime reads it: index, manifest, config, then the layers in order. Every blob is
 * checked against its digest and every layer against its diff_id, so what the checks see is exactly
 * what a registry or a runtime would get.
 */
final class OciImage implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE_WHITEOUT = ".wh..wh..opq";

  /** One path of the image's file system, after all layers are applied. */
  record FileEntry(String path, char type, int mode, long uid, long gid, long size, String linkTarget,
      String sha256) {

    boolean isDirectory() { return type == 'd'; }

    boolean isRegularFile() { return type == '-'; }

    boolean isSymlink() { return type == 'l'; }

    /** Read access for uid/gid by the owner, group or other bits, as the kernel decides it. */
    boolean grants(long uid, long gid, int bit) {
      if (this.uid == uid) return (mode & (bit << 6)) != 0;
      if (this.gid == gid) return (mode & (bit << 3)) != 0;
      return (mode & bit) != 0;
    }
  }

  private final TarFile tar;
  private final Map<String, TarArchiveEntry> blobs = new LinkedHashMap<>();
  final String refName;
  final JsonNode manifest;
  final JsonNode config;
  /** The image's /etc/passwd, as the last {@link #fileSystem} found it ("" when it has none). */
  String passwd = "";

  private OciImage(Path file) throws IOException {
    tar = new TarFile(file);
    for (TarArchiveEntry entry : tar.getEntries()) {
      blobs.put(normalise(entry.getName()), entry);
    }
    JsonNode layout = readJson("/oci-layout");
    assertEquals("1.0.0", layout.path("imageLayoutVersion").asText(), file + ": not an OCI image layout");
    JsonNode index = readJson("/index.json");
    assertEquals(1, index.path("manifests").size(), file + ": one image per tar");
    JsonNode descriptor = index.path("manifests").get(0);
    assertEquals("application/vnd.oci.image.manifest.v1+json", descriptor.path("mediaType").asText());
    refName = descriptor.path("annotations").path("org.opencontainers.image.ref.name").asText();
    manifest = readBlob(descriptor);
    JsonNode configDescriptor = manifest.path("config");
    assertEquals("application/vnd.oci.image.config.v1+json", configDescriptor.path("mediaType").asText());
    config = readBlob(configDescriptor);
  }

  static OciImage open(Path file) {
    assertTrue(Files.isRegularFile(file), "no image at " + file
        + ": build the images with ./clinic test (./mvnw verify -Pimages, see deploy/images.md)");
    try {
      return new OciImage(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": unreadable image tar", e);
    }
  }

  JsonNode containerConfig() {
    return config.path("config");
  }

  List<String> env() {
    List<String> env = new ArrayList<>();
    containerConfig().path("Env").forEach(e -> env.add(e.asText()));
    return env;
  }

  Optional<String> envValue(String name) {
    return env().stream().filter(e -> e.startsWith(name + "=")).map(e -> e.substring(name.length() + 1))
        .findFirst();
  }

  List<String> entrypointAndCmd() {
    List<String> command = new ArrayList<>();
    containerConfig().path("Entrypoint").forEach(e -> command.add(e.asText()));
    containerConfig().path("Cmd").forEach(e -> command.add(e.asText()));
    return command;
  }

  /** The group of uid in an /etc/passwd, if it has an entry for uid. */
  static Optional<Long> passwdGid(String passwd, long uid) {
    return passwd.lines().map(line -> line.split(":"))
        .filter(f -> f.length > 3 && f[2].equals(Long.toString(uid)))
        .map(f -> Long.parseLong(f[3])).findFirst();
  }

  int layerCount() {
    return manifest.path("layers").size();
  }

  /**
   * The union of all layers (whiteouts applied), each file with its owner, mode and, for files
   * under {@code digestUnder}, the SHA-256 of its content.
   */
  Map<String, FileEntry> fileSystem(String digestUnder) {
    Map<String, FileEntry> files = new LinkedHashMap<>();
    passwd = "";
    forEachLayerEntry((entry, content) -> {
      String path = normalise(entry.getName());
      if (path.equals("/etc/passwd") && entry.isFile()) {
        passwd = new String(content.readAllBytes(), StandardCharsets.UTF_8);
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      String parent = path.substring(0, path.lastIndexOf('/'));
      if (name.equals(OPAQUE_WHITEOUT)) {
        files.keySet().removeIf(p -> p.startsWith(parent + "/"));
        return;
      }
      if (name.startsWith(WHITEOUT)) {
        String gone = parent + "/" + name.substring(WHITEOUT.length());
        files.keySet().removeIf(p -> p.equals(gone) || p.startsWith(gone + "/"));
        return;
      }
      String sha = entry.isFile() && path.startsWith(digestUnder) ? sha256(content) : null;
      files.put(path, toFileEntry(path, entry, sha));
    });
    return files;
  }

  /** Writes the image's root file system under {@code root} (devices excepted: the runtime binds /dev). */
  void unpack(Path root) {
    Map<Path, Integer> directoryModes = new LinkedHashMap<>();
    forEachLayerEntry((entry, content) -> {
      String path = normalise(entry.getName());
      if (path.equals("/")) return;
      String name = path.substring(path.lastIndexOf('/') + 1);
      Path parent = root.resolve(path.substring(1)).getParent();
      try {
        if (name.equals(OPAQUE_WHITEOUT)) {
          deleteChildren(parent);
          return;
        }
        if (name.startsWith(WHITEOUT)) {
          deleteRecursively(parent.resolve(name.substring(WHITEOUT.length())));
          return;
        }
        Path target = root.resolve(path.substring(1));
        if (!target.normalize().startsWith(root)) {
          throw new IllegalStateException("layer entry outside the root: " + entry.getName());
        }
        Files.createDirectories(target.getParent());
        // A symlink in the path (an absolute one above all) must not lead the write out of the root.
        if (!target.getParent().toRealPath().startsWith(root.toRealPath())) {
          throw new IllegalStateException("layer entry leads outside the root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            deleteRecursively(target);
            Files.createDirectory(target);
          }
          directoryModes.put(target, entry.getMode());
        } else {
          deleteRecursively(target);
          if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
          } else if (entry.isLink()) {
            Files.createLink(target, root.resolve(normalise(entry.getLinkName()).substring(1)));
          } else if (entry.isFile()) {
            try (OutputStream out = Files.newOutputStream(target)) {
              content.transferTo(out);
            }
            Files.setPosixFilePermissions(target, permissions(entry.getMode()));
          } else {
            return;
          }
        }
        Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        throw new UncheckedIOException("unpacking " + entry.getName(), e);
      }
    });
    // Last, so a read-only directory never blocks writing what a later layer puts in it.
    directoryModes.forEach((dir, mode) -> {
      try {
        Files.setPosixFilePermissions(dir, permissions(mode));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }

  private interface LayerEntryConsumer {
    void accept(TarArchiveEntry entry, InputStream content) throws IOException;
  }

  private void forEachLayerEntry(LayerEntryConsumer consumer) {
    JsonNode diffIds = config.path("rootfs").path("diff_ids");
    JsonNode layers = manifest.path("layers");
    assertEquals(layers.size(), diffIds.size(), "one diff_id per layer");
    for (int i = 0; i < layers.size(); i++) {
      JsonNode layer = layers.get(i);
      assertEquals("application/vnd.oci.image.layer.v1.tar+gzip", layer.path("mediaType").asText());
      try (InputStream blob = verifiedBlob(layer);
          DigestInputStream uncompressed = new DigestInputStream(new GZIPInputStream(blob, 65536), sha256());
          TarArchiveInputStream entries = new TarArchiveInputStream(uncompressed)) {
        TarArchiveEntry entry;
        while ((entry = entries.getNextEntry()) != null) {
          consumer.accept(entry, entries);
        }
        entries.transferTo(OutputStream.nullOutputStream());
        uncompressed.transferTo(OutputStream.nullOutputStream());
        assertEquals(diffIds.get(i).asText(), "sha256:" + hex(uncompressed.getMessageDigest()),
            "layer " + i + " does not match its diff_id");
      } catch (IOException e) {
        throw new UncheckedIOException("reading layer " + i, e);
      }
    }
  }

  private JsonNode readJson(String name) throws IOException {
    TarArchiveEntry entry = blobs.get(name);
    assertTrue(entry != null, "the image tar has no " + name);
    try (InputStream in = tar.getInputStream(entry)) {
      return JSON.readTree(in);
    }
  }

  private JsonNode readBlob(JsonNode descriptor) throws IOException {
    try (InputStream in = verifiedBlob(descriptor)) {
      return JSON.readTree(in.readAllBytes());
    }
  }

  /** A blob's content; reading it to the end checks its size and digest. */
  private InputStream verifiedBlob(JsonNode descriptor) throws IOException {
    String digest = descriptor.path("digest").asText();
    assertTrue(digest.startsWith("sha256:"), "unexpected digest " + digest);
    TarArchiveEntry entry = blobs.get("/blobs/sha256/" + digest.substring(7));
    assertTrue(entry != null, "the image tar lacks blob " + digest);
    assertEquals(descriptor.path("size").asLong(), entry.getSize(), "size of blob " + digest);
    DigestInputStream digesting = new DigestInputStream(tar.getInputStream(entry), sha256());
    return new FilterInputStream(digesting) {
      private boolean checked;

      @Override
      public void close() throws IOException {
        if (!checked) {
          checked = true;
          digesting.transferTo(OutputStream.nullOutputStream());
          assertEquals(digest, "sha256:" + hex(digesting.getMessageDigest()), "content of blob " + digest);
        }
        super.close();
      }
    };
  }

  private static FileEntry toFileEntry(String path, TarArchiveEntry entry, String sha) {
    char type = entry.isDirectory() ? 'd'
        : entry.isSymbolicLink() ? 'l'
        : entry.isLink() ? 'h'
        : entry.isFile() ? '-'
        : '?';
    return new FileEntry(path, type, entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(),
        entry.getSize(), entry.isSymbolicLink() || entry.isLink() ? entry.getLinkName() : null, sha);
  }

  /** "./usr/bin/" and "usr/bin" both become "/usr/bin". */
  static String normalise(String name) {
    String path = name.startsWith("./") ? name.substring(1) : name.startsWith("/") ? name : "/" + name;
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) set.add(bits[i]);
    }
    return set;
  }

  private static void deleteChildren(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
    try (var children = Files.list(dir)) {
      for (Path child : children.toList()) deleteRecursively(child);
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      path.toFile().setWritable(true, true);
      deleteChildren(path);
    }
    Files.deleteIfExists(path);
  }

  private static String sha256(InputStream content) {
    try {
      MessageDigest digest = sha256();
      byte[] buffer = new byte[65536];
      int n;
      while ((n = content.read(buffer)) > 0) digest.update(buffer, 0, n);
      return hex(digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
