package care.securebase.kit.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the local Keycloak realm (started by ./clinic), fetched with the
 * test-only client that allows direct access grants.
 */
public final class Tokens {

    public static final String PASSWORD = "demo";
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private record Cached(String token, long expiresAtMillis) {
    }

    private Tokens() {
    }

    public static String keycloakUrl() {
        return "http://localhost:" + env("CLINIC_KEYCLOAK_PORT", "8180");
    }

    public static String tokenEndpoint() {
        return keycloakUrl() + "/realms/securebase/protocol/openid-connect/token";
    }

    /** An access token for a demo user (password {@value #PASSWORD}). */
    public static String of(String username) {
        return cached("user:" + username, () -> given()
                .formParam("grant_type", "password")
                .formParam("client_id", "securebase-tests")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .formParam("scope", "openid")
                .post(tokenEndpoint()));
    }

    /** A client-credentials token, as a partner system or gateway gets it. */
    public static String ofClient(String clientId, String secret) {
        return cached("client:" + clientId, () -> given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(tokenEndpoint()));
    }

    /**
     * The user's ID token from the test client: genuine and unexpired, but its audience is the client
     * (securebase-tests), not securebase-api.
     */
    public static String idTokenOf(String username) {
        var response = given()
                .formParam("grant_type", "password")
                .formParam("client_id", "securebase-tests")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .formParam("scope", "openid")
                .post(tokenEndpoint());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused an ID token for " + username + ": " + response.statusCode());
        }
        return response.jsonPath().getString("id_token");
    }

    /** The token with its payload changed to claim the clinic-admin role, its signature kept. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        try {
            var payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            payload.putObject("realm_access").putArray("roles").add("clinic-admin");
            return parts[0] + "." + B64URL.encodeToString(JSON.writeValueAsBytes(payload)) + "." + parts[2];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims under {@code "alg": "none"} and without a signature (RFC 7519's unsecured JWT). */
    public static String unsigned(String token) {
        String header = B64URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    private static String cached(String key, java.util.function.Supplier<io.restassured.response.Response> fetch) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.expiresAtMillis() > System.currentTimeMillis()) {
            return hit.token();
        }
        var response = fetch.get();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + key + ": " + response.statusCode()
                    + " " + response.asString() + " (is the stack up? ./clinic infra)");
        }
        String token = response.jsonPath().getString("access_token");
        long lifetimeMillis = response.jsonPath().getLong("expires_in") * 1000L;
        // Refresh well before expiry so a slow test never holds a token that dies mid-request.
        CACHE.put(key, new Cached(token, System.currentTimeMillis() + lifetimeMillis / 2));
        return token;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
