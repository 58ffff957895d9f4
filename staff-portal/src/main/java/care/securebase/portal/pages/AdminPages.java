package care.securebase.portal.pages;

import care.securebase.portal.PortalConfig;
import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.api.NotificationsApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.api.SessionsAdminApi;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
import care.securebase.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The clinic-admin's desk: the clinic's settings in one page (reminder timing and quiet hours in
 * notifications-service; note format, overdue days and check-in rules in sessions-service), messages
 * that could not be delivered, and who read which note.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    static final int PAGE_SIZE = 20;
    static final int ACCESS_PAGE_SIZE = 50;

    /** What the settings page shows of each service: its settings, or that it could not be asked. */
    public record Panel<T>(T settings, String unavailable) {
        static <T> Panel<T> of(java.util.function.Supplier<T> call) {
            try {
                return new Panel<>(call.get(), null);
            } catch (ServiceFailure | ProcessingException e) {
                return new Panel<>(null, "These settings cannot be loaded just now. Please try again in a minute.");
            }
        }
    }

    /** The reminder form as typed: lead times one per line ("7 days", "1 day", "2 hours"), boosters' and sessions'. */
    public record ReminderForm(String leadTimes, String appointmentLeadTimes, String quietStart, String quietEnd,
                               String defaultLanguage) {
        static ReminderForm of(NotificationsApi.ReminderSettings s) {
            return new ReminderForm(typed(s.leadTimes()), typed(s.appointmentLeadTimes()), s.quietStart(), s.quietEnd(),
                    s.defaultLanguage());
        }

        private static String typed(List<String> leads) {
            return String.join("\n", leads.stream().map(care.securebase.portal.web.Formats::duration).toList());
        }
    }

    public record NoteForm(String noteFormat, String overdueNoteDays) {
        static NoteForm of(SessionsAdminApi.NoteSettings s) {
            return new NoteForm(s.noteFormat(), Integer.toString(s.overdueNoteDays()));
        }

        public List<String> formats() {
            return SessionsAdminApi.NOTE_FORMATS;
        }
    }

    /** One clinician the on-call choice offers: the id sessions-service keeps and the name people know. */
    public record OnCallChoice(String id, String name) {
    }

    /**
     * The check-in rules as typed. {@code clinicians} are the choices for on call (the clinic's active
     * clinicians from intake-service), null when intake cannot be asked: the page then takes a login name.
     */
    public record CheckInRulesForm(String checkInExpiryHours, String missedCheckInsFlag, String maintenanceCheckIns,
                                   String onCallClinicianId, List<OnCallChoice> clinicians) {
        static CheckInRulesForm of(SessionsAdminApi.NoteSettings s, List<OnCallChoice> clinicians) {
            return new CheckInRulesForm(text(s.checkInExpiryHours()), text(s.missedCheckInsFlag()),
                    s.maintenanceCheckIns() == null ? "NONE" : s.maintenanceCheckIns(),
                    s.onCallClinicianId() == null ? "" : s.onCallClinicianId(), clinicians);
        }

        private static String text(Integer n) {
            return n == null ? "" : n.toString();
        }

        /** Whether intake-service gave the list (it may list nobody): otherwise the page takes a login name. */
        public boolean listed() {
            return clinicians != null;
        }

        public List<String> cadences() {
            return SessionsAdminApi.MAINTENANCE_CHECK_INS;
        }

        /** The choices, with the one on call now kept even when intake no longer lists them as active. */
        public List<OnCallChoice> choices() {
            List<OnCallChoice> all = new ArrayList<>(clinicians == null ? List.of() : clinicians);
            String current = onCallClinicianId == null ? "" : onCallClinicianId.strip();
            if (!current.isEmpty() && all.stream().noneMatch(c -> c.id().equals(current))) {
                all.add(new OnCallChoice(current, current + " (not an active clinician in the clinician list)"));
            }
            return all;
        }
    }

    /** The note-access filter, as the page's query. Dates are days in the portal's zone. */
    public record AccessFilter(String noteId, String staffId, String clientId, String from, String to) {
        public String base() {
            StringBuilder b = new StringBuilder("/note-access?");
            add(b, "noteId", noteId);
            add(b, "staffId", staffId);
            add(b, "clientId", clientId);
            add(b, "from", from);
            add(b, "to", to);
            return b.toString();
        }

        public boolean any() {
            return noteId != null || staffId != null || clientId != null || from != null || to != null;
        }
    }

    public record DeliveryFilter(String status, String kind) {
        public String base() {
            StringBuilder b = new StringBuilder("/deliveries?");
            add(b, "status", status == null ? "ANY" : status);
            add(b, "kind", kind);
            return b.toString();
        }

        public List<String> statuses() {
            return NotificationsApi.DELIVERY_STATUSES;
        }

        public List<String> kinds() {
            return NotificationsApi.DELIVERY_KINDS;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin();

        static native TemplateInstance settings(Panel<NotificationsApi.ReminderSettings> reminders,
                                                ReminderForm reminderForm, FieldErrors reminderErrors,
                                                Panel<SessionsAdminApi.NoteSettings> notes, NoteForm noteForm,
                                                FieldErrors noteErrors, CheckInRulesForm checkInForm,
                                                FieldErrors checkInErrors, String notice);

        static native TemplateInstance deliveries(List<NotificationsApi.Delivery> deliveries, DeliveryFilter filter,
                                                  long total, int page, boolean hasNext);

        static native TemplateInstance noteAccess(List<SessionsAdminApi.NoteAccess> reads, AccessFilter filter,
                                                  int page, boolean hasNext, FieldErrors errors);
    }

    private final NotificationsApi notifications;
    private final SessionsAdminApi sessions;
    private final IntakeApi intake;
    private final PortalConfig config;

    public AdminPages(@RestClient NotificationsApi notifications, @RestClient SessionsAdminApi sessions,
                      @RestClient IntakeApi intake, PortalConfig config) {
        this.notifications = notifications;
        this.sessions = sessions;
        this.intake = intake;
        this.config = config;
    }

    @GET
    @Path("admin")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public TemplateInstance admin() {
        return Templates.admin();
    }

    // --- Settings ---------------------------------------------------------------------------------

    @GET
    @Path("settings")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public TemplateInstance settings(@QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "reminders" -> "The reminder settings are saved. New reminders use them; quiet hours apply from now on.";
            case "notes" -> "The note settings are saved. New notes take the new format; existing notes keep theirs.";
            case "check-ins" -> "The check-in settings are saved. Check-ins that fall due from now on get the new "
                    + "link time, and maintenance plans made from now on the new schedule; schedules already set stay as they are.";
            default -> null;
        };
        return page(null, FieldErrors.NONE, null, FieldErrors.NONE, null, FieldErrors.NONE, notice);
    }

    @POST
    @Path("settings/reminders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response saveReminders(@RestForm String leadTimes, @RestForm String appointmentLeadTimes,
                                  @RestForm String quietStart, @RestForm String quietEnd,
                                  @RestForm String defaultLanguage) {
        ReminderForm form = new ReminderForm(leadTimes, appointmentLeadTimes, quietStart, quietEnd, defaultLanguage);
        Map<String, String> own = new LinkedHashMap<>();
        List<String> leads = leadTimes("leadTimes", leadTimes, own);
        // A form from before session reminders existed leaves theirs as they are.
        List<String> appointmentLeads = appointmentLeadTimes == null ? null
                : leadTimes("appointmentLeadTimes", appointmentLeadTimes, own);
        FieldErrors errors;
        if (own.isEmpty()) {
            try {
                notifications.saveSettings(new NotificationsApi.ReminderSettingsUpdate(leads, appointmentLeads,
                        Forms.orNull(quietStart), Forms.orNull(quietEnd), Forms.orNull(defaultLanguage)));
                return ClientPages.seeOther("/settings?done=reminders");
            } catch (ServiceFailure e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                errors = FieldErrors.of(e.problem());
            }
        } else {
            errors = FieldErrors.of(own);
        }
        return Response.status(400).entity(page(form, errors, null, FieldErrors.NONE, null, FieldErrors.NONE, null))
                .build();
    }

    @POST
    @Path("settings/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response saveNotes(@RestForm String noteFormat, @RestForm String overdueNoteDays) {
        NoteForm form = new NoteForm(noteFormat, overdueNoteDays);
        Map<String, String> own = new LinkedHashMap<>();
        Integer days = DirectoryPages.number("overdueNoteDays", overdueNoteDays, 1, 60, own);
        FieldErrors errors;
        if (own.isEmpty()) {
            try {
                sessions.saveSettings(new SessionsAdminApi.NoteSettingsUpdate(Forms.orNull(noteFormat), days));
                return ClientPages.seeOther("/settings?done=notes");
            } catch (ServiceFailure e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                errors = FieldErrors.of(e.problem());
            }
        } else {
            errors = FieldErrors.of(own);
        }
        return Response.status(400).entity(page(null, FieldErrors.NONE, form, errors, null, FieldErrors.NONE, null))
                .build();
    }

    /**
     * The check-in rules, in sessions-service's settings beside the note settings. Its PUT requires the
     * note format and overdue days, so they are read just before and sent back as they are.
     */
    @POST
    @Path("settings/check-ins")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response saveCheckIns(@RestForm String checkInExpiryHours, @RestForm String missedCheckInsFlag,
                                 @RestForm String maintenanceCheckIns, @RestForm String onCallClinicianId) {
        CheckInRulesForm form = new CheckInRulesForm(checkInExpiryHours, missedCheckInsFlag, maintenanceCheckIns,
                onCallClinicianId, null);
        Map<String, String> own = new LinkedHashMap<>();
        Integer hours = required("checkInExpiryHours", checkInExpiryHours, 1, 336, own);
        Integer missed = required("missedCheckInsFlag", missedCheckInsFlag, 1, 20, own);
        FieldErrors errors;
        if (own.isEmpty()) {
            try {
                SessionsAdminApi.NoteSettings now = sessions.settings();
                sessions.saveSettings(new SessionsAdminApi.NoteSettingsUpdate(now.noteFormat(), now.overdueNoteDays(),
                        hours, missed, Forms.orNull(maintenanceCheckIns),
                        onCallClinicianId == null ? null : onCallClinicianId.strip()));
                return ClientPages.seeOther("/settings?done=check-ins");
            } catch (ServiceFailure e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                errors = FieldErrors.of(e.problem());
            }
        } else {
            errors = FieldErrors.of(own);
        }
        return Response.status(400).entity(page(null, FieldErrors.NONE, null, FieldErrors.NONE, form, errors, null))
                .build();
    }

    /**
     * The settings page; a form given is shown as it was typed (with its errors), the others as the
     * services have them. One service that cannot be asked leaves the other's forms usable.
     */
    private TemplateInstance page(ReminderForm reminderForm, FieldErrors reminderErrors, NoteForm noteForm,
                                  FieldErrors noteErrors, CheckInRulesForm checkInForm, FieldErrors checkInErrors,
                                  String notice) {
        Panel<NotificationsApi.ReminderSettings> reminders = Panel.of(notifications::settings);
        Panel<SessionsAdminApi.NoteSettings> notes = Panel.of(sessions::settings);
        List<OnCallChoice> clinicians = activeClinicians();
        if (reminderForm == null && reminders.settings() != null) {
            reminderForm = ReminderForm.of(reminders.settings());
        }
        if (noteForm == null && notes.settings() != null) {
            noteForm = NoteForm.of(notes.settings());
        }
        if (checkInForm == null && notes.settings() != null) {
            checkInForm = CheckInRulesForm.of(notes.settings(), clinicians);
        } else if (checkInForm != null) {
            checkInForm = new CheckInRulesForm(checkInForm.checkInExpiryHours(), checkInForm.missedCheckInsFlag(),
                    checkInForm.maintenanceCheckIns(), checkInForm.onCallClinicianId(), clinicians);
        }
        return Templates.settings(reminders, reminderForm, reminderErrors.placed(PLACES), notes, noteForm, noteErrors,
                checkInForm, checkInErrors.placed(PLACES), notice);
    }

    /** The settings' field names as the page labels them, for the summary above each form. */
    private static final Map<String, FieldErrors.Place> PLACES = Map.of(
            "leadTimes", new FieldErrors.Place("Reminders before a booster", "leadTimes"),
            "appointmentLeadTimes", new FieldErrors.Place("Reminders before a session", "appointmentLeadTimes"),
            "checkInExpiryHours", new FieldErrors.Place("Hours a check-in link stays open", "checkInExpiryHours"),
            "missedCheckInsFlag", new FieldErrors.Place("Missed check-ins in a row", "missedCheckInsFlag"),
            "maintenanceCheckIns", new FieldErrors.Place("Check-ins a new maintenance plan starts", "maintenanceCheckIns"),
            "onCallClinicianId", new FieldErrors.Place("Clinician on call for check-ins", "onCallClinicianId"));

    /** The clinic's active clinicians by name, or null when intake-service cannot be asked. */
    private List<OnCallChoice> activeClinicians() {
        try {
            return intake.clinicians().stream().filter(IntakeApi.Clinician::active)
                    .map(c -> new OnCallChoice(c.id(), c.displayName() == null || c.displayName().isBlank()
                            ? c.id() : c.displayName()))
                    .toList();
        } catch (ServiceFailure | ProcessingException e) {
            return null;
        }
    }

    /** A whole number in range; the form always shows the current value, so an empty one is a mistake. */
    private static Integer required(String field, String value, int min, int max, Map<String, String> errors) {
        if (value != null && value.isBlank()) {
            errors.put(field, "is required");
            return null;
        }
        return DirectoryPages.number(field, value, min, max, errors);
    }

    private static final Pattern LEAD = Pattern.compile(
            "(\\d{1,4})\\s*(w|wk|wks|weeks?|d|days?|h|hrs?|hours?|m|mins?|minutes?)", Pattern.CASE_INSENSITIVE);

    /**
     * Lead times as people write them, one per line or comma ("7 days", "1 day", "2 hours", "1 week"),
     * to the ISO durations the service takes; an ISO duration passes as it is. The service checks the range.
     */
    static List<String> leadTimes(String field, String text, Map<String, String> errors) {
        List<String> leads = new ArrayList<>();
        if (text == null) {
            return leads;
        }
        for (String line : text.split("[\\n,;]")) {
            String entry = line.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.toUpperCase(Locale.ROOT).startsWith("P")) {
                leads.add(entry.toUpperCase(Locale.ROOT));
                continue;
            }
            Matcher m = LEAD.matcher(entry);
            if (!m.matches()) {
                errors.putIfAbsent(field, "\"" + entry + "\" is not a lead time; write e.g. 7 days, 1 day or 2 hours");
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            char unit = Character.toLowerCase(m.group(2).charAt(0));
            leads.add(switch (unit) {
                case 'w' -> "P" + (n * 7) + "D";
                case 'd' -> "P" + n + "D";
                case 'h' -> "PT" + n + "H";
                default -> "PT" + n + "M";
            });
        }
        return leads;
    }

    // --- Failed notifications -----------------------------------------------------------------------

    @GET
    @Path("deliveries")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public TemplateInstance deliveries(@QueryParam("status") String status,
                                       @QueryParam("kind") String kind,
                                       @QueryParam("page") @DefaultValue("0") int page) {
        int current = Math.max(page, 0);
        // Failed ones unless asked otherwise ("ANY": every status; an empty parameter counts as absent).
        DeliveryFilter filter = new DeliveryFilter(status == null || status.isBlank() ? "FAILED"
                : ReferralPages.oneOf(NotificationsApi.DELIVERY_STATUSES, status),
                ReferralPages.oneOf(NotificationsApi.DELIVERY_KINDS, kind));
        NotificationsApi.DeliveryPage found = notifications.deliveries(filter.status(), filter.kind(), current, PAGE_SIZE);
        return Templates.deliveries(found.items(), filter, found.total(), current,
                (long) (current + 1) * PAGE_SIZE < found.total());
    }

    // --- Note-access record ---------------------------------------------------------------------------

    @GET
    @Path("note-access")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response noteAccess(@QueryParam("noteId") String noteId, @QueryParam("staffId") String staffId,
                               @QueryParam("clientId") String clientId, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page) {
        int current = Math.max(page, 0);
        AccessFilter filter = new AccessFilter(Forms.orNull(noteId), Forms.orNull(staffId), Forms.orNull(clientId),
                Forms.orNull(from), Forms.orNull(to));
        Map<String, String> own = new LinkedHashMap<>();
        uuid("noteId", filter.noteId(), own);
        uuid("clientId", filter.clientId(), own);
        LocalDate fromDay = day("from", filter.from(), own);
        LocalDate toDay = day("to", filter.to(), own);
        if (!own.isEmpty()) {
            // The service would not even match a malformed id; say what is wrong instead.
            return Response.status(400).entity(Templates.noteAccess(List.of(), filter, current, false,
                    FieldErrors.of(own))).build();
        }
        String fromInstant = fromDay == null ? null : fromDay.atStartOfDay(config.timeZone()).toInstant().toString();
        // "To" includes the whole day.
        String toInstant = toDay == null ? null : toDay.plusDays(1).atStartOfDay(config.timeZone()).toInstant().toString();
        List<SessionsAdminApi.NoteAccess> reads = sessions.noteAccess(filter.clientId(), filter.noteId(),
                filter.staffId(), fromInstant, toInstant, current, ACCESS_PAGE_SIZE);
        return Response.ok(Templates.noteAccess(reads, filter, current, reads.size() == ACCESS_PAGE_SIZE,
                FieldErrors.NONE)).build();
    }

    private static void uuid(String field, String value, Map<String, String> errors) {
        if (value != null) {
            try {
                UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                errors.put(field, "is not a record id (it looks like 8d0c1f5e-…)");
            }
        }
    }

    private static LocalDate day(String field, String value, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, "is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static void add(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }
}
