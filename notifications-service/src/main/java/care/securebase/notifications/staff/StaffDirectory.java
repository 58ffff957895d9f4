package care.securebase.notifications.staff;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Staff e-mail addresses, from Keycloak (the one staff directory): events name staff by id only,
 * so an address is never copied into an event or kept here for longer than the cache time.
 */
@ApplicationScoped
public class StaffDirectory {

    /** Keycloak could not be asked (down, slow, or refused our token): try again later. */
    public static class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("staff directory unavailable", cause);
        }
    }

    private record Cached(String email, Instant until) {
    }

    /** A token this close to expiry is replaced rather than sent. */
    private static final Duration TOKEN_SKEW = Duration.ofSeconds(30);

    private final KeycloakUsers users;
    private final OidcClient oidc;
    private final StaffDirectoryConfig config;
    private final Clock clock;
    private final Map<String, Cached> addresses = new ConcurrentHashMap<>();
    private volatile Tokens tokens;

    public StaffDirectory(@RestClient KeycloakUsers users, OidcClient oidc, StaffDirectoryConfig config, Clock clock) {
        this.users = users;
        this.oidc = oidc;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The staff member's e-mail address; empty when Keycloak knows no such user or the user has no
     * address. Only found addresses are cached: an unknown id is asked again next time.
     *
     * @throws Unavailable when Keycloak cannot answer
     */
    public Optional<String> emailOf(String staffId) {
        Instant now = clock.instant();
        Cached cached = addresses.get(staffId);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.email());
        }
        List<KeycloakUsers.User> found;
        try {
            found = users.byUsername("Bearer " + accessToken(now), config.realm(), staffId, true);
        } catch (RuntimeException e) {
            // A refused token (revoked, or the client's secret rotated) must not be reused.
            tokens = null;
            throw e instanceof Unavailable u ? u : new Unavailable(e);
        }
        Optional<String> email = found == null ? Optional.empty() : found.stream()
                .filter(u -> staffId.equalsIgnoreCase(u.username()))
                .map(KeycloakUsers.User::email)
                .filter(a -> a != null && !a.isBlank())
                .findFirst();
        email.ifPresentOrElse(a -> addresses.put(staffId, new Cached(a, now.plus(config.cacheTtl()))),
                () -> addresses.remove(staffId));
        return email;
    }

    private String accessToken(Instant now) {
        Tokens current = tokens;
        if (current == null || expiresSoon(current, now)) {
            try {
                current = oidc.getTokens().await().atMost(config.tokenTimeout());
            } catch (RuntimeException e) {
                throw new Unavailable(e);
            }
            tokens = current;
        }
        return current.getAccessToken();
    }

    private static boolean expiresSoon(Tokens t, Instant now) {
        Long expiresAt = t.getAccessTokenExpiresAt();
        return expiresAt == null || !now.plus(TOKEN_SKEW).isBefore(Instant.ofEpochSecond(expiresAt));
    }
}
