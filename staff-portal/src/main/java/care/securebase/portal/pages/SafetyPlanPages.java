package care.securebase.portal.pages;

import care.securebase.portal.api.ClinicalApi;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A client's safety plan (Stanley-Brown steps): the current version or an earlier one, the versions,
 * a new version, and the printable page. The printable page is sessions-service's own, passed
 * through: the portal keeps nothing.
 */
@Path("/clients/{clientId}/safety-plan")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class SafetyPlanPages {

    /** Empty contact rows offered after the plan's own. */
    static final int SPARE_ROWS = 2;
    static final List<String> GROUPS = List.of("peopleAndPlaces", "helpers", "professionals");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance safetyPlan(String clientId, String clientName, String episodeId,
                                                  ClinicalApi.SafetyPlanView shown, boolean current,
                                                  List<ClinicalApi.VersionSummary> versions, String notice);

        static native TemplateInstance editSafetyPlan(String clientId, String clientName, String episodeId,
                                                      Integer version, SafetyPlanForm form, FieldErrors errors,
                                                      String problem);
    }

    private final ClinicalApi clinical;
    private final ClientNames names;

    public SafetyPlanPages(@RestClient ClinicalApi clinical, ClientNames names) {
        this.clinical = clinical;
        this.names = names;
    }

    @GET
    public TemplateInstance show(@PathParam("clientId") String clientId, @QueryParam("version") Integer version,
                                 @QueryParam("episodeId") String episodeId, @QueryParam("done") String done) {
        ClinicalApi.SafetyPlanView current = current(clientId);
        ClinicalApi.SafetyPlanView shown = current;
        if (version != null && current != null && version != current.version()) {
            shown = clinical.safetyPlanVersion(clientId, version);
        }
        List<ClinicalApi.VersionSummary> versions = current == null ? List.of() : clinical.safetyPlanVersions(clientId);
        return Templates.safetyPlan(clientId, names.of(clientId), Forms.orNull(episodeId), shown, shown == current,
                versions, "saved".equals(done) ? "The safety plan is saved as a new version." : null);
    }

    @GET
    @Path("edit")
    public TemplateInstance edit(@PathParam("clientId") String clientId, @QueryParam("episodeId") String episodeId) {
        ClinicalApi.SafetyPlanView current = current(clientId);
        return Templates.editSafetyPlan(clientId, names.of(clientId), Forms.orNull(episodeId),
                current == null ? null : current.version(), SafetyPlanForm.of(current == null ? null : current.plan()),
                FieldErrors.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("clientId") String clientId, @BeanParam SafetyPlanForm form) {
        String back = Forms.orNull(form.episodeId) == null ? "" : "&episodeId=" + form.episodeId.strip();
        try {
            clinical.reviseSafetyPlan(clientId, form.toPlan());
            return ClientPages.seeOther("/clients/" + clientId + "/safety-plan?done=saved" + back);
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput() && e.status() != 409) {
                throw e;
            }
            ClinicalApi.SafetyPlanView current = current(clientId);
            return Response.status(e.status()).entity(Templates.editSafetyPlan(clientId, names.of(clientId),
                    Forms.orNull(form.episodeId), current == null ? null : current.version(), form,
                    e.isInvalidInput() ? FieldErrors.of(e.problem()).placed(form.places()) : FieldErrors.NONE,
                    e.isInvalidInput() ? null : e.problem().detail())).build();
        }
    }

    /** The service's printable page as it is (its own print styles, no navigation). */
    @GET
    @Path("print")
    public Response print(@PathParam("clientId") String clientId) {
        return Response.ok(clinical.safetyPlanPrint(clientId), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    private ClinicalApi.SafetyPlanView current(String clientId) {
        try {
            return clinical.safetyPlan(clientId);
        } catch (ServiceFailure e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The plan's six steps: lists as textareas (one entry per line), contacts as rows of name and
     * number. The service's field errors ({@code professionals}, {@code helpers[1].name}) are shown
     * by step.
     */
    public static class SafetyPlanForm {
        @RestForm public String episodeId;
        @RestForm public String warningSigns;
        @RestForm public String copingStrategies;
        @RestForm public String saferEnvironment;
        @RestForm public List<String> peopleAndPlacesName;
        @RestForm public List<String> peopleAndPlacesContact;
        @RestForm public List<String> helpersName;
        @RestForm public List<String> helpersContact;
        @RestForm public List<String> professionalsName;
        @RestForm public List<String> professionalsContact;

        public record ContactRow(String group, int index, String name, String contact) {
        }

        static SafetyPlanForm of(ClinicalApi.SafetyPlan plan) {
            SafetyPlanForm form = new SafetyPlanForm();
            if (plan != null) {
                form.warningSigns = Forms.joinLines(plan.warningSigns());
                form.copingStrategies = Forms.joinLines(plan.copingStrategies());
                form.saferEnvironment = Forms.joinLines(plan.saferEnvironment());
                form.peopleAndPlacesName = names(plan.peopleAndPlaces());
                form.peopleAndPlacesContact = contacts(plan.peopleAndPlaces());
                form.helpersName = names(plan.helpers());
                form.helpersContact = contacts(plan.helpers());
                form.professionalsName = names(plan.professionals());
                form.professionalsContact = contacts(plan.professionals());
            }
            return form;
        }

        public List<String> groups() {
            return GROUPS;
        }

        public List<ContactRow> rows(String group) {
            List<String> n = switch (group) {
                case "peopleAndPlaces" -> peopleAndPlacesName;
                case "helpers" -> helpersName;
                default -> professionalsName;
            };
            List<String> c = switch (group) {
                case "peopleAndPlaces" -> peopleAndPlacesContact;
                case "helpers" -> helpersContact;
                default -> professionalsContact;
            };
            int count = Math.max(n == null ? 0 : n.size(), c == null ? 0 : c.size());
            List<ContactRow> rows = new ArrayList<>();
            for (int i = 0; i < count + SPARE_ROWS; i++) {
                rows.add(new ContactRow(group, i, at(n, i), at(c, i)));
            }
            return rows;
        }

        /** Rows with a name, in order; a number without a name is sent too, for the service to refuse. */
        private List<ClinicalApi.Contact> contactsOf(String group) {
            List<ClinicalApi.Contact> out = new ArrayList<>();
            for (ContactRow row : rows(group)) {
                if (!Forms.allBlank(row.name(), row.contact())) {
                    out.add(new ClinicalApi.Contact(Forms.orNull(row.name()), Forms.orNull(row.contact())));
                }
            }
            return out;
        }

        ClinicalApi.SafetyPlan toPlan() {
            return new ClinicalApi.SafetyPlan(Forms.lines(warningSigns), Forms.lines(copingStrategies),
                    contactsOf("peopleAndPlaces"), contactsOf("helpers"), contactsOf("professionals"),
                    Forms.lines(saferEnvironment));
        }

        Map<String, FieldErrors.Place> places() {
            Map<String, FieldErrors.Place> places = new LinkedHashMap<>();
            places.put("peopleAndPlaces", new FieldErrors.Place("People and places", "peopleAndPlaces"));
            places.put("helpers", new FieldErrors.Place("People to ask for help", "helpers"));
            places.put("professionals", new FieldErrors.Place("Professionals and crisis lines", "professionals"));
            return places;
        }

        private static List<String> names(List<ClinicalApi.Contact> contacts) {
            return new ArrayList<>(contacts.stream().map(ClinicalApi.Contact::name).toList());
        }

        private static List<String> contacts(List<ClinicalApi.Contact> contacts) {
            return new ArrayList<>(contacts.stream().map(c -> c.contact() == null ? "" : c.contact()).toList());
        }

        private static String at(List<String> list, int i) {
            return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
        }
    }
}
