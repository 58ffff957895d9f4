package care.securebase.portal.pages;

import care.securebase.portal.PortalConfig;
import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.api.Problem;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.api.SessionsApi;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Formats;
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
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An episode's check-ins (sessions-service): the schedule that sends the client a link to answer
 * instruments at home (set, change, stop), what was sent, answered and missed, and one check-in's
 * answers. The answers are clinical content: sessions-service records each read, as for notes.
 */
@Path("/episodes/{id}/check-ins")
@Produces(MediaType.TEXT_HTML)
public class CheckInPages {

    static final int PAGE_SIZE = 20;
    static final String DEFAULT_INSTRUMENT = "PHQ-9";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkIns(SessionsApi.Episode episode, String clientName,
                                                ClinicalApi.CheckInSchedule schedule, ScheduleForm form,
                                                List<IntakeApi.InstrumentSummary> catalog, boolean catalogMissing,
                                                List<Row> rows, long total, int page, boolean hasNext,
                                                FieldErrors errors, String notice, String problem);

        static native TemplateInstance answers(SessionsApi.Episode episode, String clientName,
                                               ClinicalApi.CheckInAnswers checkIn);
    }

    /** One check-in in the list, its status and flags in words. */
    public record Row(ClinicalApi.CheckInRow checkIn) {
        public String status() {
            return status(checkIn.status());
        }

        static String status(String status) {
            return switch (status == null ? "" : status) {
                case "DUE" -> "Due, not sent yet";
                case "SENT" -> "Sent, waiting";
                case "ANSWERED" -> "Answered";
                case "EXPIRED" -> "Missed";
                case "CANCELLED" -> "Called off";
                default -> Formats.label(status);
            };
        }

        public boolean answered() {
            return "ANSWERED".equals(checkIn.status());
        }

        /** "PHQ-9 14, GAD-7 9". */
        public String totals() {
            List<String> parts = new ArrayList<>();
            checkIn.totals().forEach((code, value) -> parts.add(code + " " + OutcomeChart.number(value)));
            return String.join(", ", parts);
        }

        public List<String> flagWords() {
            return checkIn.flags().stream().map(CaseloadPages.FlagWords::kind).toList();
        }
    }

    private final SessionsApi sessions;
    private final ClinicalApi clinical;
    private final IntakeApi intake;
    private final ClientNames names;
    private final PortalConfig config;

    public CheckInPages(@RestClient SessionsApi sessions, @RestClient ClinicalApi clinical,
                        @RestClient IntakeApi intake, ClientNames names, PortalConfig config) {
        this.sessions = sessions;
        this.clinical = clinical;
        this.intake = intake;
        this.names = names;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public TemplateInstance checkIns(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "schedule" -> "The check-in schedule is saved. The client gets a link when each check-in falls due.";
            case "stopped" -> "The check-in schedule is stopped. No more check-ins will be sent.";
            default -> null;
        };
        ClinicalApi.CheckInSchedule schedule = schedule(id);
        return page(sessions.episode(id), schedule, ScheduleForm.of(schedule, config), Math.max(page, 0),
                FieldErrors.NONE, notice, null);
    }

    /** Set up or change the schedule: the service takes the whole of it each time. */
    @POST
    @Path("schedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response setSchedule(@PathParam("id") String id, @BeanParam ScheduleForm form) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        ClinicalApi.CheckInSchedule request = form.toRequest(unreadable);
        if (!unreadable.isEmpty()) {
            return Response.status(400).entity(page(sessions.episode(id), schedule(id), form, 0,
                    FieldErrors.of(unreadable), null, null)).build();
        }
        try {
            clinical.setCheckInSchedule(id, request);
            return ClientPages.seeOther("/episodes/" + id + "/check-ins?done=schedule");
        } catch (ServiceFailure e) {
            return refused(id, form, e);
        }
    }

    @POST
    @Path("schedule/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response stop(@PathParam("id") String id) {
        try {
            clinical.stopCheckIns(id);
        } catch (ServiceFailure e) {
            // Stopped meanwhile (or ended by discharge): there is nothing left to stop.
            if (e.status() != 404) {
                return refused(id, ScheduleForm.of(schedule(id), config), e);
            }
        }
        return ClientPages.seeOther("/episodes/" + id + "/check-ins?done=stopped");
    }

    /** After the session ran out during a POST, the login comes back to the form's address as a GET. */
    @GET
    @Path("schedule")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public Response backToCheckIns(@PathParam("id") String id) {
        return ClientPages.seeOther("/episodes/" + id + "/check-ins");
    }

    @GET
    @Path("schedule/stop")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public Response backToCheckInsFromStop(@PathParam("id") String id) {
        return ClientPages.seeOther("/episodes/" + id + "/check-ins");
    }

    @GET
    @Path("{checkInId}")
    @RolesAllowed(Roles.CLINICIAN)
    public TemplateInstance answers(@PathParam("id") String id, @PathParam("checkInId") String checkInId) {
        SessionsApi.Episode episode = sessions.episode(id);
        ClinicalApi.CheckInAnswers checkIn = clinical.checkIn(checkInId);
        if (checkIn.episodeId() != null && !checkIn.episodeId().equals(id)) {
            throw new ServiceFailure(SessionsApi.SERVICE, new Problem(null, "Not Found", 404,
                    null, List.of()));
        }
        return Templates.answers(episode, names.of(episode.clientId()), checkIn);
    }

    private Response refused(String id, ScheduleForm form, ServiceFailure e) {
        if (e.isInvalidInput()) {
            return Response.status(400).entity(page(sessions.episode(id), schedule(id), form, 0,
                    FieldErrors.of(e.problem()), null, null)).build();
        }
        if (e.status() == 409) {
            return Response.status(409).entity(page(sessions.episode(id), schedule(id), form, 0, FieldErrors.NONE, null,
                    e.problem().detail() == null ? "Check-ins cannot be scheduled in the episode's current phase."
                            : e.problem().detail())).build();
        }
        throw e;
    }

    private TemplateInstance page(SessionsApi.Episode episode, ClinicalApi.CheckInSchedule schedule, ScheduleForm form,
                                  int page, FieldErrors errors, String notice, String problem) {
        List<ClinicalApi.CheckInRow> found = List.of();
        long total = 0;
        try {
            RestResponse<List<ClinicalApi.CheckInRow>> response = clinical.checkIns(episode.id(), page, PAGE_SIZE);
            found = response.getEntity() == null ? List.of() : response.getEntity();
            total = ClientPages.total(response, page * PAGE_SIZE + found.size());
        } catch (ServiceFailure e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        List<IntakeApi.InstrumentSummary> catalog = List.of();
        boolean catalogMissing = false;
        try {
            catalog = intake.instruments().stream().filter(IntakeApi.InstrumentSummary::latest).toList();
        } catch (ServiceFailure | ProcessingException e) {
            // The schedule's own instruments stay choosable; the others come back with intake-service.
            catalogMissing = true;
        }
        List<IntakeApi.InstrumentSummary> choices = new ArrayList<>(catalog);
        for (String code : form.instruments()) {
            if (choices.stream().noneMatch(c -> c.code().equals(code))) {
                choices.add(new IntakeApi.InstrumentSummary(code, 0, code, true));
            }
        }
        return Templates.checkIns(episode, names.of(episode.clientId()), schedule, form, choices, catalogMissing,
                found.stream().map(Row::new).toList(), total, page, (long) (page + 1) * PAGE_SIZE < total, errors,
                notice, problem);
    }

    /** The episode's schedule, or null when it has none. */
    ClinicalApi.CheckInSchedule schedule(String episodeId) {
        try {
            return clinical.checkInSchedule(episodeId);
        } catch (ServiceFailure e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** In words, for the episode page and this one: "Weekly: PHQ-9, GAD-7, until 1 Mar 2030". */
    public static String describe(ClinicalApi.CheckInSchedule s) {
        if (s == null) {
            return null;
        }
        String often = switch (s.frequency() == null ? "" : s.frequency()) {
            case "WEEKLY" -> "Weekly";
            case "FORTNIGHTLY" -> "Every two weeks";
            case "MONTHLY" -> "Monthly";
            case "DATES" -> "On " + s.givenDates().size() + (s.givenDates().size() == 1 ? " date" : " dates");
            default -> Formats.label(s.frequency());
        };
        List<String> also = new ArrayList<>();
        if (Boolean.TRUE.equals(s.includeWarningSigns())) {
            also.add("warning signs");
        }
        if (Boolean.TRUE.equals(s.includeCopingTools())) {
            also.add("coping tools");
        }
        if (Boolean.TRUE.equals(s.diaryPrompt())) {
            also.add("diary");
        }
        return often + ": " + String.join(", ", s.instruments()) + (also.isEmpty() ? "" : "; " + String.join(", ", also))
                + (s.until() == null ? "" : "; until " + day(s.until()));
    }

    private static String day(String iso) {
        try {
            return Formats.day(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** The schedule form: fields named like the service's JSON; dates one per line. */
    public static class ScheduleForm {
        @RestForm public List<String> instruments;
        @RestForm public String frequency;
        @RestForm public String dates;
        @RestForm public String until;
        @RestForm public String includeWarningSigns;
        @RestForm public String includeCopingTools;
        @RestForm public String diaryPrompt;
        @RestForm public String warningSignThreshold;

        /** The schedule in force, or a weekly PHQ-9 for three months with everything included. */
        static ScheduleForm of(ClinicalApi.CheckInSchedule s, PortalConfig config) {
            ScheduleForm form = new ScheduleForm();
            if (s == null) {
                form.instruments = List.of(DEFAULT_INSTRUMENT);
                form.frequency = "WEEKLY";
                form.until = LocalDate.now(config.timeZone()).plusMonths(3).toString();
                form.includeWarningSigns = "true";
                form.includeCopingTools = "true";
                form.diaryPrompt = "true";
                form.warningSignThreshold = "2";
                return form;
            }
            form.instruments = s.instruments();
            form.frequency = s.frequency();
            form.dates = String.join("\n", s.givenDates());
            form.until = s.until();
            form.includeWarningSigns = String.valueOf(Boolean.TRUE.equals(s.includeWarningSigns()));
            form.includeCopingTools = String.valueOf(Boolean.TRUE.equals(s.includeCopingTools()));
            form.diaryPrompt = String.valueOf(Boolean.TRUE.equals(s.diaryPrompt()));
            form.warningSignThreshold = s.warningSignThreshold() == null ? "" : s.warningSignThreshold().toString();
            return form;
        }

        public List<String> instruments() {
            return instruments == null ? List.of() : instruments;
        }

        public boolean chose(String code) {
            return instruments().contains(code);
        }

        public boolean ticked(String field) {
            return switch (field) {
                case "includeWarningSigns" -> "true".equals(includeWarningSigns);
                case "includeCopingTools" -> "true".equals(includeCopingTools);
                case "diaryPrompt" -> "true".equals(diaryPrompt);
                default -> false;
            };
        }

        public List<String> frequencies() {
            return ClinicalApi.CHECK_IN_FREQUENCIES;
        }

        /** What the service gets; a date or number the portal cannot read is named at its field instead. */
        ClinicalApi.CheckInSchedule toRequest(Map<String, String> unreadable) {
            List<String> chosen = instruments().stream().map(Forms::orNull).filter(c -> c != null).distinct().toList();
            if (chosen.isEmpty()) {
                unreadable.put("instruments", "choose at least one instrument");
            }
            List<String> days = new ArrayList<>();
            List<String> lines = Forms.lines(dates);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    days.add(LocalDate.parse(lines.get(i)).toString());
                } catch (DateTimeParseException e) {
                    unreadable.put("dates", "write one date per line, such as 2030-01-15 (line " + (i + 1) + " is not)");
                }
            }
            if ("DATES".equals(frequency) && days.isEmpty() && !unreadable.containsKey("dates")) {
                unreadable.put("dates", "give the dates of the check-ins, one per line");
            }
            String end = Forms.orNull(until);
            if (end != null) {
                try {
                    end = LocalDate.parse(end).toString();
                } catch (DateTimeParseException e) {
                    unreadable.put("until", "must be a date such as 2030-01-15");
                }
            }
            Integer threshold = null;
            if (Forms.orNull(warningSignThreshold) != null) {
                try {
                    threshold = Integer.valueOf(warningSignThreshold.strip());
                } catch (NumberFormatException e) {
                    unreadable.put("warningSignThreshold", "must be a whole number");
                }
            }
            return new ClinicalApi.CheckInSchedule(chosen, Forms.orNull(frequency),
                    "DATES".equals(frequency) ? days : null, end, "true".equals(includeWarningSigns),
                    "true".equals(includeCopingTools), "true".equals(diaryPrompt), threshold, null);
        }
    }
}
