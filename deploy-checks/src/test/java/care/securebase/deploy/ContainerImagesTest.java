package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import care.securebase.deploy.OciImage.FileEntry;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The applications' container images as jib:buildTar wrote them under each module's target/
 * (./clinic test builds them with -Pimages): what a cluster would pull and run. See deploy/images.md.
 */
@Tag("images")
class ContainerImagesTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final String APP_DIR = "/deployments";
  private static final String PORT = "8080";

  @ParameterizedTest
  @ValueSource(strings = {"intake-service", "sessions-service", "referrals-service", "notifications-service",
      "staff-portal"})
  void runsTheApplicationAsANonRootUserOnPort8080(String application) throws IOException {
    try (OciImage image = OciImage.open(imageTar(application))) {
      String version = System.getProperty("securebase.version");
      assertEquals("securebase/" + application + ":" + version, image.refName);
      assertEquals("linux", image.config.path("os").asText());
      assertEquals("amd64", image.config.path("architecture").asText());

      JsonNode config = image.containerConfig();
      String user = config.path("User").asText();
      assertTrue(user.matches("\\d+(:\\d+)?"), "User must be numeric for runAsNonRoot, is '" + user + "'");
      assertNotEquals(0, uid(user), "the image runs as root");

      // Cmd would be appended to the entrypoint as arguments of the application.
      assertTrue(config.path("Cmd").isMissingNode() || config.path("Cmd").isEmpty()
          || config.path("Cmd").isNull(), "no Cmd expected: " + config.path("Cmd"));
      List<String> command = image.entrypointAndCmd();
      assertEquals("java", command.get(0), "entrypoint " + command);
      assertTrue(command.contains("-XX:MaxRAMPercentage=50"), "heap sized from the container's limit: " + command);
      assertTrue(command.contains("-XX:+ExitOnOutOfMemoryError"), "entrypoint " + command);
      assertTrue(command.contains("-Djava.io.tmpdir=/tmp"), "entrypoint " + command);
      assertEquals(List.of("-jar", APP_DIR + "/quarkus-run.jar"), command.subList(command.size() - 2, command.size()));

      assertEquals(List.of(PORT + "/tcp"), fieldNames(config.path("ExposedPorts")));
      assertEquals(PORT, image.envValue("QUARKUS_HTTP_PORT").orElse(null), "env " + image.env());

      JsonNode labels = config.path("Labels");
      assertEquals(version, labels.path("org.opencontainers.image.version").asText());
      assertEquals(application, labels.path("org.opencontainers.image.title").asText());
      String revision = labels.path("org.opencontainers.image.revision").asText();
      assertTrue(revision.matches("[0-9a-f]{40}"), "revision label '" + revision + "'");
      assertEquals(gitHead(), revision, "the image names another commit than the checkout's");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"intake-service", "sessions-service", "referrals-service", "notifications-service",
      "staff-portal"})
  void layersHoldThisBuildsApplicationAndAJavaRuntime(String application) throws IOException {
    Path quarkusApp = ROOT.resolve(application).resolve("target/quarkus-app");
    assertTrue(Files.isRegularFile(quarkusApp.resolve("quarkus-run.jar")), "no " + quarkusApp);
    try (OciImage image = OciImage.open(imageTar(application))) {
      assertTrue(image.layerCount() >= 2, "base and application layers expected");
      Map<String, FileEntry> files = image.fileSystem(APP_DIR + "/");
      long uid = uid(image.containerConfig().path("User").asText());
      long gid = gid(image.containerConfig().path("User").asText(), image.passwd);

      // Every file of the packaged application, byte for byte, and nothing else under /deployments.
      Map<String, String> expected = digestsUnder(quarkusApp);
      Map<String, String> actual = new TreeMap<>();
      files.values().stream().filter(f -> f.path().startsWith(APP_DIR + "/") && !f.isDirectory())
          .forEach(f -> actual.put(f.path().substring(APP_DIR.length() + 1), f.sha256()));
      assertEquals(expected, actual, "/deployments differs from " + quarkusApp);
      for (String part : List.of("quarkus-run.jar", "lib/boot", "lib/main", "app", "quarkus/quarkus-application.dat")) {
        assertNotNull(files.get(APP_DIR + "/" + part), "no " + APP_DIR + "/" + part);
      }

      // Readable by the image's user, writable by nobody but root: the code cannot be changed at run time.
      for (FileEntry f : files.values()) {
        if (!f.path().equals(APP_DIR) && !f.path().startsWith(APP_DIR + "/")) continue;
        assertTrue(f.grants(uid, gid, 4), f.path() + " not readable by uid " + uid);
        if (f.isDirectory()) assertTrue(f.grants(uid, gid, 1), f.path() + " not searchable by uid " + uid);
        assertFalse(f.grants(uid, gid, 2), f.path() + " writable by uid " + uid);
      }

      // "java" as the entrypoint names it, found on the image's PATH through its symlinks.
      String path = image.envValue("PATH").orElseThrow(() -> new AssertionError("no PATH in " + image.env()));
      FileEntry java = Stream.of(path.split(":")).map(dir -> resolve(files, dir + "/java"))
          .filter(f -> f != null).findFirst()
          .orElseThrow(() -> new AssertionError("no java on PATH " + path));
      assertTrue(java.isRegularFile() && java.grants(uid, gid, 1), java + " not executable by uid " + uid);
      assertTrue(files.keySet().stream().anyMatch(p -> p.matches(".*/lib/server/libjvm\\.so")), "no libjvm.so");
      assertTrue(files.containsKey("/tmp") && files.get("/tmp").isDirectory(), "no /tmp to mount a volume on");
    }
  }

  /**
   * The portal's image started as a cluster would start it: its user, env and entrypoint, the root
   * file system read-only and a fresh /tmp, in namespaces of its own (so its port 8080 is private);
   * passes when /q/health/live answers UP. The portal holds no data: liveness needs no other server.
   */
  @Test
  void portalImageStartsReadOnlyAsItsUser() throws Exception {
    assertEquals("0", run(List.of("id", "-u")).trim(), "unshare, mount and chroot need root");
    Path work = ROOT.resolve("deploy-checks/target/image-run");
    OciImage.deleteRecursively(work);
    Path rootfs = Files.createDirectories(work.resolve("rootfs"));
    List<String> env;
    List<String> command;
    String user;
    String workingDir;
    long gid;
    try (OciImage image = OciImage.open(imageTar("staff-portal"))) {
      image.unpack(rootfs);
      env = image.env();
      command = image.entrypointAndCmd();
      user = image.containerConfig().path("User").asText();
      workingDir = image.containerConfig().path("WorkingDir").asText("/");
      Path passwd = rootfs.resolve("etc/passwd");
      gid = gid(user, Files.exists(passwd) ? Files.readString(passwd) : "");
    }
    Path script = work.resolve("run-image.sh");
    try (InputStream in = getClass().getResourceAsStream("/run-image.sh")) {
      Files.copy(in, script);
    }
    List<String> args = new ArrayList<>(List.of("unshare", "--mount", "--net", "--pid", "--fork", "--kill-child",
        "bash", script.toString(), rootfs.toString(), Long.toString(uid(user)), Long.toString(gid), workingDir,
        PORT, "/q/health/live", work.resolve("app.log").toString()));
    args.addAll(env);
    args.add("--");
    args.addAll(command);
    String output = run(args);
    System.out.println("staff-portal's image, started read-only:\n" + output);
    OciImage.deleteRecursively(rootfs);
    assertTrue(output.contains("java runs as uid " + uid(user)), output);
    assertTrue(output.contains("root file system read-only"), output);
    assertTrue(output.matches("(?s).*\"status\"\\s*:\\s*\"UP\".*"), output);
  }

  private static Path imageTar(String application) {
    return ROOT.resolve(application).resolve("target/jib-image.tar");
  }

  private static long uid(String user) {
    return Long.parseLong(user.split(":")[0]);
  }

  /** The user's group: given in User, else from the image's /etc/passwd, else 0 (as runtimes do). */
  private static long gid(String user, String passwd) {
    if (user.contains(":")) return Long.parseLong(user.split(":")[1]);
    return OciImage.passwdGid(passwd, uid(user)).orElse(0L);
  }

  private static FileEntry resolve(Map<String, FileEntry> files, String path) {
    String current = path;
    for (int hops = 0; hops < 40; hops++) {
      String resolved = resolveParents(files, current);
      if (resolved == null) return null;
      FileEntry entry = files.get(resolved);
      if (entry == null || !entry.isSymlink()) return entry;
      current = absolute(resolved, entry.linkTarget());
    }
    return null;
  }

  /** The path with every symlinked directory above its last component replaced by its target. */
  private static String resolveParents(Map<String, FileEntry> files, String path) {
    String[] parts = path.split("/");
    String resolved = "";
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isEmpty() || parts[i].equals(".")) continue;
      if (parts[i].equals("..")) {
        resolved = resolved.contains("/") ? resolved.substring(0, resolved.lastIndexOf('/')) : "";
        continue;
      }
      resolved = resolved + "/" + parts[i];
      FileEntry entry = files.get(resolved);
      if (i < parts.length - 1 && entry != null && entry.isSymlink()) {
        FileEntry target = resolve(files, absolute(resolved, entry.linkTarget()));
        if (target == null) return null;
        resolved = target.path();
      }
    }
    return resolved;
  }

  private static String absolute(String link, String target) {
    if (target.startsWith("/")) return target;
    return link.substring(0, link.lastIndexOf('/')) + "/" + target;
  }

  private static Map<String, String> digestsUnder(Path dir) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), OciImage.sha256())) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
          digests.put(dir.relativize(file).toString(), OciImage.hex(in.getMessageDigest()));
        }
      }
    }
    return digests;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return new ArrayList<>(new TreeSet<>(names));
  }

  private static String gitHead() throws IOException {
    return run(List.of("git", "-C", ROOT.toString(), "rev-parse", "HEAD")).trim();
  }

  private static String run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("timed out: " + String.join(" ", command));
      }
      assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
