package care.securebase.sessions.rest;

import care.securebase.instruments.InstrumentDefinition;
import care.securebase.kit.security.Roles;
import care.securebase.sessions.CheckIn;
import care.securebase.sessions.OutcomeScore;
import care.securebase.sessions.service.CheckInService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/check-ins")
@Tag(name = "Check-ins")
public class CheckInResource {

    private final CheckInService checkIns;

    public CheckInResource(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @Schema(name = "CheckInSummary")
    public record SummaryView(UUID id, Instant dueAt, Instant sentAt, Instant expiresAt, CheckIn.Status status,
                              Instant answeredAt,
                              @Schema(description = "Total per instrument once answered") Map<String, BigDecimal> totals,
                              @Schema(description = "Flag rules it fired: RISK, DETERIORATION, WARNING_SIGNS, MISSED")
                              List<String> flags) {
    }

    @Schema(name = "CheckInScore")
    public record ScoreView(String scale, BigDecimal value, String band) {
    }

    @Schema(name = "CheckInItem")
    public record ItemView(int number, String text, Integer answer, String answerLabel) {
    }

    @Schema(name = "CheckInInstrument")
    public record InstrumentView(String instrument, int version, String title, List<ItemView> items,
                                 List<ScoreView> scores) {
    }

    @Schema(name = "CheckInAnswers")
    public record AnswersView(UUID id, UUID episodeId, Instant dueAt, CheckIn.Status status, Instant answeredAt,
                              List<InstrumentView> instruments, List<String> warningSignsNoticed,
                              List<String> copingToolsUsed, String diary, List<String> flags) {
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "One check-in with the client's answers, scores, warning signs noticed, coping tools "
            + "used and diary; the read is recorded (note-access log)")
    public AnswersView get(@PathParam("id") UUID id) {
        CheckInService.Answers a = checkIns.read(id);
        return new AnswersView(a.checkIn().id, a.checkIn().episodeId, a.checkIn().dueAt, a.checkIn().status,
                a.checkIn().answeredAt, a.instruments().stream().map(CheckInResource::instrument).toList(),
                a.warningSignsNoticed(), a.copingToolsUsed(), a.diary(), a.checkIn().flags);
    }

    private static InstrumentView instrument(CheckInService.Answered a) {
        InstrumentDefinition d = a.definition();
        List<ItemView> items = d.items().stream().map(item -> {
            Integer answer = item.number() - 1 < a.answers().size() ? a.answers().get(item.number() - 1) : null;
            String label = answer == null ? null : item.options().stream().filter(o -> o.value() == answer)
                    .map(InstrumentDefinition.AnswerOption::label).findFirst().orElse(null);
            return new ItemView(item.number(), item.text(), answer, label);
        }).toList();
        return new InstrumentView(d.code(), d.version(), d.title(), items,
                a.scores().stream().map((OutcomeScore s) -> new ScoreView(s.scale, s.value.stripTrailingZeros(), s.band))
                        .toList());
    }
}
