package care.securebase.portal.pages;

import care.securebase.portal.PortalConfig;
import care.securebase.portal.api.SessionsApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
import care.securebase.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** Episodes of care (sessions-service): the list, one episode, its phase moves and its maintenance plan. */
@Path("/episodes")
@Produces(MediaType.TEXT_HTML)
public class EpisodePages {

    static final int PAGE_SIZE = 20;
    /** Up to four booster dates, as the service's default schedule has four. */
    static final int BOOSTER_FIELDS = 4;
    /** Booster dates are picked as days; the session is booked for this time of day, local time. */
    static final LocalTime BOOSTER_TIME = LocalTime.of(10, 0);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<SessionsApi.Episode> episodes, String clientId, int page,
                                            boolean hasNext);

        static native TemplateInstance show(SessionsApi.Episode episode, SessionsApi.MaintenancePlan plan,
                                            MaintenanceForm form, FormErrors errors, String notice, String problem);
    }

    /**
     * The field errors of the one form that was sent (treat, maintenance or discharge): the page has
     * several, and two of them have a {@code reason}.
     */
    public record FormErrors(String form, FieldErrors errors) {
        static final FormErrors NONE = new FormErrors("", FieldErrors.NONE);

        public FieldErrors of(String name) {
            return name.equals(form) ? errors : FieldErrors.NONE;
        }
    }

    private final SessionsApi sessions;
    private final PortalConfig config;

    public EpisodePages(@RestClient SessionsApi sessions, PortalConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public TemplateInstance list(@QueryParam("clientId") String clientId,
                                 @QueryParam("page") @DefaultValue("0") int page) {
        int current = Math.max(page, 0);
        String client = Forms.orNull(clientId);
        List<SessionsApi.Episode> episodes = sessions.episodes(client, current, PAGE_SIZE);
        return Templates.list(episodes, client, current, episodes.size() == PAGE_SIZE);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "phase" -> "The episode's phase has changed.";
            case "maintenance" -> "The maintenance plan is agreed and the boosters are booked.";
            default -> null;
        };
        return page(sessions.episode(id), MaintenanceForm.blank(), FormErrors.NONE, notice, null);
    }

    /** Start (or return to) active treatment, or discharge; the service says which moves are allowed. */
    @POST
    @Path("{id}/phase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response changePhase(@PathParam("id") String id, @RestForm String phase, @RestForm String reason) {
        try {
            sessions.changePhase(id, new SessionsApi.PhaseChange(Forms.orNull(phase), Forms.orNull(reason)));
            return ClientPages.seeOther("/episodes/" + id + "?done=phase");
        } catch (ServiceFailure e) {
            String form = SessionsApi.DISCHARGED.equals(phase) ? "discharge" : "treat";
            return refused(id, e, MaintenanceForm.blank(), new FormErrors(form, FieldErrors.of(e.problem())));
        }
    }

    @POST
    @Path("{id}/maintenance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response startMaintenance(@PathParam("id") String id, @BeanParam MaintenanceForm form) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        List<Instant> boosters = form.boosterInstants(config, unreadable);
        if (!unreadable.isEmpty()) {
            return Response.status(400).entity(page(sessions.episode(id), form,
                    new FormErrors("maintenance", FieldErrors.of(unreadable)), null, null)).build();
        }
        try {
            sessions.startMaintenance(id, new SessionsApi.StartMaintenance(Forms.lines(form.relapseWarningSigns),
                    Forms.lines(form.copingTools), Forms.lines(form.supports), boosters));
            return ClientPages.seeOther("/episodes/" + id + "?done=maintenance");
        } catch (ServiceFailure e) {
            return refused(id, e, form, new FormErrors("maintenance", FieldErrors.of(e.problem())));
        }
    }

    /**
     * A form's address opened with GET: after the session ran out during a POST, the login comes back
     * to the address it was sent to, as a GET. Back to the episode, where the form is.
     */
    @GET
    @Path("{id}/{form: phase|maintenance}")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public Response backToEpisode(@PathParam("id") String id) {
        return ClientPages.seeOther("/episodes/" + id);
    }

    /** A refused move: the episode page again, with the service's reasons next to the form. */
    private Response refused(String id, ServiceFailure e, MaintenanceForm form, FormErrors errors) {
        if (e.status() == 409) {
            return Response.status(409).entity(page(sessions.episode(id), form, FormErrors.NONE, null,
                    e.problem().detail() == null ? "That change is not possible in the episode's current phase."
                            : e.problem().detail())).build();
        }
        if (!e.isInvalidInput()) {
            throw e;
        }
        return Response.status(400).entity(page(sessions.episode(id), form, errors, null, null)).build();
    }

    private TemplateInstance page(SessionsApi.Episode episode, MaintenanceForm form, FormErrors errors,
                                  String notice, String problem) {
        return Templates.show(episode, planOf(episode), form, errors, notice, problem);
    }

    /** The newest maintenance plan, asked for only of an episode that has been in maintenance. */
    private SessionsApi.MaintenancePlan planOf(SessionsApi.Episode episode) {
        boolean everMaintained = SessionsApi.MAINTENANCE.equals(episode.phase())
                || episode.history().stream().anyMatch(s -> SessionsApi.MAINTENANCE.equals(s.to()));
        if (!everMaintained) {
            return null;
        }
        try {
            return sessions.maintenance(episode.id());
        } catch (ServiceFailure e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Warning signs, coping tools and supports as textareas with one entry per line; booster days optional. */
    public static class MaintenanceForm {
        @RestForm public String relapseWarningSigns;
        @RestForm public String copingTools;
        @RestForm public String supports;
        @RestForm public List<String> boosters;

        static MaintenanceForm blank() {
            MaintenanceForm form = new MaintenanceForm();
            form.boosters = new ArrayList<>();
            return form;
        }

        /** The booster date fields, filled with what was sent. */
        public List<String> boosterDates() {
            List<String> dates = new ArrayList<>();
            for (int i = 0; i < BOOSTER_FIELDS; i++) {
                dates.add(boosters != null && i < boosters.size() && boosters.get(i) != null ? boosters.get(i) : "");
            }
            return dates;
        }

        /**
         * The dates given, as instants at {@link #BOOSTER_TIME} in the portal's zone; none given means
         * the service's default schedule. A date that cannot be read is named {@code boosters[i]}.
         */
        List<Instant> boosterInstants(PortalConfig config, Map<String, String> unreadable) {
            List<Instant> instants = new ArrayList<>();
            List<String> dates = boosterDates();
            for (int i = 0; i < dates.size(); i++) {
                String date = dates.get(i).strip();
                if (date.isEmpty()) {
                    continue;
                }
                try {
                    instants.add(LocalDate.parse(date).atTime(BOOSTER_TIME).atZone(config.timeZone()).toInstant());
                } catch (DateTimeParseException e) {
                    unreadable.put("boosters[" + i + "]", "must be a date such as 2030-01-15");
                }
            }
            return instants.isEmpty() ? null : instants;
        }
    }
}
