package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed realm imports are what the generator makes from today's realm and hosts. */
class RealmImportsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theCommittedRealmImportIsCurrent(String overlay) throws IOException {
        String generated = RealmImports.generate(overlay, Manifests.render(overlay));
        Path file = RealmImports.file(overlay);
        if (Boolean.getBoolean("securebase.regenerate")) {
            Files.writeString(file, generated);
        }
        assertEquals(generated, Files.readString(file), Manifests.ROOT.relativize(file)
                + " is stale (deploy/keycloak/securebase-realm.json or the portal's host changed); regenerate it: "
                + "./mvnw -B -q -pl deploy-checks test -Dtest=RealmImportsTest -Dsecurebase.regenerate=true");
    }
}
