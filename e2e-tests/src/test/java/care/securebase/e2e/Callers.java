package care.securebase.e2e;

import care.securebase.kit.testing.Tokens;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Everyone the access checks call as: nobody, broken identities, each realm role, and outsiders. */
final class Callers {

    enum Kind {
        /** No token, an expired one, one for another audience, a forged one: never let in (401). */
        UNAUTHENTICATED,
        /** A person or machine with a SecureBase identity. */
        IDENTIFIED
    }

    /** @param clinic the clinic_id claim; @param org the org_id claim */
    record Caller(String name, Kind kind, Set<String> roles, String clinic, String org, Supplier<String> tokens) {
        String token() {
            return tokens.get();
        }

        /** The fixture's clinic is northside; clinic-admins see the whole network (Caller#seesAllClinics). */
        boolean seesFixtureClinic() {
            return roles.contains("clinic-admin") || Fixture.CLINIC.equals(clinic);
        }

        /** The fixture's referral is northside's, sent to riverside-family. */
        boolean seesFixtureReferral() {
            return seesFixtureClinic() || Fixture.ORG.equals(org);
        }

        /** Nothing of the fixture's client may reach this caller. */
        boolean outsider() {
            return !seesFixtureClinic() && !seesFixtureReferral();
        }
    }

    static final List<Caller> ALL = List.of(
            new Caller("none", Kind.UNAUTHENTICATED, Set.of(), null, null, () -> null),
            new Caller("expired", Kind.UNAUTHENTICATED, Set.of(), null, null, ExpiredToken::get),
            new Caller("other-aud", Kind.UNAUTHENTICATED, Set.of(), null, null, Callers::otherAudience),
            new Caller("portal-id", Kind.UNAUTHENTICATED, Set.of(), null, null, Callers::portalIdToken),
            // sam's genuine token, its payload changed to claim clinic-admin, Keycloak's signature kept.
            new Caller("tampered", Kind.UNAUTHENTICATED, Set.of(), null, null, () -> Tokens.tampered(Tokens.of("sam"))),
            new Caller("alg-none", Kind.UNAUTHENTICATED, Set.of(), null, null, () -> Tokens.unsigned(Tokens.of("ada"))),
            user("ingrid", "intake-coordinator", "northside", null),
            user("clara", "clinician", "northside", null),
            user("tara", "clinician", "northside", null),
            user("carmen", "care-coordinator", "northside", null),
            user("ada", "clinic-admin", "northside", null),
            user("sam", "social-worker", null, "riverside-family"),
            new Caller("partner-riverside", Kind.IDENTIFIED, Set.of("social-worker"), null, "riverside-family",
                    () -> Tokens.ofClient("partner-riverside", "partner-riverside-secret")),
            new Caller("intake-gateway", Kind.IDENTIFIED, Set.of("intake-coordinator"), "northside", null,
                    () -> Tokens.ofClient("intake-gateway", "intake-gateway-secret")),
            // A machine client of the realm without any SecureBase role.
            new Caller("notifications-service", Kind.IDENTIFIED, Set.of(), null, null,
                    () -> Tokens.ofClient("notifications-service", "notifications-service-secret")),
            user("hana", "clinic-admin", "harbour", null),
            user("colin", "clinician", "harbour", null),
            user("ivan", "intake-coordinator", "harbour", null),
            user("carl", "care-coordinator", "harbour", null),
            user("sofia", "social-worker", null, "oak-community"));

    private static String otherAudience;
    private static long otherAudienceAt;
    private static String portalIdToken;
    private static long portalIdTokenAt;

    private Callers() {
    }

    private static Caller user(String name, String role, String clinic, String org) {
        return new Caller(name, Kind.IDENTIFIED, Set.of(role), clinic, org, () -> Tokens.of(name));
    }

    /**
     * A genuine, unexpired token of the realm that is not meant for the services: ada's ID token, whose
     * audience is the client that asked for it (securebase-tests), not securebase-api. The services
     * check the audience (quarkus.oidc.token.audience=securebase-api), so it must be refused.
     */
    static synchronized String otherAudience() {
        // Refetched after a minute: it must fail for its audience, never for its age.
        if (otherAudience == null || System.currentTimeMillis() - otherAudienceAt > 60_000) {
            otherAudienceAt = System.currentTimeMillis();
            otherAudience = Tokens.idTokenOf("ada");
        }
        return otherAudience;
    }

    /** ada's ID token of the staff-portal client (aud staff-portal), from the code flow the portal uses. */
    static synchronized String portalIdToken() {
        // Refetched after a minute: it must fail for its audience, never for its age.
        if (portalIdToken == null || System.currentTimeMillis() - portalIdTokenAt > 60_000) {
            portalIdTokenAt = System.currentTimeMillis();
            portalIdToken = PortalIdToken.of("ada");
        }
        return portalIdToken;
    }
}
