package care.securebase.referrals.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.testing.TableScans;
import care.securebase.kit.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A network with 100,000 referrals, and what coordinators and partners do all day: refer a client, the
 * partner's inbox, the referral opened and accepted, the clinic's list and board. No table that grows
 * with the referrals is read by a sequential scan, nor read in bulk. Each path runs several times (as a
 * prepared statement after the first few); the figures are per round.
 */
@QuarkusTest
@TestProfile(RequestPathsUseIndexesTest.BulkNetwork.class)
class RequestPathsUseIndexesTest {

    /**
     * Its own application start, so the 100,000 referrals (flyway cleans at start) stay out of other tests.
     * Only these requests count: no events consumed meanwhile (whatever other tests left on the topic), and
     * no overdue gauges read every second (they count the network's open referrals).
     */
    public static class BulkNetwork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.intake-events.enabled", "false",
                    "securebase.metrics.refresh-interval", "off");
        }
    }

    private static final Logger LOG = Logger.getLogger(RequestPathsUseIndexesTest.class);
    static final List<String> GROWING = List.of("referral", "referral_step", "referral_request_key",
            "client_consent", "client_contact");
    private static final int ROUNDS = 8;
    /**
     * Northside's open referrals (about 1,500) are on its board; its referrals over the years are 50,000
     * and riverside-family's 20,000.
     */
    private static final long ROWS_PER_ROUND = 10_000;

    @Inject
    AgroalDataSource db;

    @Test
    void noGrowingTableIsScannedOnTheRequestPaths() {
        long loadStart = System.currentTimeMillis();
        TableScans.load(db, getClass(), "/bulk/referrals-network.sql");
        TableScans.vacuumAnalyze(db, GROWING);
        TableScans.vacuumAnalyze(db, List.of("partner_organisation", "program"));
        LOG.infof("bulk load and vacuum: %d ms", System.currentTimeMillis() - loadStart);
        String program = Fixtures.addProgram(Fixtures.RIVERSIDE, true);
        String partner = Fixtures.partnerSystemToken();

        var before = TableScans.settled(db, GROWING);
        long start = System.currentTimeMillis();
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, Object> body = Fixtures.referral(program);
            String referral = Fixtures.create("carmen", body);

            given().auth().oauth2(Tokens.of("sam")).get("/referrals").then().statusCode(200)
                    .body("id", hasItem(referral));
            given().auth().oauth2(Tokens.of("sam")).queryParam("status", "SENT").get("/referrals")
                    .then().statusCode(200);
            given().auth().oauth2(partner).queryParam("page", 3).get("/referrals").then().statusCode(200);
            given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + referral).then().statusCode(200);
            given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + referral + "/accept")
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"));

            given().auth().oauth2(Tokens.of("carmen")).get("/referrals").then().statusCode(200)
                    .body("id", hasItem(referral));
            given().auth().oauth2(Tokens.of("carmen")).queryParam("status", "ACCEPTED").get("/referrals")
                    .then().statusCode(200).body("id", hasItem(referral));
            given().auth().oauth2(Tokens.of("carmen")).queryParam("clientId", body.get("clientId"))
                    .get("/referrals").then().statusCode(200).body("id", hasItem(referral));
            given().auth().oauth2(Tokens.of("carmen")).get("/referrals/board").then().statusCode(200);
        }
        var delta = TableScans.delta(before, TableScans.settled(db, GROWING));
        LOG.infof("%d rounds of the request paths: %d ms; %s", ROUNDS, System.currentTimeMillis() - start, delta);

        assertTrue(delta.get("referral").indexScans() > 0, "the counters moved: " + delta);
        assertEquals(Map.of(), TableScans.sequentiallyScanned(delta), "sequential scans of growing tables");
        assertEquals(Map.of(), TableScans.readBeyond(delta, ROUNDS, ROWS_PER_ROUND),
                "rows read per round beyond " + ROWS_PER_ROUND);
    }
}
