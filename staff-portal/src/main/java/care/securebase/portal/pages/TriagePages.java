package care.securebase.portal.pages;

import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.api.ServiceFailure;
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
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/** Who waits for a place, who needs attention today, and who can take clients (intake-service). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TriagePages {

    /** The urgent queue shows this many high-risk clients; more than that is a matter for the clinic's lead. */
    static final int URGENT_LIMIT = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance waitlist(List<IntakeApi.Waiting> waiting);

        static native TemplateInstance urgent(List<IntakeApi.Waiting> waitingUrgent, List<IntakeApi.Client> highRisk,
                                              long highRiskTotal);

        static native TemplateInstance clinicians(List<IntakeApi.Clinician> clinicians, ClinicianForm form,
                                                  String editing, FieldErrors errors, String notice);
    }

    private final IntakeApi intake;

    public TriagePages(@RestClient IntakeApi intake) {
        this.intake = intake;
    }

    @GET
    @Path("waitlist")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    public TemplateInstance waitlist() {
        return Templates.waitlist(intake.waitlist());
    }

    /**
     * Urgent first: clients waiting with URGENT priority, and every client whose intake raised a
     * HIGH risk flag (assigned or not), so nobody at risk sits unseen.
     */
    @GET
    @Path("urgent")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    public TemplateInstance urgent() {
        List<IntakeApi.Waiting> waiting = intake.waitlist().stream().filter(w -> "URGENT".equals(w.priority())).toList();
        RestResponse<List<IntakeApi.Client>> high = intake.clients(null, null, "HIGH", null, 0, URGENT_LIMIT);
        List<IntakeApi.Client> clients = high.getEntity() == null ? List.of() : high.getEntity().stream()
                .filter(c -> !"DISCHARGED".equals(c.status())).toList();
        return Templates.urgent(waiting, clients, ClientPages.total(high, clients.size()));
    }

    @GET
    @Path("clinicians")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    public TemplateInstance clinicians(@QueryParam("done") String done, @QueryParam("edit") String edit) {
        String notice = "saved".equals(done) ? "The clinician's record is saved." : null;
        List<IntakeApi.Clinician> all = intake.clinicians();
        ClinicianForm form = all.stream().filter(c -> c.id().equals(edit)).findFirst()
                .map(ClinicianForm::of).orElseGet(ClinicianForm::blank);
        return Templates.clinicians(all, form, form.id, FieldErrors.NONE, notice);
    }

    /** Add a clinician or change one (caseload limit, on call, active); the id is their login name. */
    @POST
    @Path("clinicians")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response save(@BeanParam ClinicianForm form) {
        String id = Forms.orNull(form.id);
        try {
            if (id == null) {
                return Response.status(400).entity(Templates.clinicians(intake.clinicians(), form, null,
                        FieldErrors.of(java.util.Map.of("id", "is required: the clinician's login name, e.g. clara")),
                        null)).build();
            }
            intake.saveClinician(id, form.toRequest());
            return ClientPages.seeOther("/clinicians?done=saved");
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput() && e.status() != 404) {
                throw e;
            }
            // 404: an id that does not fit the service's pattern never reaches its resource.
            FieldErrors errors = e.status() == 404
                    ? FieldErrors.of(java.util.Map.of("id", "use lower-case letters, digits, dots, dashes or underscores"))
                    : FieldErrors.of(e.problem());
            return Response.status(400).entity(Templates.clinicians(intake.clinicians(), form, id, errors, null)).build();
        }
    }

    /** One clinician's record in the form; the checkboxes send "true" when ticked and nothing otherwise. */
    public static class ClinicianForm {
        @RestForm public String id;
        @RestForm public String displayName;
        @RestForm public String caseloadLimit;
        @RestForm public String onCall;
        @RestForm public String active;

        static ClinicianForm blank() {
            ClinicianForm form = new ClinicianForm();
            form.caseloadLimit = "20";
            form.active = "true";
            return form;
        }

        static ClinicianForm of(IntakeApi.Clinician c) {
            ClinicianForm form = new ClinicianForm();
            form.id = c.id();
            form.displayName = c.displayName();
            form.caseloadLimit = String.valueOf(c.caseloadLimit());
            form.onCall = c.onCall() ? "true" : null;
            form.active = c.active() ? "true" : null;
            return form;
        }

        public boolean isOnCall() {
            return "true".equals(onCall);
        }

        public boolean isActive() {
            return "true".equals(active);
        }

        IntakeApi.SaveClinician toRequest() {
            Integer limit;
            try {
                limit = caseloadLimit == null || caseloadLimit.isBlank() ? null : Integer.valueOf(caseloadLimit.strip());
            } catch (NumberFormatException e) {
                limit = -1; // refused by the service as out of range, named caseloadLimit
            }
            return new IntakeApi.SaveClinician(Forms.orNull(displayName), limit == null ? 0 : limit, isOnCall(),
                    isActive());
        }
    }
}
