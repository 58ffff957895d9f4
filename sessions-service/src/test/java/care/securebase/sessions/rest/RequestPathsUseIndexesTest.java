package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventType;
import care.securebase.events.IntakeCompleted;
import care.securebase.kit.testing.TableScans;
import care.securebase.kit.testing.Tokens;
import care.securebase.sessions.service.EpisodeService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A network with 100,000 episodes of care, and what clinicians read all day (their caseload, a
 * supervisor's clinic caseload, an episode's timeline, a client's episodes) and the episode an intake
 * opens. No table that grows with the episodes is read by a sequential scan, nor read in bulk. Each path
 * runs several times (as a prepared statement after the first few); the figures are per round.
 */
@QuarkusTest
@TestProfile(RequestPathsUseIndexesTest.BulkNetwork.class)
class RequestPathsUseIndexesTest {

    /**
     * Its own application start, so the 100,000 episodes (flyway cleans at start) stay out of other tests.
     * Only these requests count: no events consumed meanwhile (whatever other tests left on the topics);
     * the test opens its episodes through the service the intake-completed consumer calls.
     */
    public static class BulkNetwork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.intake-events.enabled", "false",
                    "mp.messaging.incoming.referrals-events.enabled", "false",
                    "mp.messaging.incoming.notifications-events.enabled", "false");
        }
    }

    private static final Logger LOG = Logger.getLogger(RequestPathsUseIndexesTest.class);
    static final List<String> GROWING = List.of("episode", "episode_phase_change", "therapy_session", "session_note",
            "outcome_administration", "outcome_score", "flag", "risk_flag", "maintenance_plan", "booster",
            "reminder_sent", "referral_event", "treatment_plan_version", "safety_plan_version");
    private static final int ROUNDS = 8;
    /**
     * Northside's current caseload is about 1,500 episodes, which each page of the clinic's caseload counts
     * and orders (those needing attention first); northside's episodes over the years are 50,000.
     */
    private static final long ROWS_PER_ROUND = 10_000;

    @Inject
    AgroalDataSource db;
    @Inject
    EpisodeService episodes;

    @Test
    void noGrowingTableIsScannedOnTheRequestPaths() throws Exception {
        long loadStart = System.currentTimeMillis();
        TableScans.load(db, getClass(), "/bulk/sessions-network.sql");
        TableScans.vacuumAnalyze(db, GROWING);
        TableScans.vacuumAnalyze(db, List.of("practitioner"));
        LOG.infof("bulk load and vacuum: %d ms", System.currentTimeMillis() - loadStart);
        List<String> claras = ids("""
                select id from episode where clinician_id = 'clara' and phase <> 'DISCHARGED'
                order by opened_at desc limit 2""");
        claras.addAll(ids("""
                select e.id from episode e join maintenance_plan p on p.episode_id = e.id
                where e.clinician_id = 'clara' order by e.opened_at desc limit 1"""));

        var before = TableScans.settled(db, GROWING);
        long start = System.currentTimeMillis();
        for (int round = 0; round < ROUNDS; round++) {
            IntakeCompleted intake = new IntakeCompleted(UUID.randomUUID(), UUID.randomUUID(), "northside", "clara",
                    "SOON", "LOW", "INDIVIDUAL", List.of(new IntakeCompleted.ScoreSummary("PHQ-9", "total", 14, "moderate")));
            UUID opened = episodes.openFor(UUID.randomUUID(), EventType.INTAKE_COMPLETED.wireName(), "intake-service",
                    intake).orElseThrow().id;
            given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", intake.clientId()).get("/episodes")
                    .then().statusCode(200).body("id", hasItem(opened.toString()));
            // Hers in one page (about 90), those needing attention first.
            given().auth().oauth2(Tokens.of("clara")).queryParam("clinicianId", "clara").queryParam("size", 200)
                    .get("/caseload").then().statusCode(200)
                    .body("episodeId", hasItem(claras.get(0))).body("episodeId", hasItem(opened.toString()));
            given().auth().oauth2(Tokens.of("clara")).get("/caseload").then().statusCode(200)
                    .body("episodeId", not(empty()));
            given().auth().oauth2(Tokens.of("clara")).queryParam("page", 5).get("/caseload").then().statusCode(200);
            for (String episode : claras) {
                given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/timeline")
                        .then().statusCode(200).body("type", hasItem("INTAKE"));
            }
        }
        var delta = TableScans.delta(before, TableScans.settled(db, GROWING));
        LOG.infof("%d rounds of the request paths: %d ms; %s", ROUNDS, System.currentTimeMillis() - start, delta);

        assertTrue(delta.get("episode").indexScans() > 0, "the counters moved: " + delta);
        assertEquals(Map.of(), TableScans.sequentiallyScanned(delta), "sequential scans of growing tables");
        assertEquals(Map.of(), TableScans.readBeyond(delta, ROUNDS, ROWS_PER_ROUND),
                "rows read per round beyond " + ROWS_PER_ROUND);
    }

    private List<String> ids(String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
