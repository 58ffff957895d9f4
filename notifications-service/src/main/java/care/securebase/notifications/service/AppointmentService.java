package care.securebase.notifications.service;

import care.securebase.events.AppointmentCancelRequested;
import care.securebase.events.AppointmentCancelled;
import care.securebase.events.AppointmentScheduled;
import care.securebase.events.EventType;
import care.securebase.kit.outbox.Inbox;
import care.securebase.notifications.AppointmentReminder;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.DeliveryStatus;
import care.securebase.notifications.StaffNoticeKind;
import care.securebase.notifications.delivery.ReminderRouting;
import care.securebase.notifications.mail.MailComposer;
import care.securebase.notifications.scheduling.ReminderSchedule;
import care.securebase.notifications.settings.Settings;
import care.securebase.notifications.settings.SettingsService;
import care.securebase.tracing.StoredTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Reminders of scheduled sessions at the clinic's lead times for sessions, with the link to confirm or
 * ask to cancel; a moved session's reminders are planned again for its new time, a cancelled one's are
 * called off. A client's request to cancel goes to the clinician's inbox.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AppointmentService {

    private static final Logger LOG = Logger.getLogger(AppointmentService.class);
    public static final String KIND = "appointment-reminder";
    public static final String MOVED = "appointment-moved";
    public static final String CANCELLED = "appointment-cancelled";
    /** A video link as a message may carry it: a web address, nothing else (no name, no free text). */
    static final Pattern VIDEO_LINK = Pattern.compile("https?://[^\\s<>\"'{}|\\\\^`]{1,490}");

    private final Inbox inbox;
    private final EntityManager em;
    private final Clock clock;
    private final SettingsService settings;
    private final MailComposer composer;
    private final ClientMessaging messaging;
    private final StaffNoticeService staffNotices;

    public AppointmentService(Inbox inbox, EntityManager em, Clock clock, SettingsService settings,
                              MailComposer composer, ClientMessaging messaging,
                              StaffNoticeService staffNotices) {
        this.inbox = inbox;
        this.em = em;
        this.clock = clock;
        this.settings = settings;
        this.composer = composer;
        this.messaging = messaging;
        this.staffNotices = staffNotices;
    }

    /** The video link as it may go into a message, or null. */
    public static String videoLink(String link) {
        return link != null && VIDEO_LINK.matcher(link.strip()).matches() ? link.strip() : null;
    }

    /**
     * A session was scheduled or moved: reminders still pending for another start are cancelled, and the
     * start's reminders planned (or revived, for a session moved back) with the clinic's lead times.
     *
     * @return how many reminders were created or revived
     */
    public int scheduled(UUID eventId, AppointmentScheduled event) {
        if (!inbox.firstDelivery(eventId, EventType.APPOINTMENT_SCHEDULED.wireName())) {
            return 0;
        }
        if (!CheckInService.wellFormed(event.link()) || event.startsAt() == null) {
            LOG.warnf("Session %s: no reminders planned, its link or start is missing or malformed", event.sessionId());
            return 0;
        }
        String video = videoLink(event.videoLink());
        if (video == null && event.videoLink() != null && !event.videoLink().isBlank()) {
            LOG.warnf("Session %s: its video link is not a web address and is left out of reminders", event.sessionId());
        }
        em.createNativeQuery("""
                update appointment_reminder set status = 'CANCELLED', reason = :reason, next_attempt_at = null, link = null
                where session_id = :session and status = 'PENDING' and starts_at <> :startsAt""")
                .setParameter("session", event.sessionId())
                .setParameter("startsAt", event.startsAt())
                .setParameter("reason", MOVED)
                .executeUpdate();
        // The same start announced again may carry a link minted anew: pending reminders take the newest.
        em.createNativeQuery("""
                update appointment_reminder set link = :link, video_link = :video
                where session_id = :session and status = 'PENDING' and starts_at = :startsAt""")
                .setParameter("session", event.sessionId())
                .setParameter("startsAt", event.startsAt())
                .setParameter("link", event.link())
                .setParameter("video", video)
                .executeUpdate();
        Instant now = clock.instant();
        StoredTrace trace = StoredTrace.current();
        int created = 0;
        for (ReminderSchedule.Planned planned : ReminderSchedule.plan(event.sessionId(), event.startsAt(),
                settings.of(event.clinicId()).appointmentLeadTimes(), now)) {
            created += em.createNativeQuery("""
                    insert into appointment_reminder (id, session_id, lead_time, episode_id, client_id, clinic_id,
                        starts_at, send_at, link, video_link, status, next_attempt_at, attempts, created_at,
                        traceparent, tracestate)
                    values (:id, :session, :lead, :episode, :client, :clinic, :startsAt, :sendAt, :link, :video,
                        'PENDING', :sendAt, 0, :now, :traceparent, :tracestate)
                    on conflict (session_id, lead_time, starts_at) do update
                        set status = 'PENDING', send_at = excluded.send_at, next_attempt_at = excluded.next_attempt_at,
                            reason = null, attempts = 0, link = excluded.link, video_link = excluded.video_link,
                            traceparent = excluded.traceparent, tracestate = excluded.tracestate
                        where appointment_reminder.status = 'CANCELLED'
                          and appointment_reminder.reason in ('appointment-moved', 'appointment-cancelled')""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("session", event.sessionId())
                    .setParameter("lead", planned.leadTimeLabel())
                    .setParameter("episode", event.episodeId())
                    .setParameter("client", event.clientId())
                    .setParameter("clinic", event.clinicId())
                    .setParameter("startsAt", planned.appointmentAt())
                    .setParameter("sendAt", planned.sendAt())
                    .setParameter("link", event.link())
                    .setParameter("video", video)
                    .setParameter("now", now)
                    .setParameter("traceparent", trace.traceparent())
                    .setParameter("tracestate", trace.tracestate())
                    .executeUpdate();
        }
        return created;
    }

    /** @return how many pending reminders were called off */
    public int cancelled(UUID eventId, AppointmentCancelled event) {
        if (!inbox.firstDelivery(eventId, EventType.APPOINTMENT_CANCELLED.wireName())) {
            return 0;
        }
        return em.createNativeQuery("""
                update appointment_reminder set status = 'CANCELLED', reason = :reason, next_attempt_at = null, link = null
                where session_id = :session and status = 'PENDING'""")
                .setParameter("session", event.sessionId())
                .setParameter("reason", CANCELLED)
                .executeUpdate();
    }

    /** The clinician hears of it in their inbox; the session stays as it is until staff change it. */
    public void cancelRequested(UUID eventId, AppointmentCancelRequested event) {
        if (!inbox.firstDelivery(eventId, EventType.APPOINTMENT_CANCEL_REQUESTED.wireName())) {
            return;
        }
        staffNotices.tellInbox(StaffNoticeKind.APPOINTMENT_CANCEL_REQUESTED, event.sessionId(), event.clinicianId(),
                event.clinicId(), event.clientId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppointmentReminder> ofSession(UUID sessionId) {
        return AppointmentReminder.ofSession(sessionId);
    }

    /** As {@link ReminderService#deliverDue}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliverDue(int max) {
        Instant now = clock.instant();
        List<AppointmentReminder> claimed = AppointmentReminder.claimDue(now, max);
        messaging.settle(claimed, KIND, "APPOINTMENT_REMINDER", now,
                reminder -> ReminderRouting.Due.appointment(reminder.sendAt, reminder.startsAt), this::compose,
                (reminder, sent) -> {
                    if (reminder.status != DeliveryStatus.PENDING) {
                        reminder.link = null;
                    }
                });
        return claimed.size();
    }

    private ClientMessaging.Compose compose(AppointmentReminder reminder) {
        return new ClientMessaging.Compose() {
            @Override
            public MailComposer.RenderedMail mail(ClientContact contact, Settings clinic, String optOutLink) {
                return composer.appointmentReminder(reminder.startsAt, contact.timeZone, contact.language,
                        reminder.clinicId, clinic.defaultLanguage(), reminder.link, reminder.videoLink, optOutLink);
            }

            @Override
            public String sms(ClientContact contact, Settings clinic, String optOutLink) {
                return composer.appointmentReminderSms(reminder.startsAt, contact.timeZone, contact.language,
                        reminder.clinicId, clinic.defaultLanguage(), reminder.link, reminder.videoLink, optOutLink);
            }
        };
    }
}
