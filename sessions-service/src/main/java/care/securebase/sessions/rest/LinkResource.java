package care.securebase.sessions.rest;

import care.securebase.instruments.InstrumentDefinition;
import care.securebase.kit.problem.Problem;
import care.securebase.sessions.TherapySession;
import care.securebase.sessions.config.ClinicsConfig;
import care.securebase.sessions.service.AppointmentLinkService;
import care.securebase.sessions.service.CheckInService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a client opens from a message, without an account: the link token in the path is the only
 * credential. A wrong, expired or used link is one and the same 404 (nothing says which, nor whose);
 * each remote address has a request allowance ({@link LinkRateLimit}, per instance).
 */
@Path("/links")
@Tag(name = "Client links")
@PermitAll
public class LinkResource {

    private static final Problem NOT_FOUND = Problem.of(404, "not-found", "Not Found", "No such link");

    private final CheckInService checkIns;
    private final AppointmentLinkService appointments;
    private final ClinicsConfig clinics;

    public LinkResource(CheckInService checkIns, AppointmentLinkService appointments, ClinicsConfig clinics) {
        this.checkIns = checkIns;
        this.appointments = appointments;
        this.clinics = clinics;
    }

    @Schema(name = "LinkOption")
    public record OptionView(int value, String label) {
    }

    @Schema(name = "LinkItem")
    public record ItemView(int number, String text, boolean optional, List<OptionView> options) {
    }

    /**
     * The instrument's risk rules (level and item thresholds), so the page can show the crisis line as soon
     * as a risk item is answered, before anything is sent.
     */
    @Schema(name = "LinkStep")
    public record StepView(@Schema(examples = "PHQ-9") String instrument, String title, String prompt,
                           List<ItemView> items, List<RiskRuleView> riskRules) {
    }

    @Schema(name = "LinkRiskRule")
    public record RiskRuleView(@Schema(examples = "HIGH") String level, List<ThresholdView> anyOf) {
    }

    @Schema(name = "LinkRiskThreshold")
    public record ThresholdView(int item, int atLeast) {
    }

    @Schema(name = "LinkListEntry")
    public record EntryView(int index, String text) {
    }

    @Schema(name = "CheckInForm")
    public record CheckInView(String clinicName, String crisisLine, List<StepView> steps, List<EntryView> warningSigns,
                              List<EntryView> copingTools, boolean diaryPrompt, Instant expiresAt) {
    }

    @Schema(name = "CheckInSubmission")
    public record SubmissionRequest(
            @NotNull @Size(max = 10)
            @Schema(description = "Answers per instrument of the form (its code, with or without punctuation), "
                    + "index 0 = item 1", examples = "{\"PHQ-9\": [1, 1, 0, 1, 0, 0, 1, 0, 0, 0]}")
            Map<String, @Size(max = 100) List<Integer>> answers,
            @Size(max = 50) @Schema(description = "Indexes of the warning signs noticed", examples = "[0]")
            List<Integer> warningSigns,
            @Size(max = 50) @Schema(description = "Indexes of the coping tools used", examples = "[1]")
            List<Integer> copingTools,
            @Size(max = CheckInService.MAX_DIARY) @Schema(examples = "Told my partner I was hurt instead of going quiet.")
            String diary) {
    }

    @Schema(name = "CheckInSubmitted")
    public record SubmittedView(@Schema(description = "A risk item was answered positively: show the crisis line")
                                boolean crisis, String crisisLine) {
    }

    @Schema(name = "AppointmentLink")
    public record AppointmentView(String clinicName, Instant startsAt, String timeZone, boolean telehealth,
                                  String videoLink, TherapySession.Confirmation confirmation) {
    }

    public enum Action { CONFIRM, CANCEL_REQUEST }

    @Schema(name = "AppointmentAnswer")
    public record AppointmentRequest(@NotNull @Schema(examples = "CONFIRM") Action action) {
    }

    @Schema(name = "AppointmentAnswered")
    public record AppointmentAnswered(TherapySession.Confirmation confirmation) {
    }

    @GET
    @Path("check-ins/{token}")
    @Operation(summary = "The check-in a link stands for: the clinic, its crisis line, one step per instrument, "
            + "the plan's warning signs and coping tools when asked, the diary prompt. No client data")
    @APIResponse(responseCode = "404", description = "Wrong, expired or used link (the same answer)")
    @APIResponse(responseCode = "429", description = "Too many requests from this address")
    public CheckInView checkIn(@Parameter(description = "The link token") @PathParam("token") String token) {
        CheckInService.Form form = checkIns.form(token);
        String clinic = form.checkIn().clinicId;
        List<StepView> steps = form.instruments().stream().map(LinkResource::step).toList();
        return new CheckInView(clinics.nameOf(clinic), clinics.crisisLineOf(clinic), steps,
                entries(form.warningSigns()), entries(form.copingTools()), form.checkIn().diaryPrompt,
                form.checkIn().expiresAt);
    }

    @POST
    @Path("check-ins/{token}")
    @Operation(summary = "Submit the check-in: scored, kept as self-reported outcomes, the link closed. 400 names "
            + "the incomplete or invalid field and writes nothing")
    @APIResponse(responseCode = "404", description = "Wrong, expired or used link (the same answer)")
    @APIResponse(responseCode = "429", description = "Too many requests from this address")
    public SubmittedView submit(@PathParam("token") String token, @Valid @NotNull SubmissionRequest request) {
        CheckInService.Submitted s = checkIns.submit(token, new CheckInService.Submission(request.answers(),
                request.warningSigns(), request.copingTools(), request.diary()));
        return new SubmittedView(s.crisis(), clinics.crisisLineOf(s.checkIn().clinicId));
    }

    @GET
    @Path("appointments/{token}")
    @Operation(summary = "The appointment a reminder's link stands for: clinic, time, telehealth and video link")
    @APIResponse(responseCode = "404", description = "Wrong, used link, or the session has started or changed")
    @APIResponse(responseCode = "429", description = "Too many requests from this address")
    public AppointmentView appointment(@PathParam("token") String token) {
        TherapySession s = appointments.view(token);
        return new AppointmentView(clinics.nameOf(s.clinicId), s.plannedStart, clinics.timeZoneOf(s.clinicId),
                s.telehealth, s.telehealth ? s.videoLink : null, s.confirmation);
    }

    @POST
    @Path("appointments/{token}")
    @Operation(summary = "Confirm, or ask to cancel (the clinician is told; the session stays scheduled until "
            + "staff change it). The link is used up either way")
    @APIResponse(responseCode = "404", description = "Wrong, used link, or the session has started or changed")
    @APIResponse(responseCode = "429", description = "Too many requests from this address")
    public AppointmentAnswered answer(@PathParam("token") String token, @Valid @NotNull AppointmentRequest request) {
        return new AppointmentAnswered(appointments.answer(token, request.action() == Action.CONFIRM
                ? TherapySession.Confirmation.CONFIRMED : TherapySession.Confirmation.CANCEL_REQUESTED).confirmation);
    }

    /** No instance: the path holds the link, which is not echoed back. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(NOT_FOUND).build();
    }

    private static StepView step(InstrumentDefinition d) {
        return new StepView(d.code(), d.title(), d.instructions(), d.items().stream()
                .map(i -> new ItemView(i.number(), i.text(), i.optional(),
                        i.options().stream().map(o -> new OptionView(o.value(), o.label())).toList()))
                .toList(), d.riskRules().stream()
                .map(r -> new RiskRuleView(r.level().name(),
                        r.anyOf().stream().map(t -> new ThresholdView(t.item(), t.atLeast())).toList()))
                .toList());
    }

    private static List<EntryView> entries(List<String> texts) {
        List<EntryView> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new EntryView(i, texts.get(i)));
        }
        return out;
    }
}
