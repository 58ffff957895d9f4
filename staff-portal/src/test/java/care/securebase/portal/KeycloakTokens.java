package care.securebase.portal;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens for the demo users (password demo) from the local realm, through the test-only
 * client that allows the password grant. (service-kit's Tokens does the same, but its test-jar would
 * bring the database and Kafka onto this module's class path.)
 */
public final class KeycloakTokens {

    private record Cached(String token, long fetchedAtMillis) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    /** Tokens live 5 minutes; a fresh one after 2 never dies mid-test. */
    private static final long REUSE_MILLIS = 120_000;

    private KeycloakTokens() {
    }

    public static String keycloakUrl() {
        String port = System.getenv("CLINIC_KEYCLOAK_PORT");
        return "http://localhost:" + (port == null || port.isBlank() ? "8180" : port);
    }

    public static String of(String username) {
        Cached hit = CACHE.get(username);
        if (hit != null && System.currentTimeMillis() - hit.fetchedAtMillis() < REUSE_MILLIS) {
            return hit.token();
        }
        String token = fetch(username);
        CACHE.put(username, new Cached(token, System.currentTimeMillis()));
        return token;
    }

    private static String fetch(String u) {
        {
            var response = given()
                    .formParam("grant_type", "password")
                    .formParam("client_id", "securebase-tests")
                    .formParam("username", u)
                    .formParam("password", "demo")
                    .formParam("scope", "openid")
                    .post(keycloakUrl() + "/realms/securebase/protocol/openid-connect/token");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + u + ": " + response.statusCode()
                        + " (is the stack up? ./clinic infra)");
            }
            return response.jsonPath().getString("access_token");
        }
    }
}
