package care.securebase.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An intake coordinator's writes: register a client, then complete their intake with the PHQ-9 and the
 * GAD-7 (scored, triaged, assigned, events to the outbox), at a fixed arrival rate.
 *
 * Clients are assigned round-robin to the run's own bench clinicians ({@code bench.clinicians}, made by
 * the script with room for the step), so the clinic's real caseloads and waitlist stay as they were.
 */
public class IntakeWrites extends Simulation {

    private static final String[] CLINICIANS = Bench.prop("bench.clinicians", "").split(",");
    private static final AtomicLong NEXT = new AtomicLong();

    private static final String INTAKE = """
            {"modality":"INDIVIDUAL","presentingConcerns":"Benchmark intake","phq9":[1,1,2,1,1,1,0,1,0],
             "instruments":[{"code":"GAD-7","answers":[1,1,2,1,0,1,1]}],"clinicianId":"#{clinician}"}""";

    HttpProtocolBuilder protocol = http.baseUrl(Bench.INTAKE)
            .authorizationHeader("Bearer " + Bench.token("ingrid"))
            .contentTypeHeader("application/json").acceptHeader("application/json");

    ScenarioBuilder intake = scenario("intake writes")
            .feed(Bench.people())
            .exec(session -> session.set("clinician", CLINICIANS[(int) (NEXT.getAndIncrement() % CLINICIANS.length)]))
            .exec(http("register client").post("/clients")
                    .body(StringBody("""
                            {"legalName":"#{given} #{family}","preferredName":"#{given}","dateOfBirth":"#{born}",
                             "email":"#{email}","preferredChannel":"EMAIL","language":"en",
                             "timeZone":"Europe/London"}"""))
                    .check(status().is(201), jsonPath("$.id").saveAs("clientId")))
            .exec(http("complete intake").post("/clients/#{clientId}/intakes").body(StringBody(INTAKE))
                    .check(status().is(201)));

    {
        setUp(intake.injectOpen(constantUsersPerSec(Bench.RATE).during(Bench.DURATION))).protocols(protocol);
    }

    @Override
    public void before() {
        Bench.mark("start");
    }

    @Override
    public void after() {
        Bench.mark("end");
    }
}
