package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import care.securebase.intake.Client;
import care.securebase.intake.Consent;
import care.securebase.intake.TestClock;
import care.securebase.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Map<String, Object> person(String name, String dateOfBirth) {
        Map<String, Object> body = new HashMap<>(ClientResourceTest.newClient(name));
        body.put("dateOfBirth", dateOfBirth);
        return body;
    }

    static final Map<String, Object> GUARDIAN = Map.of("name", "Pat Guardian", "relationship", "mother",
            "phone", "+44 20 7946 1111", "email", "pat.guardian@example.org");
    static final Map<String, Object> GUARDIAN_CONSENT = Map.of("scope", "TREATMENT", "granted", true,
            "recordedFor", "GUARDIAN", "formVersion", "consent-form-2026.1");

    private static io.restassured.response.ValidatableResponse post(String who, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(who)).contentType(ContentType.JSON).body(body)
                .post("/clients").then();
    }

    static long clients() {
        return QuarkusTransaction.requiringNew().call(() -> Client.count());
    }

    static long consents() {
        return QuarkusTransaction.requiringNew().call(() -> Consent.count());
    }

    @Test
    void aMinorWithoutAGuardianIsRefusedAndNothingIsWritten() {
        clock.fix(Instant.parse("2026-03-14T12:00:00Z"));
        long before = clients();
        long consentsBefore = consents();
        // 18 tomorrow.
        post("ingrid", person("Riley Young", "2008-03-15"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("guardian"));
        // A guardian, but no guardian's consent to treatment.
        Map<String, Object> withGuardian = person("Riley Young", "2008-03-15");
        withGuardian.put("guardian", GUARDIAN);
        post("ingrid", withGuardian).statusCode(400).body("errors.field", contains("consents"));
        // An incomplete guardian is named field by field.
        withGuardian.put("guardian", Map.of("name", "Pat Guardian", "relationship", "mother"));
        withGuardian.put("consents", List.of(GUARDIAN_CONSENT));
        post("ingrid", withGuardian).statusCode(400)
                .body("errors.field", contains("guardian.email", "guardian.phone"));
        assertEquals(before, clients());
        assertEquals(consentsBefore, consents());
    }

    @Test
    void aMinorWithAGuardianIsRegisteredWithTheGuardiansConsent() {
        clock.fix(Instant.parse("2026-03-14T12:00:00Z"));
        Map<String, Object> body = person("Riley Younger", "2008-03-15");
        body.put("guardian", GUARDIAN);
        body.put("consents", List.of(GUARDIAN_CONSENT));
        body.put("emergencyContact", Map.of("name", "Sam Aunt", "relationship", "aunt", "phone", "07700 900123"));
        String id = post("ingrid", body).statusCode(201)
                .body("minorAtRegistration", equalTo(true))
                .body("guardian.name", equalTo("Pat Guardian"))
                .body("guardian.email", equalTo("pat.guardian@example.org"))
                .body("emergencyContact.relationship", equalTo("aunt"))
                .body("registeredAt", equalTo("2026-03-14T12:00:00Z"))
                .extract().path("id");

        given().auth().oauth2(Tokens.of("clara")).get("/clients/" + id + "/consents")
                .then().statusCode(200)
                .body("current", hasSize(1))
                .body("current[0].scope", equalTo("TREATMENT"))
                .body("current[0].granted", equalTo(true))
                .body("current[0].recordedFor", equalTo("GUARDIAN"))
                .body("current[0].recordedBy", equalTo("ingrid"))
                .body("current[0].formVersion", equalTo("consent-form-2026.1"));
    }

    @Test
    void ageIsCountedOnTheClinicsDate() {
        // 23:30 UTC on 14 June is 15 June in London: born 15 June 2008, the client turned 18 there today.
        clock.fix(Instant.parse("2026-06-14T23:30:00Z"));
        post("ingrid", person("Morgan Birthday", "2008-06-15")).statusCode(201)
                .body("minorAtRegistration", equalTo(false)).body("guardian", nullValue());
        // An hour earlier it was still the 14th in London.
        clock.fix(Instant.parse("2026-06-14T22:30:00Z"));
        post("ingrid", person("Morgan Eve", "2008-06-15")).statusCode(400).body("errors.field", contains("guardian"));
    }

    @Test
    void aPossibleDuplicateIsReportedAndNothingWrittenUntilConfirmed() {
        Map<String, Object> first = person("Jordan Avery Quill", "1990-04-12");
        first.put("phone", "+44 20 7946 5555");
        String existing = ClientResourceTest.register("ingrid", first);
        long before = clients();

        Map<String, Object> again = person("  jordán avery QUILL ", "1990-04-12");
        post("ingrid", again).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://securebase.care/problems/possible-duplicate"))
                .body("status", equalTo(409))
                .body("duplicates", hasSize(1))
                .body("duplicates[0].id", equalTo(existing))
                .body("duplicates[0].legalName", equalTo("Jordan Avery Quill"))
                .body("duplicates[0].dateOfBirth", equalTo("1990-04-12"))
                .body("duplicates[0].clinicId", equalTo("northside"))
                .body("duplicates[0].matchedOn", contains("SAME_DATE_OF_BIRTH_AND_SIMILAR_NAME"))
                .body("atAnotherClinic", equalTo(false));

        // Another name and birth date, but the same phone written differently.
        Map<String, Object> samePhone = person("Kim Unrelated", "1971-01-01");
        samePhone.put("phone", "020 7946-5555");
        post("ingrid", samePhone).statusCode(409).body("duplicates[0].matchedOn", contains("SAME_PHONE"));
        // ... or the same e-mail in other case.
        Map<String, Object> sameEmail = person("Kim Unrelated", "1971-01-01");
        sameEmail.put("email", ((String) first.get("email")).toUpperCase());
        post("ingrid", sameEmail).statusCode(409).body("duplicates[0].matchedOn", contains("SAME_EMAIL"));
        assertEquals(before, clients());

        // The pre-check finds the same.
        given().auth().oauth2(Tokens.of("ingrid"))
                .queryParam("legalName", "Jordan Quill").queryParam("dateOfBirth", "1990-04-12")
                .get("/clients/duplicates")
                .then().statusCode(200).body("duplicates.id", contains(existing));

        again.put("confirmNotDuplicate", true);
        String created = post("ingrid", again).statusCode(201)
                .body("notDuplicateConfirmedBy", equalTo("ingrid"))
                .body("notDuplicateConfirmedAt", notNullValue())
                .extract().path("id");
        assertFalse(created.equals(existing));
        assertEquals(before + 1, clients());
    }

    @Test
    void theSamePersonRegisteredSixTimesAtOnceIsRegisteredOnce() throws Exception {
        String dob = java.time.LocalDate.of(1930, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(20000)).toString();
        Map<String, Object> body = person("Ravi Concurrent " + care.securebase.intake.TestClients.letters(6), dob);
        String token = Tokens.of("ingrid");
        long before = clients();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                            .post("/clients").then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, clients());
    }

    @Test
    void aDuplicateAtAnotherClinicIsReportedWithoutItsData() {
        Map<String, Object> harbour = person("Taylor Brightwater", "1985-07-07");
        String theirs = ClientResourceTest.register("ivan", harbour);
        long before = clients();

        Map<String, Object> ours = person("Taylor Brightwater", "1985-07-07");
        String answer = post("ingrid", ours).statusCode(409)
                .body("type", equalTo("https://securebase.care/problems/possible-duplicate"))
                .body("atAnotherClinic", equalTo(true))
                .body("duplicates", hasSize(1))
                .body("duplicates[0].note", equalTo("a possible duplicate exists at another clinic"))
                .body("duplicates[0].id", nullValue())
                .body("duplicates[0].clinicId", nullValue())
                .extract().asString();
        assertFalse(answer.contains(theirs));
        assertFalse(answer.contains("harbour"));
        assertFalse(answer.contains((String) harbour.get("email")));
        assertEquals(before, clients());

        given().auth().oauth2(Tokens.of("ingrid"))
                .queryParam("legalName", "taylor brightwater").queryParam("dateOfBirth", "1985-07-07")
                .get("/clients/duplicates")
                .then().statusCode(200).body("atAnotherClinic", equalTo(true)).body("duplicates.id", not(hasItem(theirs)));
        // A clinic-admin sees the network, so the details too.
        given().auth().oauth2(Tokens.of("ada"))
                .queryParam("legalName", "taylor brightwater").queryParam("dateOfBirth", "1985-07-07")
                .get("/clients/duplicates")
                .then().statusCode(200).body("duplicates.id", contains(theirs)).body("atAnotherClinic", equalTo(false));
    }

    @Test
    void duplicateCheckInputAndRoles() {
        given().auth().oauth2(Tokens.of("ingrid")).queryParam("legalName", "A B").queryParam("dateOfBirth", "12/04/1990")
                .get("/clients/duplicates").then().statusCode(400).body("errors[0].field", equalTo("dateOfBirth"));
        given().auth().oauth2(Tokens.of("ingrid")).queryParam("dateOfBirth", "1990-04-12")
                .get("/clients/duplicates").then().statusCode(400).body("errors[0].field", equalTo("legalName"));
        given().auth().oauth2(Tokens.of("clara")).queryParam("legalName", "A B").queryParam("dateOfBirth", "1990-04-12")
                .get("/clients/duplicates").then().statusCode(403);
    }

    @Test
    void badConsentsAtRegistrationWriteNothing() {
        long before = clients();
        long consentsBefore = consents();
        post("ingrid", person("Quinn Ancient", "0000-01-01")).statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth"));
        Map<String, Object> body = person("Quinn Partial", "1992-02-02");
        body.put("consents", List.of(Map.of("scope", "TELEPATHY", "granted", true, "formVersion", "consent-form-2026.1")));
        post("ingrid", body).statusCode(400).body("errors[0].field", equalTo("consents[0].scope"));

        body.put("consents", List.of(Map.of("scope", "TREATMENT", "granted", true)));
        post("ingrid", body).statusCode(400).body("errors[0].field", equalTo("consents[0].formVersion"));

        // Guardian's consent for an adult without a guardian on record.
        body.put("consents", List.of(Map.of("scope", "TREATMENT", "granted", true, "formVersion", "consent-form-2026.1"),
                GUARDIAN_CONSENT));
        post("ingrid", body).statusCode(400).body("errors[0].field", equalTo("consents[1].scope"));
        body.put("consents", List.of(GUARDIAN_CONSENT));
        post("ingrid", body).statusCode(400).body("errors[0].field", equalTo("consents[0].recordedFor"));
        assertEquals(before, clients());
        assertEquals(consentsBefore, consents());

        body.put("consents", List.of(Map.of("scope", "TREATMENT", "granted", true, "formVersion", "consent-form-2026.1"),
                Map.of("scope", "CONTACT_EMAIL", "granted", true, "formVersion", "consent-form-2026.1")));
        String id = post("ingrid", body).statusCode(201).extract().path("id");
        assertEquals(consentsBefore + 2, consents());
        given().auth().oauth2(Tokens.of("ingrid")).get("/clients/" + id + "/consents")
                .then().body("current.scope", org.hamcrest.Matchers.containsInAnyOrder("TREATMENT", "CONTACT_EMAIL"));
        assertEquals(UUID.fromString(id).toString(), id);
    }
}
