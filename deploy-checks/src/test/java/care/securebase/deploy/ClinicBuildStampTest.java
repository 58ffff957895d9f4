package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./clinic up} decides whether to build from a stamp of the sources and the packaged
 * applications. On a fresh clone nothing is packaged yet; the stamp must still come out (it once
 * failed there under {@code set -euo pipefail}, and ./clinic up, the README's first command, ended
 * silently before building). The function is taken from the script itself and run on a new git tree.
 */
class ClinicBuildStampTest {

    @Test
    void aTreeNeverBuiltHasAStampAndPackagingChangesIt(@TempDir Path tree) throws Exception {
        run(tree, "git init -q . && git -c user.email=t@example.org -c user.name=t commit -q --allow-empty -m empty");
        String fresh = stamp(tree);
        assertTrue(fresh.matches("[0-9a-f]{64}"), "a stamp on a tree never built, got: " + fresh);

        Path jar = tree.resolve("intake-service/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "packaged");
        assertNotEquals(fresh, stamp(tree), "a packaged application changes the stamp");
    }

    private static String stamp(Path tree) throws Exception {
        Path clinic = Manifests.ROOT.resolve("clinic");
        // The function alone, under the script's own shell options.
        return run(tree, "set -euo pipefail; eval \"$(sed -n '/^build_stamp()/,/^}/p' '" + clinic + "')\"; "
                + "ROOT=\"$PWD\"; APP_MODULES=(intake-service sessions-service); build_stamp").trim();
    }

    private static String run(Path dir, String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("bash", "-c", script)).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "timed out: " + script);
        assertEquals(0, process.exitValue(), script + " failed:\n" + output);
        return output;
    }
}
