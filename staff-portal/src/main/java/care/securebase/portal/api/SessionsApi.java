package care.securebase.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** sessions-service: episodes of care, their phases and maintenance plans. See {@link IntakeApi} on the records. */
@Path("/episodes")
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "sessions")
public interface SessionsApi {

    String SERVICE = "sessions";

    String ACTIVE_TREATMENT = "ACTIVE_TREATMENT";
    String MAINTENANCE = "MAINTENANCE";
    String DISCHARGED = "DISCHARGED";

    @GET
    List<Episode> episodes(@QueryParam("clientId") String clientId, @QueryParam("page") int page,
                           @QueryParam("size") int size);

    @GET
    @Path("{id}")
    Episode episode(@PathParam("id") String id);

    @POST
    @Path("{id}/phase")
    Episode changePhase(@PathParam("id") String id, PhaseChange request);

    @POST
    @Path("{id}/maintenance")
    MaintenancePlan startMaintenance(@PathParam("id") String id, StartMaintenance request);

    @GET
    @Path("{id}/maintenance")
    MaintenancePlan maintenance(@PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        return ServiceFailure.of(SERVICE, response);
    }

    record Episode(String id, String clientId, String intakeId, String clinicId, String clinicianId,
                   String priority, String riskLevel, String modality, String phase, Instant openedAt,
                   Instant phaseChangedAt, String phaseChangedBy, List<String> nextPhases, List<Step> history) {

        public Episode {
            nextPhases = nextPhases == null ? List.of() : nextPhases;
            history = history == null ? List.of() : history;
        }

        public boolean canMoveTo(String phase) {
            return nextPhases.contains(phase);
        }
    }

    record Step(String from, String to, String reason, String changedBy, Instant changedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PhaseChange(String phase, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StartMaintenance(List<String> relapseWarningSigns, List<String> copingTools, List<String> supports,
                            List<Instant> boosters) {
    }

    record MaintenancePlan(String id, String episodeId, List<String> relapseWarningSigns, List<String> copingTools,
                           List<String> supports, List<Booster> boosters, String createdBy, Instant createdAt,
                           Instant endedAt) {
    }

    record Booster(String id, Instant dueAt, String status) {
    }
}
