package care.securebase.portal.api;

import care.securebase.portal.web.Formats;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notifications-service: the logs of booster reminders and partner notices. See {@link IntakeApi} on the records. */
@Path("/")
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "notifications")
public interface NotificationsApi {

    String SERVICE = "notifications";

    /** One client's reminders; the service requires the client. */
    @GET
    @Path("reminders")
    List<Reminder> reminders(@QueryParam("clientId") String clientId);

    @GET
    @Path("notices")
    List<Notice> notices(@QueryParam("page") int page, @QueryParam("size") int size);

    /** The caller's clinic's reminder timing, quiet hours and default language. */
    @GET
    @Path("settings")
    ReminderSettings settings();

    /** clinic-admin. */
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    ReminderSettings saveSettings(ReminderSettingsUpdate request);

    /** The caller's own in-portal notices, newest first. */
    @GET
    @Path("inbox")
    InboxPage inbox(@QueryParam("unread") boolean unreadOnly, @QueryParam("page") int page,
                    @QueryParam("size") int size);

    @GET
    @Path("inbox/count")
    InboxCount inboxCount();

    @POST
    @Path("inbox/{id}/read")
    InboxItem markRead(@PathParam("id") String id);

    @POST
    @Path("inbox/read-all")
    InboxCount markAllRead();

    /** The delivery log (clinic-admin: everything, staff notices included). */
    @GET
    @Path("deliveries")
    DeliveryPage deliveries(@QueryParam("status") String status, @QueryParam("kind") String kind,
                            @QueryParam("page") int page, @QueryParam("size") int size);

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        return ServiceFailure.of(SERVICE, response);
    }

    record Reminder(String id, String clientId, String boosterId, String leadTime, Instant appointmentAt,
                    Instant sendAt, String status, Instant sentAt, String channel, int attempts, String reason) {
    }

    record Notice(String id, String referralId, String clinicId, String organisationId, String noticeEmail,
                  String status, Instant createdAt, Instant sentAt, int attempts, String reason) {
    }

    /** Inbox roles of the service (social workers have none: no notice is ever addressed to them). */
    List<String> INBOX_ROLES = List.of("clinician", "clinic-admin", "intake-coordinator", "care-coordinator",
            "social-worker");
    List<String> DELIVERY_STATUSES = List.of("FAILED", "PENDING", "SENT", "SKIPPED", "CANCELLED");
    List<String> DELIVERY_KINDS = List.of("BOOSTER_REMINDER", "CHECK_IN", "APPOINTMENT_REMINDER", "PARTNER_NOTICE",
            "STAFF_ON_CALL_RISK", "STAFF_MISSED_BOOSTER", "STAFF_REFERRAL_OVERDUE", "STAFF_CONTACT_OPTED_OUT",
            "STAFF_DELIVERY_FAILED", "STAFF_CHECK_IN_RISK", "STAFF_CHECK_IN_DETERIORATION", "STAFF_CHECK_IN_WARNING_SIGNS",
            "STAFF_CHECK_INS_MISSED", "STAFF_APPOINTMENT_CANCEL_REQUESTED");

    /** leadTimes before boosters, appointmentLeadTimes before scheduled sessions. */
    record ReminderSettings(String clinicId, List<String> leadTimes, List<String> appointmentLeadTimes,
                            String quietStart, String quietEnd, String defaultLanguage, boolean custom,
                            Instant updatedAt, String updatedBy) {
        public ReminderSettings {
            leadTimes = leadTimes == null ? List.of() : leadTimes;
            appointmentLeadTimes = appointmentLeadTimes == null ? List.of() : appointmentLeadTimes;
        }
    }

    /** appointmentLeadTimes left out (null): the service keeps the clinic's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReminderSettingsUpdate(List<String> leadTimes, List<String> appointmentLeadTimes, String quietStart,
                                  String quietEnd, String defaultLanguage) {
    }

    /** Staff notice kinds in words, for a notice that comes without a title of its own. */
    Map<String, String> NOTICE_WORDS = Map.of(
            "CHECK_IN_RISK", "A client's check-in answered a risk question: contact them now",
            "CHECK_IN_DETERIORATION", "A client's check-in shows reliable deterioration",
            "CHECK_IN_WARNING_SIGNS", "A client reported warning signs in a check-in",
            "CHECK_INS_MISSED", "A client has missed check-ins in a row",
            "APPOINTMENT_CANCEL_REQUESTED", "A client asked to cancel a session (it stays booked until you change it)");

    record InboxItem(String id, String kind, String title, String clinicId, String subjectId, String clientId,
                     String link, Instant createdAt, Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }

        /** The notice's own title, else its kind in words. */
        public String heading() {
            if (title != null && !title.isBlank()) {
                return title;
            }
            return NOTICE_WORDS.getOrDefault(kind, Formats.label(kind));
        }

        /** A risk notice stands out: it asks for action now, like an intake's high risk. */
        public boolean urgent() {
            return kind != null && kind.endsWith("RISK");
        }
    }

    record InboxPage(List<InboxItem> items, int page, int size, long total, long unread) {
        public InboxPage {
            items = items == null ? List.of() : items;
        }
    }

    record InboxCount(long unread, long total) {
    }

    record Delivery(String id, String kind, String clinicId, String clientId, String subjectId, String channel,
                    String status, int attempts, String reason, Instant dueAt, Instant nextAttemptAt, Instant sentAt,
                    Instant createdAt) {
    }

    record DeliveryPage(List<Delivery> items, int page, int size, long total) {
        public DeliveryPage {
            items = items == null ? List.of() : items;
        }
    }
}
