package care.securebase.portal.pages;

import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.intake.IntakeForm;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
import care.securebase.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The intake assessment (intake-service): any instruments from the service's catalog, scored as they
 * are filled in, then triage, and assignment to a clinician or the waitlist; the result with its
 * priority override.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class IntakePages {

    /** Administered when the coordinator has not chosen: the clinic's standard screen. */
    static final String DEFAULT_INSTRUMENT = "PHQ-9";

    /** The form with everything it shows around the questions. */
    public record Page(IntakeApi.Client client, IntakeForm form, List<IntakeForm.Slot> slots,
                       List<IntakeApi.InstrumentSummary> catalog, List<IntakeApi.Clinician> clinicians,
                       FieldErrors errors, String problem) {

        public boolean chosen(String code) {
            return slots.stream().anyMatch(s -> s.definition().code().equalsIgnoreCase(code));
        }

        public List<String> modalities() {
            return IntakeApi.MODALITIES;
        }

        public List<String> themes() {
            return IntakeApi.RELATIONAL_THEMES;
        }

        public List<String> relationships() {
            return IntakeApi.RELATIONSHIPS;
        }

        public List<String> riskLevels() {
            return IntakeApi.RISK_LEVELS;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance intake(Page page);

        /** One instrument's running score, swapped in by htmx as answers change. */
        static native TemplateInstance score(IntakeForm.Slot slot);

        static native TemplateInstance intakeResult(IntakeApi.Intake intake, IntakeApi.Client client,
                                                    List<IntakeApi.Waiting> waitlist, List<String> priorities,
                                                    FieldErrors errors, String notice);
    }

    private final IntakeApi intake;

    public IntakePages(@RestClient IntakeApi intake) {
        this.intake = intake;
    }

    @GET
    @Path("clients/{clientId}/intake")
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public TemplateInstance form(@PathParam("clientId") String clientId, @QueryParam("instrument") List<String> codes) {
        List<String> chosen = codes == null || codes.stream().allMatch(c -> c == null || c.isBlank())
                ? List.of(DEFAULT_INSTRUMENT) : codes;
        IntakeForm form = IntakeForm.blank(chosen);
        return Templates.intake(page(clientId, form, FieldErrors.NONE, null));
    }

    @POST
    @Path("clients/{clientId}/intake")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public Response complete(@PathParam("clientId") String clientId, @BeanParam IntakeForm form) {
        List<IntakeForm.Slot> slots = form.slots(definitions(form.codes()));
        if (form.checking()) {
            return Response.ok(Templates.intake(page(clientId, form, FieldErrors.NONE, null))).build();
        }
        try {
            IntakeApi.Intake done = intake.completeIntake(clientId, form.toRequest(slots));
            return ClientPages.seeOther("/clients/" + clientId + "/intakes/" + done.id() + "?done=completed");
        } catch (ServiceFailure e) {
            if (e.status() == 409) {
                // The clinician asked for has no room left: say so and keep everything typed.
                String why = e.problem().detail() == null ? "The clinician asked for cannot take this client."
                        : e.problem().detail();
                return Response.status(409).entity(Templates.intake(page(clientId, form, FieldErrors.NONE, why))).build();
            }
            if (!e.isInvalidInput()) {
                throw e;
            }
            FieldErrors errors = FieldErrors.of(e.problem()).and(form.unanswered(slots))
                    .placed(IntakeForm.places(slots));
            return Response.status(400).entity(Templates.intake(page(clientId, form, errors, null))).build();
        }
    }

    /** The running score of one instrument of the form (htmx, on every change of an answer). */
    @POST
    @Path("clients/{clientId}/intake/score")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public TemplateInstance score(@QueryParam("slot") int slot, @BeanParam IntakeForm form) {
        List<IntakeForm.Slot> slots = form.slots(definitions(form.codes()));
        if (slot < 0 || slot >= slots.size()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Templates.score(slots.get(slot));
    }

    @GET
    @Path("clients/{clientId}/intakes/{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public TemplateInstance result(@PathParam("clientId") String clientId, @PathParam("id") String id,
                                   @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "completed" -> "The intake is complete.";
            case "priority" -> "The priority is changed; the reason is kept with the intake.";
            default -> null;
        };
        return resultPage(clientId, intake.intake(clientId, id), FieldErrors.NONE, notice);
    }

    @POST
    @Path("clients/{clientId}/intakes/{id}/priority")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public Response overridePriority(@PathParam("clientId") String clientId, @PathParam("id") String id,
                                     @RestForm String priority, @RestForm String reason) {
        try {
            intake.overridePriority(clientId, id, new IntakeApi.PriorityOverride(Forms.orNull(priority),
                    Forms.orNull(reason)));
            return ClientPages.seeOther("/clients/" + clientId + "/intakes/" + id + "?done=priority");
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(resultPage(clientId, intake.intake(clientId, id),
                    FieldErrors.of(e.problem()), null)).build();
        }
    }

    /** Form addresses opened with GET (after signing in again mid-POST) go back to their page. */
    @GET
    @Path("clients/{clientId}/intakes/{id}/priority")
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public Response backToResult(@PathParam("clientId") String clientId, @PathParam("id") String id) {
        return ClientPages.seeOther("/clients/" + clientId + "/intakes/" + id);
    }

    @GET
    @Path("clients/{clientId}/intake/score")
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public Response backToForm(@PathParam("clientId") String clientId) {
        return ClientPages.seeOther("/clients/" + clientId + "/intake");
    }

    private TemplateInstance resultPage(String clientId, IntakeApi.Intake result, FieldErrors errors, String notice) {
        IntakeApi.Client client;
        try {
            client = intake.client(clientId);
        } catch (ServiceFailure notVisible) {
            client = null;
        }
        List<IntakeApi.Waiting> waitlist = List.of();
        if (result.waitlistPosition() != null || (client != null && client.waitlisted())) {
            try {
                waitlist = intake.waitlist().stream().filter(w -> clientId.equals(w.clientId())).toList();
            } catch (ServiceFailure e) {
                waitlist = List.of();
            }
        }
        return Templates.intakeResult(result, client, waitlist, IntakeApi.PRIORITIES, errors, notice);
    }

    private Page page(String clientId, IntakeForm form, FieldErrors errors, String problem) {
        IntakeApi.Client client = intake.client(clientId);
        List<IntakeApi.InstrumentSummary> catalog = intake.instruments().stream()
                .filter(IntakeApi.InstrumentSummary::latest).toList();
        List<IntakeApi.Clinician> clinicians = intake.clinicians().stream().filter(IntakeApi.Clinician::active).toList();
        List<IntakeForm.Slot> slots = form.slots(definitions(form.codes()));
        return new Page(client, form, slots, catalog, clinicians, errors, problem);
    }

    /** The definitions of the chosen instruments, in the order chosen; unknown codes are left out. */
    private List<IntakeApi.Instrument> definitions(List<String> codes) {
        List<IntakeApi.Instrument> found = new ArrayList<>();
        for (String code : codes) {
            try {
                found.add(intake.instrument(code));
            } catch (ServiceFailure e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        return found;
    }
}
