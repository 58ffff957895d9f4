package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.deploy.ServedPaths.Served;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a module's sources say it serves, read from small modules written here. */
class ServedPathsTest {

    @TempDir
    Path module;

    private void source(String name, String body) throws IOException {
        Path file = module.resolve("src/main/java/example").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package example;\n\nimport jakarta.ws.rs.*;\n\n" + body);
    }

    @Test
    void resourceMethodsStaticFilesAndOidcPathsAreServedClientsAreNot() throws IOException {
        source("Triage", """
                @Path("/")
                public class Triage {
                    @GET public String home() { return ""; }
                    @GET @Path("clinicians") public String all() { return ""; }
                    @PUT @Path("/clinicians/{id}/") public void one(@PathParam("id") String id) { }
                    static class Helper { }
                }
                """);
        source("Intakes", """
                @Path("/clients/{clientId}/intakes")
                public class Intakes {
                    @POST public void start() { }
                    @GET @Path("{id: [0-9a-f]{8}}/priority") public String priority() { return ""; }
                    public void notAnEndpoint() { }
                }
                """);
        source("Directory", """
                @org.eclipse.microprofile.rest.client.inject.RegisterRestClient(configKey = "directory")
                @Path("/admin/realms/{realm}/users")
                public interface Directory {
                    @GET String users();
                }
                """);
        Path css = module.resolve("src/main/resources/META-INF/resources/css/site.css");
        Files.createDirectories(css.getParent());
        Files.writeString(css, "body {}");

        List<Served> served = ServedPaths.of(module, Map.of("quarkus.oidc.logout.path", "/logout"));

        assertEquals(List.of(
                        new Served("/clients/{clientId}/intakes", "Intakes.start"),
                        new Served("/clients/{clientId}/intakes/{id: [0-9a-f]{8}}/priority", "Intakes.priority"),
                        new Served("/", "Triage.home"),
                        new Served("/clinicians", "Triage.all"),
                        new Served("/clinicians/{id}", "Triage.one"),
                        new Served("/css/site.css", "static file"),
                        new Served("/logout", "quarkus.oidc.logout.path")),
                served);
        assertEquals(List.of("/clients/x/intakes", "/clients/x/intakes/x/priority", "/", "/clinicians", "/clinicians/x", "/css/site.css", "/logout"),
                served.stream().map(Served::sample).toList());
        assertEquals(List.of("/clients", "/clients", "/", "/clinicians", "/clinicians", "/css", "/logout"),
                served.stream().map(Served::root).toList());
    }

    @Test
    void whatItCannotReadFailsWithItsCause() throws IOException {
        source("Api", """
                @Path("/api")
                public interface Api {
                    @GET String get();
                }
                """);
        assertTrue(assertThrows(AssertionError.class, () -> ServedPaths.of(module, Map.of())).getMessage()
                .contains("interface Api has JAX-RS paths but is no @RegisterRestClient"));

        Files.delete(module.resolve("src/main/java/example/Api.java"));
        source("Locator", """
                @Path("/episodes")
                public class Locator {
                    @Path("{id}/notes") public Object notes() { return null; }
                }
                """);
        assertTrue(assertThrows(AssertionError.class, () -> ServedPaths.of(module, Map.of())).getMessage()
                .contains("Locator.notes is a sub-resource locator"));

        Files.delete(module.resolve("src/main/java/example/Locator.java"));
        source("Constant", """
                @Path(Constant.ROOT)
                public class Constant {
                    static final String ROOT = "/x";
                    @GET public String get() { return ""; }
                }
                """);
        assertTrue(assertThrows(AssertionError.class, () -> ServedPaths.of(module, Map.of())).getMessage()
                .contains("is not a string literal"));

        assertTrue(assertThrows(AssertionError.class, () -> ServedPaths.of(module, Map.of("quarkus.rest.path", "/api"))).getMessage()
                .contains("sets quarkus.rest.path"));
    }
}
