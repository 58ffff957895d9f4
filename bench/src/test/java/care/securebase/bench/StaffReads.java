package care.securebase.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What staff read all day: a clinician's caseload (and a supervisor's page of the clinic's), an episode's
 * timeline, a social worker's referral inbox.
 */
public class StaffReads extends Simulation {

    private static final String CLARA = Bench.token("clara");
    private static final String SAM = Bench.token("sam");
    private static final List<String> EPISODES = episodes();

    private static List<String> episodes() {
        String json = Bench.get(Bench.SESSIONS + "/episodes?size=100", CLARA);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("clara has no episodes: load the demo data first (./clinic up)");
        }
        return ids;
    }

    private static final Iterator<Map<String, Object>> EPISODE_FEED = java.util.stream.Stream
            .generate(() -> Map.<String, Object>of("episodeId", EPISODES.get(ThreadLocalRandom.current().nextInt(EPISODES.size()))))
            .iterator();

    HttpProtocolBuilder protocol = http.acceptHeader("application/json");

    ScenarioBuilder reads = scenario("staff reads")
            .feed(EPISODE_FEED)
            .exec(randomSwitch().on(
                    new Choice.WithWeight(30.0, io.gatling.javaapi.core.CoreDsl.exec(
                            // Her own caseload, as she opens it all day.
                            http("caseload").get(Bench.SESSIONS + "/caseload?clinicianId=clara")
                                    .header("Authorization", "Bearer " + CLARA).check(status().is(200)))),
                    new Choice.WithWeight(10.0, io.gatling.javaapi.core.CoreDsl.exec(
                            // As her clinic's supervisor: the first page of the clinic's caseload, which
                            // holds every bench client of the write steps (thousands of open episodes).
                            http("clinic caseload").get(Bench.SESSIONS + "/caseload")
                                    .header("Authorization", "Bearer " + CLARA).check(status().is(200)))),
                    new Choice.WithWeight(40.0, io.gatling.javaapi.core.CoreDsl.exec(
                            http("episode timeline").get(Bench.SESSIONS + "/episodes/#{episodeId}/timeline")
                                    .header("Authorization", "Bearer " + CLARA).check(status().is(200)))),
                    new Choice.WithWeight(20.0, io.gatling.javaapi.core.CoreDsl.exec(
                            http("referral inbox").get(Bench.REFERRALS + "/referrals")
                                    .header("Authorization", "Bearer " + SAM).check(status().is(200))))));

    {
        setUp(reads.injectOpen(constantUsersPerSec(Bench.RATE).during(Bench.DURATION))).protocols(protocol);
    }
}
