package care.securebase.portal.pages;

import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.api.SessionsApi;
import care.securebase.portal.web.FieldErrors;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * An episode's treatment plan: the current version (or an earlier one), every version with what it
 * changed, and the review form that writes a new version.
 */
@Path("/episodes/{id}/treatment-plan")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class PlanPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(SessionsApi.Episode episode, String clientName,
                                            ClinicalApi.TreatmentPlanView shown, boolean current,
                                            List<ClinicalApi.VersionSummary> versions, String notice);

        static native TemplateInstance edit(SessionsApi.Episode episode, String clientName, Integer version,
                                            PlanForm form, FieldErrors errors, List<String> statuses,
                                            List<String> kinds, String problem);
    }

    private final SessionsApi sessions;
    private final ClinicalApi clinical;
    private final ClientNames names;

    public PlanPages(@RestClient SessionsApi sessions, @RestClient ClinicalApi clinical, ClientNames names) {
        this.sessions = sessions;
        this.clinical = clinical;
        this.names = names;
    }

    @GET
    public TemplateInstance plan(@PathParam("id") String id, @QueryParam("version") Integer version,
                                 @QueryParam("done") String done) {
        SessionsApi.Episode episode = sessions.episode(id);
        ClinicalApi.TreatmentPlanView current = current(id);
        ClinicalApi.TreatmentPlanView shown = current;
        if (version != null && current != null && version != current.version()) {
            shown = clinical.treatmentPlanVersion(id, version);
        }
        List<ClinicalApi.VersionSummary> versions = current == null ? List.of() : clinical.treatmentPlanVersions(id);
        return Templates.plan(episode, names.of(episode.clientId()), shown, shown == current, versions,
                "saved".equals(done) ? "The plan is saved as a new version." : null);
    }

    @GET
    @Path("edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        SessionsApi.Episode episode = sessions.episode(id);
        ClinicalApi.TreatmentPlanView current = current(id);
        return page(episode, current, PlanForm.of(current == null ? null : current.plan()), FieldErrors.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") String id, @BeanParam PlanForm form) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        ClinicalApi.TreatmentPlan plan = form.toPlan(unreadable);
        if (!unreadable.isEmpty()) {
            SessionsApi.Episode episode = sessions.episode(id);
            return Response.status(400).entity(page(episode, current(id), form,
                    FieldErrors.of(unreadable).placed(form.places()), null)).build();
        }
        try {
            clinical.reviseTreatmentPlan(id, plan);
            return ClientPages.seeOther("/episodes/" + id + "/treatment-plan?done=saved");
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput() && e.status() != 409) {
                throw e;
            }
            SessionsApi.Episode episode = sessions.episode(id);
            return Response.status(e.status()).entity(page(episode, current(id), form,
                    e.isInvalidInput() ? FieldErrors.of(e.problem()).placed(form.places()) : FieldErrors.NONE,
                    e.isInvalidInput() ? null : e.problem().detail())).build();
        }
    }

    private TemplateInstance page(SessionsApi.Episode episode, ClinicalApi.TreatmentPlanView current, PlanForm form,
                                  FieldErrors errors, String problem) {
        return Templates.edit(episode, names.of(episode.clientId()), current == null ? null : current.version(), form,
                errors, ClinicalApi.OBJECTIVE_STATUSES, ClinicalApi.INTERVENTION_KINDS, problem);
    }

    private ClinicalApi.TreatmentPlanView current(String id) {
        try {
            return clinical.treatmentPlan(id);
        } catch (ServiceFailure e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }
}
