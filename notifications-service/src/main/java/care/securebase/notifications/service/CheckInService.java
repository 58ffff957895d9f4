package care.securebase.notifications.service;

import care.securebase.events.CheckInDue;
import care.securebase.events.CheckInSent;
import care.securebase.events.CheckInsEnded;
import care.securebase.events.EventType;
import care.securebase.kit.outbox.Inbox;
import care.securebase.kit.outbox.Outbox;
import care.securebase.notifications.CheckInMessage;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.DeliveryStatus;
import care.securebase.notifications.delivery.ReminderRouting;
import care.securebase.notifications.mail.MailComposer;
import care.securebase.notifications.settings.Settings;
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
 * Gives a client the link to each check-in that falls due, once, over the channel they consented to and
 * with the rules of reminders; a check-in's link expires, and a message that could not go before then
 * is not sent at all. The schedule's end calls off what is still waiting. A message sent is announced
 * (check-in-sent) in the transaction that marks it so, so sessions shows the check-in as sent.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CheckInService {

    private static final Logger LOG = Logger.getLogger(CheckInService.class);
    public static final String KIND = "check-in";
    public static final String ENDED = "check-ins-ended";
    /** The link tokens sessions mints (see the contract): nothing else goes into a message. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Inbox inbox;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final MailComposer composer;
    private final ClientMessaging messaging;

    public CheckInService(Inbox inbox, Outbox outbox, EntityManager em, Clock clock, MailComposer composer,
                          ClientMessaging messaging) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        this.composer = composer;
        this.messaging = messaging;
    }

    /** Whether a link token is one sessions could have minted; anything else is never put in a message. */
    public static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /**
     * Plans the check-in's message, due when the check-in is; one per check-in however often announced.
     *
     * @return true when a message was planned (it may be due at once)
     */
    public boolean due(UUID eventId, CheckInDue event) {
        if (!inbox.firstDelivery(eventId, EventType.CHECK_IN_DUE.wireName())) {
            return false;
        }
        if (!wellFormed(event.link()) || event.dueAt() == null || event.expiresAt() == null) {
            LOG.warnf("Check-in %s not planned: its link or times are missing or malformed", event.checkInId());
            return false;
        }
        Instant now = clock.instant();
        StoredTrace trace = StoredTrace.current();
        return em.createNativeQuery("""
                insert into check_in_message (id, check_in_id, episode_id, client_id, clinic_id, link, due_at, expires_at,
                    status, next_attempt_at, attempts, created_at, traceparent, tracestate)
                values (:id, :checkIn, :episode, :client, :clinic, :link, :due, :expires, 'PENDING', :due, 0, :now,
                    :traceparent, :tracestate)
                on conflict (check_in_id) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("checkIn", event.checkInId())
                .setParameter("episode", event.episodeId())
                .setParameter("client", event.clientId())
                .setParameter("clinic", event.clinicId())
                .setParameter("link", event.link())
                .setParameter("due", event.dueAt())
                .setParameter("expires", event.expiresAt())
                .setParameter("now", now)
                .setParameter("traceparent", trace.traceparent())
                .setParameter("tracestate", trace.tracestate())
                .executeUpdate() == 1;
    }

    /**
     * The schedule stopped: check-ins waiting to be sent are not sent. Events of one client arrive in
     * order, so a check-in due after this belongs to a schedule set again and is sent as usual.
     *
     * @return how many messages were called off
     */
    public int ended(UUID eventId, CheckInsEnded event) {
        if (!inbox.firstDelivery(eventId, EventType.CHECK_INS_ENDED.wireName())) {
            return 0;
        }
        return em.createNativeQuery("""
                update check_in_message set status = 'CANCELLED', reason = :reason, next_attempt_at = null, link = null
                where episode_id = :episode and status = 'PENDING'""")
                .setParameter("episode", event.episodeId())
                .setParameter("reason", ENDED)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CheckInMessage> ofClient(UUID clientId) {
        return CheckInMessage.ofClient(clientId);
    }

    /** As {@link ReminderService#deliverDue}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliverDue(int max) {
        Instant now = clock.instant();
        List<CheckInMessage> claimed = CheckInMessage.claimDue(now, max);
        messaging.settle(claimed, KIND, "CHECK_IN", now,
                message -> ReminderRouting.Due.checkIn(message.dueAt, message.expiresAt), this::compose,
                this::settled);
        return claimed.size();
    }

    private ClientMessaging.Compose compose(CheckInMessage message) {
        return new ClientMessaging.Compose() {
            @Override
            public MailComposer.RenderedMail mail(ClientContact contact, Settings clinic, String optOutLink) {
                return composer.checkIn(message.link, contact.language, message.clinicId,
                        clinic.defaultLanguage(), optOutLink);
            }

            @Override
            public String sms(ClientContact contact, Settings clinic, String optOutLink) {
                return composer.checkInSms(message.link, contact.language, message.clinicId,
                        clinic.defaultLanguage(), optOutLink);
            }
        };
    }

    private void settled(CheckInMessage message, boolean sent) {
        if (sent) {
            outbox.publish(new CheckInSent(message.checkInId, message.clientId, message.clinicId, message.sentAt,
                    message.channel.name()));
        }
        if (message.status != DeliveryStatus.PENDING) {
            message.link = null; // the credential is no longer needed here
        }
    }
}
