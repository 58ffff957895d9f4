package care.securebase.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thin path through all four services, as staff and partners walk it, with real tokens:
 * intake → episode → maintenance → booster reminder by e-mail; referral → partner notice →
 * the partner's social worker accepts.
 */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClinicPathIT {

    private static final String RUN = Fixture.letters(8);
    private static final String CLIENT_EMAIL = "client-" + RUN + "@example.org";
    /** Words that would give away that the message is about therapy. */
    private static final List<String> CLINICAL_WORDS = List.of("phq", "score", "diagnos", "therap", "depress",
            "anxiety", "mental", "risk", "episode", "maintenance", "intake", "fear of being left");

    private static String clientId;

    /**
     * A fixed-offset zone where it is early afternoon now: reminders wait out the client's quiet hours
     * (evening and night in their own zone), and this test must not depend on when it runs.
     */
    static String afternoonZone() {
        for (int offset = -12; offset <= 14; offset++) {
            String id = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
            int hour = java.time.ZonedDateTime.now(java.time.ZoneId.of(id)).getHour();
            if (hour == 12) {
                return id;
            }
        }
        return "Etc/GMT";
    }
    private static String episodeId;

    @Test
    @Order(1)
    void intakeOpensAnEpisodeAndMaintenanceRemindsTheClientByEmail() {
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Clara Moreau", "caseloadLimit", 25, "onCall", true, "active", true))
                .put(Stack.INTAKE.url() + "/clinicians/clara")
                .then().statusCode(200);
        clientId = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Morgan Endtoend " + RUN, "preferredName", "Morgan",
                        "dateOfBirth", "1988-02-03", "email", CLIENT_EMAIL, "preferredChannel", "EMAIL",
                        "language", "en", "timeZone", afternoonZone(),
                        // Reminders go only by a consented channel; referrals only where sharing is consented.
                        "consents", List.of(
                                Map.of("scope", "CONTACT_EMAIL", "granted", true, "formVersion", "e2e"),
                                Map.of("scope", "SHARE_SOCIAL_WORK", "granted", true, "formVersion", "e2e"))))
                .post(Stack.INTAKE.url() + "/clients")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "fear of being left", "clinicianId", "clara",
                        "phq9", List.of(1, 2, 1, 1, 1, 1, 1, 0, 0)))
                .post(Stack.INTAKE.url() + "/clients/" + clientId + "/intakes")
                .then().statusCode(201).body("priority", equalTo("ROUTINE"));

        // sessions-service opens the episode from intake's event.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId)
                        .get(Stack.SESSIONS.url() + "/episodes")
                        .then().statusCode(200).body("size()", equalTo(1)));
        episodeId = given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId)
                .get(Stack.SESSIONS.url() + "/episodes")
                .then().body("[0].phase", equalTo("ASSESSMENT")).body("[0].clinicianId", equalTo("clara"))
                .extract().path("[0].id");

        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON)
                .body(Map.of("phase", "ACTIVE_TREATMENT"))
                .post(Stack.SESSIONS.url() + "/episodes/" + episodeId + "/phase")
                .then().statusCode(200).body("phase", equalTo("ACTIVE_TREATMENT"));

        // A booster two days out: its 7-day reminder is already due, its 1-day one is not yet.
        Instant booster = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON)
                .body(Map.of("relapseWarningSigns", List.of("withdrawing from friends"),
                        "copingTools", List.of("paced breathing"), "supports", List.of("sister"),
                        "boosters", List.of(booster.toString(), booster.plus(90, ChronoUnit.DAYS).toString())))
                .post(Stack.SESSIONS.url() + "/episodes/" + episodeId + "/maintenance")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !Mailbox.messagesFor(CLIENT_EMAIL).isEmpty());
        // Give a duplicate the chance to show up before counting.
        sleep(Duration.ofSeconds(3));
        List<Map<String, Object>> mail = Mailbox.messagesFor(CLIENT_EMAIL);
        assertEquals(1, mail.size(), "exactly one reminder");
        String raw = String.valueOf(mail.get(0).get("mimeMessage")).toLowerCase(Locale.ROOT);
        assertTrue(raw.contains("morgan"), "addressed to the client by the name they prefer");
        for (String word : CLINICAL_WORDS) {
            assertFalse(raw.contains(word), "reminder must not mention '" + word + "'");
        }

        given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId)
                .get(Stack.NOTIFICATIONS.url() + "/reminders")
                .then().statusCode(200).body("status", hasItem("SENT"));
    }

    @Test
    @Order(2)
    void referralReachesOnlyThePartnerOrganisationWhichAcceptsIt() {
        String noticeEmail = "intake-" + RUN + "@riverside.example.org";
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("name", "Riverside Family Services", "noticeEmail", noticeEmail))
                .put(Stack.REFERRALS.url() + "/organisations/riverside-family")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        String programId = given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("organisationId", "riverside-family", "name", "Family support " + RUN,
                        "kind", "SOCIAL_WORK", "languages", List.of("en"), "area", "North",
                        "remote", false, "acceptingReferrals", true))
                .post(Stack.REFERRALS.url() + "/programs")
                .then().statusCode(201).extract().path("id");

        Map<String, Object> referral = Map.of("clientId", clientId == null ? UUID.randomUUID().toString() : clientId,
                "programId", programId, "reason", "needs help with housing paperwork",
                "hopes", "a steady routine", "urgency", "SOON",
                "respondBy", LocalDate.now().plusDays(7).toString(),
                "sharedItems", List.of("CLIENT_NAME", "REASON"),
                "sharedInformation", "Prefers morning appointments");
        // The client's consent to share reaches referrals-service through intake's events: until it
        // has, sending is refused (409 naming the missing consent).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON).body(referral)
                        .post(Stack.REFERRALS.url() + "/referrals").then().extract().statusCode() == 201);
        String referralId = given().auth().oauth2(Tokens.of("carmen")).queryParam("clientId", referral.get("clientId"))
                .get(Stack.REFERRALS.url() + "/referrals")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].status", equalTo("SENT"))
                .extract().path("[0].id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !Mailbox.messagesFor(noticeEmail).isEmpty());
        String notice = String.valueOf(Mailbox.messagesFor(noticeEmail).get(0).get("mimeMessage"));
        assertTrue(notice.contains(referralId), "the notice names the referral to open in the portal");
        assertFalse(notice.contains("housing paperwork"), "the notice carries none of the referral's content");
        assertFalse(notice.contains("Morgan"), "the notice does not name the client");

        // Oak Community's social worker cannot see Riverside's referral.
        given().auth().oauth2(Tokens.of("sofia")).get(Stack.REFERRALS.url() + "/referrals/" + referralId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("sofia")).get(Stack.REFERRALS.url() + "/referrals")
                .then().statusCode(200).body("id", not(hasItem(referralId)));

        given().auth().oauth2(Tokens.of("sam")).get(Stack.REFERRALS.url() + "/referrals")
                .then().statusCode(200).body("id", hasItem(referralId));
        given().auth().oauth2(Tokens.of("sam")).post(Stack.REFERRALS.url() + "/referrals/" + referralId + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(Tokens.of("carmen")).get(Stack.REFERRALS.url() + "/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    @Order(3)
    void aHighRiskIntakeReachesTheOnCallClinicianAtOnce() {
        // clara is on call at northside (set in the first test); her address comes from Keycloak.
        String urgentClient = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Ash Urgent " + RUN, "dateOfBirth", "1993-08-19",
                        "email", "ash-" + RUN + "@example.org", "preferredChannel", "EMAIL",
                        "language", "en", "timeZone", "Europe/London"))
                .post(Stack.INTAKE.url() + "/clients")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "SEEDED-URGENT " + RUN,
                        "phq9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 3)))
                .post(Stack.INTAKE.url() + "/clients/" + urgentClient + "/intakes")
                .then().statusCode(201).body("priority", equalTo("URGENT")).body("riskLevel", equalTo("HIGH"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Mailbox.messagesFor("clara@securebase.test").stream()
                        .anyMatch(m -> String.valueOf(m.get("mimeMessage")).contains(urgentClient)));
        List<Map<String, Object>> notices = Mailbox.messagesFor("clara@securebase.test").stream()
                .filter(m -> String.valueOf(m.get("mimeMessage")).contains(urgentClient)).toList();
        assertEquals(1, notices.size(), "one notice to the on-call clinician");
        String raw = String.valueOf(notices.get(0).get("mimeMessage"));
        assertFalse(raw.contains("SEEDED-URGENT"), "no intake text in the notice");
        assertFalse(raw.contains("Ash Urgent"), "the client's name stays behind the portal login");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
