package care.securebase.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One client's whole path, for the event latencies and the reminder dispatch rate: registered with
 * consent to e-mail and to share with social work, intake assigned to clara (intake-completed), the
 * episode opened by sessions, moved to maintenance with a booster a week ahead (the seven-day
 * reminders fall due together once every client is through), and referred to a social-work program
 * (referral-sent, partner notice). The script measures the latencies afterwards from the services'
 * own timestamps.
 */
public class CarePipeline extends Simulation {

    private static final String PROGRAM = Bench.prop("bench.program", "");
    private static final String ZONE = Bench.afternoonZone();
    /**
     * Seven days and a little more ahead: every client's 7-day reminder falls due at the same minute,
     * after the last client is through, so the dispatcher meets them as one burst and the run measures
     * how fast it sends, not how fast clients arrive.
     */
    private static final String BOOSTER = Instant.now().plus(7, ChronoUnit.DAYS)
            .plusSeconds(Bench.DURATION.toSeconds() + 45).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES)
            .toString();

    private static final String INGRID = Bench.token("ingrid");
    private static final String CLARA = Bench.token("clara");
    private static final String CARMEN = Bench.token("carmen");

    HttpProtocolBuilder protocol = http.contentTypeHeader("application/json").acceptHeader("application/json");

    ScenarioBuilder path = scenario("care pipeline")
            .feed(Bench.people())
            .exec(http("register client").post(Bench.INTAKE + "/clients").header("Authorization", "Bearer " + INGRID)
                    .body(StringBody("""
                            {"legalName":"#{given} #{family}","preferredName":"#{given}","dateOfBirth":"#{born}",
                             "email":"#{email}","preferredChannel":"EMAIL","language":"en",
                             "timeZone":"%s","consents":[
                               {"scope":"CONTACT_EMAIL","granted":true,"formVersion":"bench"},
                               {"scope":"SHARE_SOCIAL_WORK","granted":true,"formVersion":"bench"}]}"""
                            .formatted(ZONE)))
                    .check(status().is(201), jsonPath("$.id").saveAs("clientId")))
            .exec(http("complete intake").post(Bench.INTAKE + "/clients/#{clientId}/intakes")
                    .header("Authorization", "Bearer " + INGRID)
                    .body(StringBody("""
                            {"modality":"INDIVIDUAL","presentingConcerns":"Benchmark intake","clinicianId":"clara",
                             "phq9":[1,1,2,1,1,1,0,1,0]}"""))
                    .check(status().is(201)))
            .exec(asLongAsDuring(session -> !session.contains("episodeId"), Duration.ofSeconds(60)).on(exec(
                    http("wait for episode").get(Bench.SESSIONS + "/episodes?clientId=#{clientId}")
                            .header("Authorization", "Bearer " + CLARA)
                            .check(status().is(200), jsonPath("$[0].id").optional().saveAs("episodeId")))
                    .pause(Duration.ofMillis(250))))
            .exec(http("start treatment").post(Bench.SESSIONS + "/episodes/#{episodeId}/phase")
                    .header("Authorization", "Bearer " + CLARA)
                    .body(StringBody("{\"phase\":\"ACTIVE_TREATMENT\"}")).check(status().in(200, 204)))
            .exec(http("start maintenance").post(Bench.SESSIONS + "/episodes/#{episodeId}/maintenance")
                    .header("Authorization", "Bearer " + CLARA)
                    .body(StringBody("""
                            {"relapseWarningSigns":["withdrawing"],"copingTools":["breathing"],"supports":["friend"],
                             "boosters":["%s"]}""".formatted(BOOSTER)))
                    .check(status().is(201)))
            .doIf(session -> !PROGRAM.isEmpty()).then(exec(
                    http("send referral").post(Bench.REFERRALS + "/referrals").header("Authorization", "Bearer " + CARMEN)
                            .body(StringBody("""
                                    {"clientId":"#{clientId}","programId":"%s","reason":"Benchmark referral",
                                     "hopes":"Benchmark","urgency":"ROUTINE","respondBy":"%s"}"""
                                    .formatted(PROGRAM, java.time.LocalDate.now().plusDays(10))))
                            .check(status().is(201))));

    {
        setUp(path.injectOpen(constantUsersPerSec(Bench.RATE).during(Bench.DURATION))).protocols(protocol);
    }
}
