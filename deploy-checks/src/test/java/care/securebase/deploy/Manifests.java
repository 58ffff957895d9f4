package care.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The repository's deploy/kubernetes tree, rendered the way an admin would render it. */
final class Manifests {

    static final YAMLMapper YAML = new YAMLMapper();
    static final Path ROOT = findRoot();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final List<String> OVERLAYS = List.of("dev", "production");
    /** kubectl ships Kustomize (v5.5 in kubectl 1.32, on the machine image at /usr/bin/kubectl). */
    static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "kubectl");

    private Manifests() {
    }

    /** One rendered object and the overlay it came from; {@link #id()} names it in every message. */
    record K8sObject(String overlay, ObjectNode node) {
        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        String id() {
            return kind() + "/" + name() + " (" + overlay + ")";
        }
    }

    private static final Map<String, List<K8sObject>> RENDERED = new ConcurrentHashMap<>();

    /** An overlay rendered once per test run; callers that change objects work on deep copies. */
    static List<K8sObject> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> List.copyOf(render(KUBERNETES.resolve("overlays").resolve(o), o)));
    }

    /** {@code kubectl kustomize DIR}; a missing kubectl is a failure, never a skip. */
    static List<K8sObject> render(Path dir, String label) {
        return render(KUBECTL, dir, label);
    }

    static List<K8sObject> render(String kubectl, Path dir, String label) {
        Process process;
        Path errors;
        try {
            errors = Files.createTempFile("kustomize", ".err");
            process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + kubectl + " kustomize': kubectl (with its built-in Kustomize) must be "
                    + "on the PATH or named by KUBECTL (the project's machine image has v1.32 at /usr/bin/kubectl; no registry "
                    + "this project reaches serves it). The manifests cannot be checked without it. ("
                    + e.getMessage() + ")", e);
        }
        try {
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(errors));
            }
            return parse(out, label);
        } catch (IOException e) {
            throw new AssertionError("reading kubectl kustomize " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            errors.toFile().delete();
        }
    }

    static List<K8sObject> parse(String yaml, String label) {
        List<K8sObject> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc instanceof ObjectNode object && !object.isEmpty()) {
                    objects.add(new K8sObject(label, object));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("not YAML: " + e.getMessage(), e);
        }
        return objects;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("no deploy/kubernetes above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
