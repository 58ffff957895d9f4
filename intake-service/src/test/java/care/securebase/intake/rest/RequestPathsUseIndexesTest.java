package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.intake.TestClients;
import care.securebase.kit.testing.TableScans;
import care.securebase.kit.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A network with 100,000 clients, and what intake serves all day: the duplicate check, registration,
 * intakes placed with a clinician or on the waitlist, the client, the caseloads, a search. No table that
 * grows with the clients is read by a sequential scan, nor read in bulk. Each path runs several times
 * (as a prepared statement after the first few); the figures are per round.
 */
@QuarkusTest
@TestProfile(RequestPathsUseIndexesTest.BulkNetwork.class)
class RequestPathsUseIndexesTest {

    /**
     * Its own application start, so the 100,000 clients (flyway cleans at start) stay out of other tests.
     * Only these requests count: no events consumed meanwhile (whatever other tests left on the topics).
     */
    public static class BulkNetwork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.sessions-events.enabled", "false",
                    "mp.messaging.incoming.notifications-events.enabled", "false");
        }
    }

    private static final Logger LOG = Logger.getLogger(RequestPathsUseIndexesTest.class);
    /** Tables that grow with the clients; the waitlist holds only who waits now (here about 500). */
    static final List<String> GROWING = List.of("client", "intake", "intake_instrument", "consent", "request_key");
    private static final int ROUNDS = 8;
    /**
     * A round counts the caseloads of two clinics' clinicians and reads a few clients by their keys (about
     * 2,500 rows); reading northside's clients would be 50,000.
     */
    private static final long ROWS_PER_ROUND = 5_000;

    @Inject
    AgroalDataSource db;

    @Test
    void noGrowingTableIsScannedOnTheRequestPaths() {
        long loadStart = System.currentTimeMillis();
        TableScans.load(db, getClass(), "/bulk/intake-network.sql");
        TableScans.vacuumAnalyze(db, GROWING);
        TableScans.vacuumAnalyze(db, List.of("waitlist_entry", "clinician"));
        LOG.infof("bulk load and vacuum: %d ms", System.currentTimeMillis() - loadStart);

        var before = TableScans.settled(db, GROWING);
        long start = System.currentTimeMillis();
        for (int round = 0; round < ROUNDS; round++) {
            requestPaths();
        }
        var delta = TableScans.delta(before, TableScans.settled(db, GROWING));
        LOG.infof("%d rounds of the request paths: %d ms; %s", ROUNDS, System.currentTimeMillis() - start, delta);
        assertTrue(delta.get("client").indexScans() > 0, "the counters moved: " + delta);
        assertEquals(Map.of(), TableScans.sequentiallyScanned(delta), "sequential scans of growing tables");
        assertEquals(Map.of(), TableScans.readBeyond(delta, ROUNDS, ROWS_PER_ROUND),
                "rows read per round beyond " + ROWS_PER_ROUND);

        // The clinic's list with its total counts the clinic's clients: through an index, but all of them.
        before = TableScans.settled(db, GROWING);
        for (int round = 0; round < 3; round++) {
            given().auth().oauth2(Tokens.of("ingrid")).get("/clients").then().statusCode(200);
            given().auth().oauth2(Tokens.of("ingrid")).queryParam("status", "DISCHARGED").queryParam("page", 3)
                    .get("/clients").then().statusCode(200);
        }
        delta = TableScans.delta(before, TableScans.settled(db, GROWING));
        LOG.infof("the clinic's list, 3 rounds: %s", delta);
        assertEquals(Map.of(), TableScans.sequentiallyScanned(delta), "sequential scans of growing tables by the list");
    }

    private void requestPaths() {
        // The coordinator checks for duplicates, registers (with a retry key), is refused a second
        // registration of the same person, and completes the intake with clara.
        Map<String, Object> person = newPerson();
        given().auth().oauth2(Tokens.of("ingrid"))
                .queryParam("legalName", person.get("legalName")).queryParam("dateOfBirth", person.get("dateOfBirth"))
                .queryParam("email", person.get("email")).queryParam("phone", person.get("phone"))
                .get("/clients/duplicates")
                .then().statusCode(200).body("atAnotherClinic", equalTo(false));
        String assigned = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(person)
                .post("/clients").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON).body(person)
                .post("/clients").then().statusCode(409).body("duplicates.id", hasItem(assigned));
        String intake = complete("ingrid", assigned, "clara").body("clinicianId", equalTo("clara"))
                .extract().path("id");

        // Without a clinician asked for: the colleague with the most room.
        String placed = register("ingrid");
        complete("ingrid", placed, null).body("clinicianId", equalTo("clara"));

        // At harbour every caseload is full: the client waits.
        String waiting = register("ivan");
        complete("ivan", waiting, null).body("clinicianId", nullValue()).body("waitlistPosition", notNullValue());

        // A bulk client's e-mail at another clinic: a duplicate the caller may not see.
        int bulk = ThreadLocalRandom.current().nextInt(1, 100_000);
        given().auth().oauth2(Tokens.of("ingrid"))
                .queryParam("legalName", "Someone Else").queryParam("dateOfBirth", "1971-03-02")
                .queryParam("email", "Bulk." + (bulk - bulk % 10 + 7) + "@bulk.example.org")
                .get("/clients/duplicates")
                .then().statusCode(200).body("atAnotherClinic", equalTo(true));

        // Reads: the client, the intake, clara's caseload, the clinic's first page, a search by name,
        // the clinicians with their caseloads, the waitlist.
        given().auth().oauth2(Tokens.of("clara")).get("/clients/" + assigned).then().statusCode(200);
        given().auth().oauth2(Tokens.of("clara")).get("/clients/" + assigned + "/intakes/" + intake)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("clara")).queryParam("clinicianId", "clara").queryParam("status", "ASSIGNED")
                .get("/clients").then().statusCode(200).body("id", hasItem(assigned));
        given().auth().oauth2(Tokens.of("ingrid")).queryParam("q", ((String) person.get("legalName")).substring(8, 16))
                .get("/clients").then().statusCode(200).body("id", hasItem(assigned));
        given().auth().oauth2(Tokens.of("ingrid")).get("/clinicians").then().statusCode(200)
                .body("find { it.id == 'clara' }.caseload", notNullValue());
        given().auth().oauth2(Tokens.of("ivan")).get("/waitlist").then().statusCode(200)
                .body("clientId", hasItem(waiting));
    }

    private static Map<String, Object> newPerson() {
        String given = TestClients.letters(8);
        String family = TestClients.letters(9);
        Map<String, Object> body = new HashMap<>(Map.of(
                "legalName", "Pathway" + given + " " + family,
                "preferredName", "Pathway" + given,
                "dateOfBirth", LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000)).toString(),
                "email", given + "." + family + "@example.org",
                "phone", "+44 20 " + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999),
                "preferredChannel", "EMAIL",
                "language", "en",
                "timeZone", "Europe/London"));
        body.put("consents", List.of(Map.of("scope", "TREATMENT", "granted", true, "formVersion", "form-1")));
        return body;
    }

    private static String register(String coordinator) {
        return given().auth().oauth2(Tokens.of(coordinator)).contentType(ContentType.JSON).body(newPerson())
                .post("/clients").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse complete(String coordinator, String clientId,
                                                                       String clinician) {
        Map<String, Object> body = new HashMap<>(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "Pathway",
                "phq9", List.of(1, 1, 2, 1, 1, 1, 0, 1, 0),
                "instruments", List.of(Map.of("code", "GAD-7", "answers", List.of(1, 1, 2, 1, 0, 1, 1)))));
        if (clinician != null) {
            body.put("clinicianId", clinician);
        }
        return given().auth().oauth2(Tokens.of(coordinator)).contentType(ContentType.JSON).body(body)
                .post("/clients/" + clientId + "/intakes").then().statusCode(201);
    }
}
