package care.securebase.portal.pages;

import care.securebase.portal.PortalConfig;
import care.securebase.portal.api.ClinicalApi;
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

/**
 * Episodes of care (sessions-service): the list, and one episode around its timeline, with its
 * sessions, flags, phase moves, maintenance plan and booster schedule.
 */
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

        static native TemplateInstance show(EpisodeView view, MaintenanceForm form, FormErrors errors,
                                            SessionForm sessionForm, String notice, String problem);
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

    /**
     * Everything the episode page shows besides its forms: the episode, the client's name, the
     * maintenance plan, the timeline (with the intake summary at its start), the sessions and the
     * open flags.
     */
    public record EpisodeView(SessionsApi.Episode episode, String clientName, SessionsApi.MaintenancePlan plan,
                              Timeline timeline, List<ClinicalApi.Session> sessions, List<ClinicalApi.Flag> flags,
                              Instant now, java.time.ZoneId zone, String checkIns) {
        public boolean planInForce() {
            return plan != null && plan.endedAt() == null && SessionsApi.MAINTENANCE.equals(episode.phase());
        }

        public boolean open() {
            return !SessionsApi.DISCHARGED.equals(episode.phase());
        }

        /** A scheduled booster can be recorded as attended or missed once its day has come. */
        public boolean recordable(SessionsApi.Booster b) {
            return "SCHEDULED".equals(b.status()) && b.dueAt() != null
                    && b.dueAt().isBefore(now.plus(java.time.Duration.ofHours(12)));
        }

        public boolean hasRisk() {
            return flags.stream().anyMatch(f -> "RISK".equals(f.kind()));
        }

        public List<String> modalities() {
            return ClinicalApi.SESSION_MODALITIES;
        }

        public List<String> attendeeRoles() {
            return ClinicalApi.ATTENDEE_ROLES;
        }

        /** An instant as the value of a date field: its day in the portal's zone. */
        public String dateInput(Instant at) {
            return at == null ? "" : at.atZone(zone).toLocalDate().toString();
        }

        public String flagKind(ClinicalApi.Flag f) {
            return CaseloadPages.FlagWords.kind(f.kind());
        }

        public String flagDetail(ClinicalApi.Flag f) {
            return CaseloadPages.FlagWords.detail(f.kind(), f.detail());
        }
    }

    private final SessionsApi sessions;
    private final ClinicalApi clinical;
    private final ClientNames names;
    private final ReferralPrograms programs;
    private final PortalConfig config;

    public EpisodePages(@RestClient SessionsApi sessions, @RestClient ClinicalApi clinical, ClientNames names,
                        ReferralPrograms programs, PortalConfig config) {
        this.sessions = sessions;
        this.clinical = clinical;
        this.names = names;
        this.programs = programs;
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
            case "boosters" -> "The booster schedule is saved.";
            case "booster" -> "The booster is recorded.";
            case "session" -> "The session is booked.";
            case "status" -> "The session is updated.";
            case "flag" -> "The flag is cleared.";
            case "warnings" -> "The warning signs are recorded and flagged on the caseload.";
            default -> null;
        };
        return page(sessions.episode(id), MaintenanceForm.blank(config), FormErrors.NONE, notice, null);
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
            return refused(id, e, MaintenanceForm.blank(config), new FormErrors(form, FieldErrors.of(e.problem())));
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
    @Path("{id}/{form: phase|maintenance|boosters|sessions|warning-signs}")
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

    /** Edit the booster schedule of the plan in force: moved dates, cleared ones (cancelled), new ones. */
    @POST
    @Path("{id}/boosters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response editBoosters(@PathParam("id") String id, @RestForm List<String> boosterId,
                                 @RestForm List<String> boosterDate) {
        List<ClinicalApi.BoosterSlot> slots = new ArrayList<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        List<String> dates = boosterDate == null ? List.of() : boosterDate;
        for (int i = 0; i < dates.size(); i++) {
            String date = Forms.orNull(dates.get(i));
            String boosterOf = boosterId != null && i < boosterId.size() ? Forms.orNull(boosterId.get(i)) : null;
            if (date == null) {
                continue;
            }
            try {
                slots.add(new ClinicalApi.BoosterSlot(boosterOf, LocalDate.parse(date).atTime(BOOSTER_TIME)
                        .atZone(config.timeZone()).toInstant()));
            } catch (DateTimeParseException e) {
                unreadable.put("boosterDate[" + i + "]", "must be a date such as 2030-01-15");
            }
        }
        if (!unreadable.isEmpty()) {
            return Response.status(400).entity(page(sessions.episode(id), MaintenanceForm.blank(config),
                    new FormErrors("boosters", FieldErrors.of(unreadable)), null, null)).build();
        }
        try {
            clinical.editBoosters(id, new ClinicalApi.BoosterSchedule(slots));
            return ClientPages.seeOther("/episodes/" + id + "?done=boosters");
        } catch (ServiceFailure e) {
            return refused(id, e, MaintenanceForm.blank(config), new FormErrors("boosters", FieldErrors.of(e.problem())));
        }
    }

    /** The client came to a booster, or missed it (which raises a flag). */
    @POST
    @Path("{id}/boosters/{boosterId}/{outcome: attended|missed}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response recordBooster(@PathParam("id") String id, @PathParam("boosterId") String boosterId,
                                  @PathParam("outcome") String outcome) {
        try {
            if ("attended".equals(outcome)) {
                clinical.boosterAttended(boosterId);
            } else {
                clinical.boosterMissed(boosterId);
            }
            return ClientPages.seeOther("/episodes/" + id + "?done=booster");
        } catch (ServiceFailure e) {
            return refused(id, e, MaintenanceForm.blank(config), FormErrors.NONE);
        }
    }

    /** The client reported some of the plan's relapse warning signs: a flag for the caseload. */
    @POST
    @Path("{id}/warning-signs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response warningSigns(@PathParam("id") String id, @RestForm List<Integer> reported) {
        if (reported == null || reported.isEmpty()) {
            return Response.status(400).entity(page(sessions.episode(id), MaintenanceForm.blank(config),
                    new FormErrors("warnings", FieldErrors.of(Map.of("reported", "tick the signs the client reported"))),
                    null, null)).build();
        }
        try {
            clinical.warningSigns(id, new ClinicalApi.WarningSigns(reported));
            return ClientPages.seeOther("/episodes/" + id + "?done=warnings");
        } catch (ServiceFailure e) {
            return refused(id, e, MaintenanceForm.blank(config), new FormErrors("warnings", FieldErrors.of(e.problem())));
        }
    }

    /** Book a session of the episode. */
    @POST
    @Path("{id}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response schedule(@PathParam("id") String id, @BeanParam SessionForm form) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        ClinicalApi.NewSession request = form.toRequest(config, unreadable);
        if (!unreadable.isEmpty()) {
            return Response.status(400).entity(page(sessions.episode(id), MaintenanceForm.blank(config),
                    new FormErrors("session", FieldErrors.of(unreadable).placed(SessionForm.PLACES)), form, null,
                    null)).build();
        }
        try {
            clinical.schedule(id, request);
            return ClientPages.seeOther("/episodes/" + id + "?done=session#sessions-heading");
        } catch (ServiceFailure e) {
            if (e.isInvalidInput()) {
                return Response.status(400).entity(page(sessions.episode(id), MaintenanceForm.blank(config),
                        new FormErrors("session", FieldErrors.of(e.problem()).placed(SessionForm.PLACES)), form,
                        null, null)).build();
            }
            return refused(id, e, MaintenanceForm.blank(config), FormErrors.NONE);
        }
    }

    /** What became of a booked session: attended, cancelled or no-show. */
    @POST
    @Path("{id}/sessions/{sessionId}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response sessionStatus(@PathParam("id") String id, @PathParam("sessionId") String sessionId,
                                  @RestForm String status) {
        try {
            clinical.sessionStatus(sessionId, new ClinicalApi.StatusChange(Forms.orNull(status)));
            return ClientPages.seeOther("/episodes/" + id + "?done=status#sessions-heading");
        } catch (ServiceFailure e) {
            return refused(id, e, MaintenanceForm.blank(config), FormErrors.NONE);
        }
    }

    private TemplateInstance page(SessionsApi.Episode episode, MaintenanceForm form, FormErrors errors,
                                  String notice, String problem) {
        return page(episode, form, errors, SessionForm.blank(episode), notice, problem);
    }

    private TemplateInstance page(SessionsApi.Episode episode, MaintenanceForm form, FormErrors errors,
                                  SessionForm sessionForm, String notice, String problem) {
        List<ClinicalApi.TimelineEntry> entries = clinical.timeline(episode.id());
        List<ClinicalApi.Session> booked = clinical.sessions(episode.id());
        List<ClinicalApi.Flag> flags = clinical.flags(episode.id(), true);
        EpisodeView view = new EpisodeView(episode, names.of(episode.clientId()), planOf(episode),
                Timeline.of(episode, entries, programs::of), booked, flags, Instant.now(), config.timeZone(),
                checkInsOf(episode));
        return Templates.show(view, form, errors, sessionForm, notice, problem);
    }

    /** The check-in schedule in words, or null when the episode has none. */
    private String checkInsOf(SessionsApi.Episode episode) {
        try {
            return CheckInPages.describe(clinical.checkInSchedule(episode.id()));
        } catch (ServiceFailure e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
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

        /** Boosters suggested 1, 3, 6 and 12 months from today, for the clinician to change or clear. */
        static MaintenanceForm blank(PortalConfig config) {
            MaintenanceForm form = new MaintenanceForm();
            LocalDate today = LocalDate.now(config.timeZone());
            form.boosters = new ArrayList<>(List.of(today.plusMonths(1).toString(), today.plusMonths(3).toString(),
                    today.plusMonths(6).toString(), today.plusMonths(12).toString()));
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
