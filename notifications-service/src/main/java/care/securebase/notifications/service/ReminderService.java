package care.securebase.notifications.service;

import care.securebase.events.BoosterRecorded;
import care.securebase.events.BoosterScheduleChanged;
import care.securebase.events.EventType;
import care.securebase.events.MaintenanceEnded;
import care.securebase.events.MaintenanceStarted;
import care.securebase.events.ReminderSent;
import care.securebase.kit.outbox.Inbox;
import care.securebase.kit.outbox.Outbox;
import care.securebase.notifications.BoosterReminder;
import care.securebase.notifications.ClientContact;
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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ReminderService {

    public static final String CALLED_OFF = "booster-called-off";
    public static final String MOVED = "booster-moved";
    public static final String ATTENDED = "booster-attended";
    public static final String MISSED = "booster-missed";

    private final Inbox inbox;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final SettingsService settings;
    private final MailComposer composer;
    private final StaffNoticeService staffNotices;
    private final ClientMessaging messaging;

    public ReminderService(Inbox inbox, Outbox outbox, EntityManager em, Clock clock, SettingsService settings,
                           MailComposer composer, StaffNoticeService staffNotices, ClientMessaging messaging) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        this.settings = settings;
        this.composer = composer;
        this.staffNotices = staffNotices;
        this.messaging = messaging;
    }

    /**
     * Plans the reminders of a maintenance plan's boosters with the clinic's lead times. The unique
     * (booster, lead time, appointment) key makes a booster announced again add nothing twice.
     *
     * @return how many reminders were created
     */
    public int schedule(UUID eventId, MaintenanceStarted event) {
        if (!inbox.firstDelivery(eventId, EventType.MAINTENANCE_STARTED.wireName())) {
            return 0;
        }
        return plan(event.episodeId(), event.clientId(), event.clinicId(), event.boosters());
    }

    /**
     * A plan's boosters were edited ({@code boosters} = all still to come): pending reminders of a
     * booster no longer listed are cancelled, those of a moved booster are cancelled and planned
     * again for the new date (already sent ones stay in the log), new boosters are planned.
     *
     * @return how many reminders were created (or revived)
     */
    public int reschedule(UUID eventId, BoosterScheduleChanged event) {
        if (!inbox.firstDelivery(eventId, EventType.BOOSTER_SCHEDULE_CHANGED.wireName())) {
            return 0;
        }
        List<MaintenanceStarted.Booster> boosters = event.boosters() == null ? List.of()
                : event.boosters().stream().filter(b -> b != null && b.boosterId() != null && b.dueAt() != null).toList();
        List<BoosterReminder> pending = BoosterReminder.list("episodeId = ?1 and status = ?2", event.episodeId(),
                care.securebase.notifications.DeliveryStatus.PENDING);
        for (BoosterReminder r : pending) {
            Optional<MaintenanceStarted.Booster> now = boosters.stream()
                    .filter(b -> b.boosterId().equals(r.boosterId)).findFirst();
            if (now.isEmpty()) {
                r.cancel(CALLED_OFF);
            } else if (!now.get().dueAt().equals(r.appointmentAt)) {
                r.cancel(MOVED);
            }
        }
        em.flush();
        return plan(event.episodeId(), event.clientId(), event.clinicId(), boosters);
    }

    private int plan(UUID episodeId, UUID clientId, String clinicId, List<MaintenanceStarted.Booster> boosters) {
        Instant now = clock.instant();
        StoredTrace trace = StoredTrace.current();
        int created = 0;
        for (ReminderSchedule.Planned planned : ReminderSchedule.plan(boosters, settings.of(clinicId).leadTimes(), now)) {
            // A booster moved back to a date it had before gets that date's cancelled reminders back.
            created += em.createNativeQuery("""
                    insert into booster_reminder (id, booster_id, lead_time, client_id, clinic_id, episode_id,
                        appointment_at, send_at, status, next_attempt_at, attempts, created_at, traceparent, tracestate)
                    values (:id, :booster, :lead, :client, :clinic, :episode, :appointment, :sendAt, 'PENDING',
                        :sendAt, 0, :now, :traceparent, :tracestate)
                    on conflict (booster_id, lead_time, appointment_at) do update
                        set status = 'PENDING', send_at = excluded.send_at, next_attempt_at = excluded.next_attempt_at,
                            reason = null, attempts = 0, traceparent = excluded.traceparent,
                            tracestate = excluded.tracestate
                        where booster_reminder.status = 'CANCELLED'
                          and booster_reminder.reason in ('booster-moved', 'booster-called-off')""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("booster", planned.boosterId())
                    .setParameter("lead", planned.leadTimeLabel())
                    .setParameter("client", clientId)
                    .setParameter("clinic", clinicId)
                    .setParameter("episode", episodeId)
                    .setParameter("appointment", planned.appointmentAt())
                    .setParameter("sendAt", planned.sendAt())
                    .setParameter("now", now)
                    .setParameter("traceparent", trace.traceparent())
                    .setParameter("tracestate", trace.tracestate())
                    .executeUpdate();
        }
        return created;
    }

    /**
     * Calls off the reminders of boosters that will not happen (the episode left maintenance).
     * Reminders already sent stay in the log as they were.
     *
     * @return how many pending reminders were cancelled
     */
    public int cancel(UUID eventId, MaintenanceEnded event) {
        if (!inbox.firstDelivery(eventId, EventType.MAINTENANCE_ENDED.wireName())
                || event.cancelledBoosterIds() == null || event.cancelledBoosterIds().isEmpty()) {
            return 0;
        }
        return cancelPending(event.cancelledBoosterIds(), CALLED_OFF);
    }

    private int cancelPending(List<UUID> boosterIds, String reason) {
        return em.createNativeQuery("""
                update booster_reminder set status = 'CANCELLED', reason = :reason, next_attempt_at = null
                where booster_id in (:boosters) and status = 'PENDING'""")
                .setParameter("boosters", boosterIds)
                .setParameter("reason", reason)
                .executeUpdate();
    }

    /**
     * A booster was attended or missed: its pending reminders are no longer wanted. A missed one is
     * worth a notice to the client's clinician (e-mail and inbox).
     *
     * @return a staff notice to send at once
     */
    public Optional<UUID> recorded(UUID eventId, BoosterRecorded event) {
        if (!inbox.firstDelivery(eventId, EventType.BOOSTER_RECORDED.wireName())) {
            return Optional.empty();
        }
        boolean missed = "MISSED".equals(event.outcome() == null ? null : event.outcome().strip().toUpperCase(Locale.ROOT));
        cancelPending(List.of(event.boosterId()), missed ? MISSED : ATTENDED);
        if (!missed) {
            return Optional.empty();
        }
        return staffNotices.tell(StaffNoticeKind.MISSED_BOOSTER, event.boosterId(), "", event.clinicianId(),
                event.clinicId(), event.clientId(), null);
    }

    /** A client's reminders, oldest first; callers check the clinic. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BoosterReminder> ofClient(UUID clientId) {
        return BoosterReminder.ofClient(clientId);
    }

    /**
     * Claims up to {@code max} due reminders and settles them ({@link ClientMessaging#settle}). Each is
     * marked SENT in the same transaction once the SMTP server (or SMS gateway) accepted it, so a later
     * round never sends it again.
     *
     * @return how many were claimed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliverDue(int max) {
        Instant now = clock.instant();
        List<BoosterReminder> claimed = BoosterReminder.claimDue(now, max);
        messaging.settle(claimed, "booster-reminder", "BOOSTER_REMINDER", now,
                reminder -> ReminderRouting.Due.appointment(reminder.sendAt, reminder.appointmentAt),
                this::compose, this::settled);
        return claimed.size();
    }

    private ClientMessaging.Compose compose(BoosterReminder reminder) {
        return new ClientMessaging.Compose() {
            @Override
            public MailComposer.RenderedMail mail(ClientContact contact, Settings clinic, String optOutLink) {
                return composer.boosterReminder(contact.preferredName, reminder.appointmentAt, contact.timeZone,
                        contact.language, reminder.clinicId, clinic.defaultLanguage(), optOutLink);
            }

            @Override
            public String sms(ClientContact contact, Settings clinic, String optOutLink) {
                return composer.boosterReminderSms(contact.preferredName, reminder.appointmentAt,
                        contact.timeZone, contact.language, reminder.clinicId, clinic.defaultLanguage(),
                        optOutLink);
            }
        };
    }

    private void settled(BoosterReminder reminder, boolean sent) {
        if (sent) {
            outbox.publish(new ReminderSent(reminder.id, reminder.boosterId, reminder.episodeId, reminder.clientId,
                    reminder.clinicId, reminder.channel.name(), reminder.sentAt));
        }
    }
}
