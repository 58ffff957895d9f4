package care.securebase.deploy;

import care.securebase.deploy.Manifests.K8sObject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KeycloakRealmImport of each overlay, generated from deploy/keycloak/securebase-realm.json (the
 * realm the local stack and the tests use) so the two never drift. In both overlays the client
 * secrets become placeholders the Keycloak operator fills from Secrets, and the portal's redirect URIs
 * its public URL (the overlay's staff-portal Ingress host). Production keeps only the clients a
 * deployment needs and their service accounts: no demo user, no demo partner, no password-grant test
 * client. Regenerate with:
 * {@code ./mvnw -B -q -pl deploy-checks test -Dtest=RealmImportsTest -Dsecurebase.regenerate=true}
 */
final class RealmImports {

    static final Path REALM = Manifests.ROOT.resolve("deploy/keycloak/securebase-realm.json");
    /** Client id to the placeholder its secret becomes, and the Secret and key that fill it. */
    static final Map<String, String[]> CLIENT_SECRETS = Map.of(
            "staff-portal", new String[] {"PORTAL_OIDC_SECRET", "securebase-portal", "oidc-client-secret"},
            "notifications-service", new String[] {"NOTIFICATIONS_CLIENT_SECRET", "securebase-notifications", "oidc-client-secret"});
    /** What production keeps: the portal's login client and the staff-directory client. */
    static final Set<String> PRODUCTION_CLIENTS = CLIENT_SECRETS.keySet();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // "2" must stay a string (the CRD says so; found by the schema check), and long strings on one line.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private RealmImports() {
    }

    static Path file(String overlay) {
        return Manifests.KUBERNETES.resolve("overlays").resolve(overlay).resolve("realm-import.yaml");
    }

    /** The file's text for an overlay, given the overlay as rendered now (for its portal host). */
    static String generate(String overlay, List<K8sObject> rendered) {
        String portalUrl = "https://" + portalHost(rendered);
        ObjectNode realm;
        try {
            realm = (ObjectNode) new ObjectMapper().readTree(REALM.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + REALM + ": " + e.getMessage(), e);
        }
        boolean production = overlay.equals("production");
        ArrayNode clients = NODES.arrayNode();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (production && !PRODUCTION_CLIENTS.contains(id)) {
                continue;
            }
            ObjectNode copy = client.deepCopy();
            String[] secret = CLIENT_SECRETS.get(id);
            if (secret != null) {
                copy.put("secret", "${" + secret[0] + "}");
            }
            if (id.equals("staff-portal")) {
                copy.put("rootUrl", portalUrl);
                copy.set("redirectUris", NODES.arrayNode().add(portalUrl + "/*"));
                ((ObjectNode) copy.path("attributes")).put("post.logout.redirect.uris", portalUrl + "/*");
            }
            clients.add(copy);
        }
        realm.set("clients", clients);
        if (production) {
            ArrayNode users = NODES.arrayNode();
            for (JsonNode user : realm.path("users")) {
                if (PRODUCTION_CLIENTS.contains(user.path("serviceAccountClientId").asText())) {
                    users.add(user);
                }
            }
            realm.set("users", users);
            realm.put("bruteForceProtected", true);
        }
        ObjectNode resource = NODES.objectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "securebase");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "securebase-keycloak");
        ObjectNode placeholders = spec.putObject("placeholders");
        CLIENT_SECRETS.values().stream().sorted((a, b) -> a[0].compareTo(b[0])).forEach(s ->
                placeholders.putObject(s[0]).putObject("secret").put("name", s[1]).put("key", s[2]));
        spec.set("realm", realm);
        try {
            return "# Generated from deploy/keycloak/securebase-realm.json by deploy-checks (RealmImports); do not edit.\n"
                    + "# Regenerate: ./mvnw -B -q -pl deploy-checks test -Dtest=RealmImportsTest -Dsecurebase.regenerate=true\n"
                    + YAML.writeValueAsString(resource);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String portalHost(List<K8sObject> rendered) {
        return rendered.stream()
                .filter(o -> o.kind().equals("Ingress") && o.name().equals("staff-portal"))
                .map(o -> o.node().path("spec").path("rules").path(0).path("host").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Ingress staff-portal with a host rule in the overlay"));
    }
}
