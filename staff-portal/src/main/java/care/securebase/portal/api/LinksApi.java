package care.securebase.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * sessions-service's public link endpoints, behind the client's check-in and appointment pages. No
 * {@code @AccessToken}: nobody is signed in there, the link token is the only credential. A wrong,
 * expired or used token answers 404, whichever it is. {@code X-Forwarded-For} carries the client's
 * address: sessions-service limits requests per address too, and without it every client would count
 * as the portal.
 */
@Path("/links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "sessions")
public interface LinksApi {

    String FORWARDED_FOR = "X-Forwarded-For";
    String CONFIRM = "CONFIRM";
    String CANCEL_REQUEST = "CANCEL_REQUEST";

    @GET
    @Path("check-ins/{token}")
    CheckIn checkIn(@PathParam("token") String token, @HeaderParam(FORWARDED_FOR) String client);

    @POST
    @Path("check-ins/{token}")
    Submitted submit(@PathParam("token") String token, @HeaderParam(FORWARDED_FOR) String client, Answers answers);

    @GET
    @Path("appointments/{token}")
    Appointment appointment(@PathParam("token") String token, @HeaderParam(FORWARDED_FOR) String client);

    @POST
    @Path("appointments/{token}")
    Confirmation answer(@PathParam("token") String token, @HeaderParam(FORWARDED_FOR) String client,
                        AppointmentAnswer answer);

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        return ServiceFailure.of(SessionsApi.SERVICE, response);
    }

    record CheckIn(String clinicName, String crisisLine, List<Step> steps, List<Entry> warningSigns,
                   List<Entry> copingTools, boolean diaryPrompt, Instant expiresAt) {
        public CheckIn {
            steps = steps == null ? List.of() : steps;
            warningSigns = warningSigns == null ? List.of() : warningSigns;
            copingTools = copingTools == null ? List.of() : copingTools;
        }
    }

    /**
     * One instrument. {@code riskRules} are the instrument's own (as in the instruments module's
     * definitions): the page shows the crisis line as soon as an answer meets one.
     */
    record Step(String instrument, String title, String prompt, List<Item> items, List<RiskRule> riskRules) {
        public Step {
            items = items == null ? List.of() : items;
            riskRules = riskRules == null ? List.of() : riskRules;
        }
    }

    /** {@code optional} and {@code askedWhen} as in the definitions; a plain item has neither. */
    record Item(int number, String text, List<Option> options, boolean optional, Threshold askedWhen) {
        public Item {
            options = options == null ? List.of() : options;
        }
    }

    record Option(int value, String label) {
    }

    record Entry(int index, String text) {
    }

    record RiskRule(String level, List<Threshold> anyOf) {
        public RiskRule {
            anyOf = anyOf == null ? List.of() : anyOf;
        }
    }

    record Threshold(int item, int atLeast) {
    }

    /** Answers by instrument code, in item order (null where an optional item was left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answers(Map<String, List<Integer>> answers, List<Integer> warningSigns, List<Integer> copingTools,
                   String diary) {
    }

    record Submitted(boolean crisis, String crisisLine) {
    }

    record Appointment(String clinicName, Instant startsAt, String timeZone, boolean telehealth, String videoLink,
                       String confirmation) {
    }

    record AppointmentAnswer(String action) {
    }

    record Confirmation(String confirmation) {
    }
}
