package care.securebase.e2e;

import care.securebase.kit.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An ID token of the staff-portal client, got as the portal gets it: Keycloak's login form and the
 * authorization code flow with PKCE. Genuine and unexpired, but meant for the portal (aud staff-portal).
 */
final class PortalIdToken {

    private static final String REDIRECT = "http://localhost:" + Stack.PORTAL.port() + "/e2e-signed-in";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private PortalIdToken() {
    }

    static String of(String username) {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe(48);
        String auth = Tokens.keycloakUrl() + "/realms/securebase/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", "staff-portal", "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT,
                "state", UUID.randomUUID().toString(), "nonce", UUID.randomUUID().toString(),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(URI.create(auth)).GET().build());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("Keycloak did not show its login form: " + loginPage.statusCode());
        }
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies(loginPage))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", Tokens.PASSWORD))))
                .build());
        Matcher code = CODE.matcher(signedIn.headers().firstValue("Location").orElse(""));
        if (signedIn.statusCode() != 302 || !code.find()) {
            throw new IllegalStateException("Keycloak did not sign " + username + " in: " + signedIn.statusCode());
        }
        HttpResponse<String> tokens = send(browser, HttpRequest.newBuilder(URI.create(Tokens.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", REDIRECT, "client_id", "staff-portal",
                        "client_secret", System.getenv().getOrDefault("PORTAL_OIDC_SECRET", "portal-secret"),
                        "code_verifier", verifier))))
                .build());
        String idToken = tokens.statusCode() != 200 ? null : read(tokens.body()).path("id_token").asText(null);
        if (idToken == null) {
            throw new IllegalStateException("Keycloak gave no ID token for the portal: " + tokens.statusCode());
        }
        return idToken;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The login form's session cookies, sent back by hand: Keycloak marks them Secure, which
     * java.net.CookieManager then keeps from http://localhost (a browser treats localhost as secure).
     */
    private static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
