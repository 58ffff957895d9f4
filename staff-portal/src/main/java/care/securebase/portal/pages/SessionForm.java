package care.securebase.portal.pages;

import care.securebase.portal.PortalConfig;
import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.api.SessionsApi;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Booking a session: day and time (read in the portal's zone), length, modality, where, and who
 * comes besides the client. Named like the service's fields where they match, so its field errors
 * land on them.
 */
public class SessionForm {

    /** Partners, family members or caregivers who come too; this many rows are offered. */
    public static final int ATTENDEE_ROWS = 3;

    @RestForm public String plannedDate;
    @RestForm public String plannedTime;
    @RestForm public String lengthMinutes;
    @RestForm public String modality;
    @RestForm public String telehealth;
    @RestForm public List<String> attendeeRole;
    @RestForm public List<String> attendeeName;

    /** The service's names for the page's fields: {@code plannedStart} is the day and time together. */
    static final Map<String, FieldErrors.Place> PLACES = places();

    public record AttendeeRow(int index, String role, String name) {
    }

    static SessionForm blank(SessionsApi.Episode episode) {
        SessionForm form = new SessionForm();
        form.plannedTime = "10:00";
        form.lengthMinutes = "50";
        form.modality = episode.modality() != null && ClinicalApi.SESSION_MODALITIES.contains(episode.modality())
                ? episode.modality() : "INDIVIDUAL";
        form.telehealth = "false";
        return form;
    }

    public boolean isTelehealth() {
        return "true".equals(telehealth);
    }

    public List<AttendeeRow> attendeeRows() {
        List<AttendeeRow> rows = new ArrayList<>();
        for (int i = 0; i < ATTENDEE_ROWS; i++) {
            rows.add(new AttendeeRow(i, at(attendeeRole, i), at(attendeeName, i)));
        }
        return rows;
    }

    /**
     * The request for the service; a day or time the portal cannot read is named {@code plannedStart}.
     * Attendees are the client plus each row with a role; none chosen leaves them out (the client alone).
     */
    ClinicalApi.NewSession toRequest(PortalConfig config, Map<String, String> unreadable) {
        java.time.Instant start = null;
        String day = Forms.orNull(plannedDate);
        String time = Forms.orNull(plannedTime);
        if (day == null || time == null) {
            unreadable.put("plannedStart", "give the day and the time");
        } else {
            try {
                start = LocalDate.parse(day).atTime(LocalTime.parse(time)).atZone(config.timeZone()).toInstant();
            } catch (DateTimeParseException e) {
                unreadable.put("plannedStart", "must be a day such as 2030-01-15 and a time such as 14:30");
            }
        }
        Integer length = null;
        if (Forms.orNull(lengthMinutes) != null) {
            try {
                length = Integer.valueOf(lengthMinutes.strip());
            } catch (NumberFormatException e) {
                unreadable.put("lengthMinutes", "must be a number of minutes, such as 50");
            }
        }
        List<ClinicalApi.Attendee> attendees = new ArrayList<>();
        for (AttendeeRow row : attendeeRows()) {
            if (Forms.orNull(row.role()) != null) {
                attendees.add(new ClinicalApi.Attendee(row.role(), Forms.orNull(row.name())));
            } else if (Forms.orNull(row.name()) != null) {
                unreadable.put("attendeeRole[" + row.index() + "]", "choose who " + row.name().strip() + " is");
            }
        }
        if (!attendees.isEmpty()) {
            attendees.add(0, new ClinicalApi.Attendee("CLIENT", null));
        }
        return new ClinicalApi.NewSession(start, length, Forms.orNull(modality),
                telehealth == null ? null : "true".equals(telehealth), attendees.isEmpty() ? null : attendees);
    }

    private static Map<String, FieldErrors.Place> places() {
        Map<String, FieldErrors.Place> places = new LinkedHashMap<>();
        places.put("plannedStart", new FieldErrors.Place("Day and time", "plannedDate"));
        // attendees[0] is the client; the page's rows start at attendees[1].
        for (int i = 0; i < ATTENDEE_ROWS; i++) {
            places.put("attendees[" + (i + 1) + "].name", new FieldErrors.Place("Attendee " + (i + 1) + " name",
                    "attendeeName-" + i));
            places.put("attendees[" + (i + 1) + "].role", new FieldErrors.Place("Attendee " + (i + 1),
                    "attendeeRole-" + i));
            places.put("attendeeRole[" + i + "]", new FieldErrors.Place("Attendee " + (i + 1), "attendeeRole-" + i));
        }
        return places;
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
    }
}
