package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.Trajectory;
import care.securebase.sessions.service.OutcomeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/episodes/{id}/outcomes")
@Tag(name = "Outcomes")
public class OutcomeResource {

    private final OutcomeService outcomes;

    public OutcomeResource(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @Schema(name = "OutcomeAdministration")
    public record AdministrationRequest(
            @NotBlank @Size(max = 30) @Schema(examples = "PHQ-9") String instrument,
            @Schema(description = "Left out for the latest version") Integer version,
            @NotNull @Size(max = 200) @Schema(description = "Answers by item, index 0 = item 1; null = unanswered",
                    examples = "[1, 1, 0, 1, 0, 0, 1, 0, 0]") List<Integer> answers,
            @Schema(description = "When it was given, for a form filled on paper earlier; left out for now. "
                    + "Not in the future, not before the episode opened", examples = "2026-11-20T10:00:00Z")
            Instant administeredAt) {
    }

    @Schema(name = "OutcomePoint")
    public record PointView(Instant at, BigDecimal value, String band,
                            @Schema(description = "The intake's score") boolean intake,
                            @Schema(description = "Filled in by the client on a check-in link") boolean selfReported) {
        static PointView of(Trajectory.Point p) {
            return p == null ? null : new PointView(p.at(), p.value(), p.band(), p.intake(), p.selfReported());
        }
    }

    @Schema(name = "OutcomeTrajectory")
    public record TrajectoryView(String instrument, String scale, List<PointView> trajectory, PointView baseline,
                                 PointView latest,
                                 @Schema(description = "Latest against baseline; NOT_DEFINED where the scale has no "
                                         + "reliable-change criterion") Trajectory.Result reliableChange) {
        static TrajectoryView of(Trajectory t) {
            return new TrajectoryView(t.instrument(), t.scale(), t.points().stream().map(PointView::of).toList(),
                    PointView.of(t.baseline()), PointView.of(t.latest()), t.reliableChange());
        }
    }

    @Schema(name = "RecordedOutcome")
    public record RecordedView(UUID administrationId, String instrument, int version, List<TrajectoryView> trajectories) {
    }

    @POST
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Score an instrument given in the episode and keep its scale scores; a reliable "
            + "deterioration raises a DETERIORATION flag")
    public Response record(@PathParam("id") UUID episodeId, @Valid @NotNull AdministrationRequest request) {
        OutcomeService.Recorded r = outcomes.record(episodeId, request.instrument(), request.version(), request.answers(),
                request.administeredAt());
        return Response.status(201).entity(new RecordedView(r.administration().id, r.result().instrument(),
                r.result().version(), r.trajectories().stream().map(TrajectoryView::of).toList())).build();
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Per instrument and scale: the trajectory and the reliable change of the latest score "
            + "against the baseline (the intake's, else the first in the episode)")
    public List<TrajectoryView> list(@PathParam("id") UUID episodeId) {
        return outcomes.ofEpisode(episodeId).stream().map(TrajectoryView::of).toList();
    }
}
