package care.securebase.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Registrations alone (with their duplicate check), at a fixed arrival rate: the request whose cost must
 * not grow with the clients already registered. The script runs it at two table sizes.
 */
public class Registrations extends Simulation {

    HttpProtocolBuilder protocol = http.baseUrl(Bench.INTAKE)
            .authorizationHeader("Bearer " + Bench.token("ingrid"))
            .contentTypeHeader("application/json").acceptHeader("application/json");

    ScenarioBuilder registrations = scenario("registrations")
            .feed(Bench.people())
            .exec(http("register client").post("/clients")
                    .body(StringBody("""
                            {"legalName":"#{given} #{family}","preferredName":"#{given}","dateOfBirth":"#{born}",
                             "email":"#{email}","preferredChannel":"EMAIL","language":"en",
                             "timeZone":"Europe/London"}"""))
                    .check(status().is(201)));

    {
        setUp(registrations.injectOpen(constantUsersPerSec(Bench.RATE).during(Bench.DURATION))).protocols(protocol);
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
