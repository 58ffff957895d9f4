package care.securebase.notifications.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.securebase.notifications.TestClock;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Caching, unknown staff and outages, with Keycloak and the token endpoint faked. */
class StaffDirectoryTest {

    final TestClock clock = TestClock.at(Instant.parse("2026-05-10T08:00:00Z"));
    final List<String> asked = new ArrayList<>();
    final List<String> bearers = new ArrayList<>();
    RuntimeException keycloakDown;
    RuntimeException tokenEndpointDown;
    int tokensIssued;

    final KeycloakUsers users = (authorization, realm, username, exact) -> {
        if (keycloakDown != null) {
            throw keycloakDown;
        }
        asked.add(realm + "/" + username + "/" + exact);
        bearers.add(authorization);
        return switch (username) {
            case "clara" -> List.of(new KeycloakUsers.User("clara", "clara@securebase.test"));
            case "noaddress" -> List.of(new KeycloakUsers.User("noaddress", null));
            default -> List.of();
        };
    };

    final OidcClient oidc = new OidcClient() {
        @Override
        public Uni<Tokens> getTokens(Map<String, String> additionalGrantParameters) {
            if (tokenEndpointDown != null) {
                return Uni.createFrom().failure(tokenEndpointDown);
            }
            tokensIssued++;
            long expiresAt = clock.instant().plus(Duration.ofMinutes(5)).getEpochSecond();
            return Uni.createFrom().item(new Tokens("token-" + tokensIssued, expiresAt, null, null, null, null,
                    "notifications-service"));
        }

        @Override
        public Uni<Tokens> refreshTokens(String refreshToken, Map<String, String> additionalGrantParameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<Boolean> revokeAccessToken(String accessToken, Map<String, String> additionalParameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    };

    final StaffDirectoryConfig config = new StaffDirectoryConfig() {
        public String url() {
            return "http://keycloak.test";
        }

        public String realm() {
            return "securebase";
        }

        public Duration cacheTtl() {
            return Duration.ofMinutes(10);
        }

        public Duration tokenTimeout() {
            return Duration.ofSeconds(1);
        }
    };

    final StaffDirectory directory = new StaffDirectory(users, oidc, config, clock);

    @Test
    void aKnownAddressIsLookedUpExactlyWithTheServicesTokenAndReusedForTheCacheTime() {
        assertEquals(Optional.of("clara@securebase.test"), directory.emailOf("clara"));
        assertEquals(List.of("securebase/clara/true"), asked);
        assertEquals(List.of("Bearer token-1"), bearers);

        clock.advance(Duration.ofMinutes(9));
        assertEquals(Optional.of("clara@securebase.test"), directory.emailOf("clara"));
        assertEquals(1, asked.size(), "cached");

        clock.advance(Duration.ofMinutes(2));
        assertEquals(Optional.of("clara@securebase.test"), directory.emailOf("clara"));
        assertEquals(2, asked.size(), "asked again after the cache time");
        assertEquals("Bearer token-2", bearers.get(1), "a token about to expire is replaced");
    }

    @Test
    void unknownStaffAndStaffWithoutAnAddressHaveNoneAndAreNotCached() {
        assertEquals(Optional.empty(), directory.emailOf("nobody"));
        assertEquals(Optional.empty(), directory.emailOf("nobody"));
        assertEquals(Optional.empty(), directory.emailOf("noaddress"));
        assertEquals(3, asked.size());
        assertEquals(1, tokensIssued, "one token for all three calls");
    }

    @Test
    void keycloakOrItsTokenEndpointAwayIsAnOutageNotAnUnknownUser() {
        keycloakDown = new ProcessingException(new java.net.ConnectException("Connection refused"));
        assertThrows(StaffDirectory.Unavailable.class, () -> directory.emailOf("clara"));

        keycloakDown = null;
        tokenEndpointDown = new RuntimeException("token endpoint unreachable");
        assertThrows(StaffDirectory.Unavailable.class, () -> directory.emailOf("clara"));

        tokenEndpointDown = null;
        assertEquals(Optional.of("clara@securebase.test"), directory.emailOf("clara"), "works again once it is back");
    }
}
