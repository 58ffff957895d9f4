package care.securebase.sessions.service;

import care.securebase.events.CheckInSent;
import care.securebase.events.EventType;
import care.securebase.events.ReferralOverdue;
import care.securebase.events.ReferralSent;
import care.securebase.events.ReferralStatusChanged;
import care.securebase.kit.outbox.Inbox;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Flag;
import care.securebase.sessions.ReferralEvent;
import care.securebase.sessions.ReminderSent;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps what the episode timeline and caseload need from referrals-service and
 * notifications-service. Events about clients or referrals this service does not know are ignored:
 * the topics are shared and a stray event must never create a record.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class NeighbourEventsService {

    private final Inbox inbox;
    private final Clock clock;

    public NeighbourEventsService(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    public void referralSent(UUID eventId, ReferralSent sent, Instant at) {
        if (!inbox.firstDelivery(eventId, EventType.REFERRAL_SENT.wireName())) {
            return;
        }
        Optional<Episode> episode = Episode.currentOf(sent.clientId());
        if (episode.isEmpty() || ReferralEvent.count("referralId = ?1 and kind = ?2", sent.referralId(),
                ReferralEvent.Kind.SENT) > 0) {
            return;
        }
        ReferralEvent e = event(sent.referralId(), episode.get(), ReferralEvent.Kind.SENT, at);
        e.organisationId = sent.organisationId();
        e.urgency = sent.urgency();
        e.status = "SENT";
        e.byStaff = sent.referredBy();
        e.persist();
    }

    public void statusChanged(UUID eventId, ReferralStatusChanged changed, Instant at) {
        if (!inbox.firstDelivery(eventId, EventType.REFERRAL_STATUS_CHANGED.wireName())) {
            return;
        }
        episodeOfReferral(changed.referralId()).ifPresent(episode -> {
            ReferralEvent e = event(changed.referralId(), episode, ReferralEvent.Kind.STATUS_CHANGED, at);
            e.organisationId = changed.organisationId();
            e.status = changed.status();
            e.code = changed.reason() != null ? changed.reason() : changed.outcome();
            e.persist();
        });
    }

    public void overdue(UUID eventId, ReferralOverdue overdue, Instant at) {
        if (!inbox.firstDelivery(eventId, EventType.REFERRAL_OVERDUE.wireName())) {
            return;
        }
        episodeOfReferral(overdue.referralId()).ifPresent(episode -> {
            ReferralEvent e = event(overdue.referralId(), episode, ReferralEvent.Kind.OVERDUE, at);
            e.organisationId = overdue.organisationId();
            e.code = overdue.kind();
            e.persist();
            Flag.raise(Flag.Kind.OVERDUE_REFERRAL, episode.id, episode.clientId, episode.clinicId,
                    overdue.referralId(), overdue.kind(), e.at);
        });
    }

    public void reminderSent(UUID eventId, care.securebase.events.ReminderSent sent, Instant at) {
        if (!inbox.firstDelivery(eventId, EventType.REMINDER_SENT.wireName())
                || ReminderSent.findById(sent.reminderId()) != null) {
            return;
        }
        Optional<Episode> episode = sent.episodeId() != null
                ? Episode.<Episode>findByIdOptional(sent.episodeId()).filter(e -> e.clientId.equals(sent.clientId()))
                : Episode.currentOf(sent.clientId());
        episode.ifPresent(ep -> {
            ReminderSent r = new ReminderSent();
            r.reminderId = sent.reminderId();
            r.boosterId = sent.boosterId();
            r.episodeId = ep.id;
            r.clientId = ep.clientId;
            r.channel = sent.channel();
            r.sentAt = sent.sentAt() != null ? sent.sentAt() : at != null ? at : clock.instant();
            r.persist();
        });
    }

    /**
     * The check-in's message went: it is SENT if still DUE. The answer may have come first (the client
     * was quicker than the relay), and a check-in expired or stopped stays so; its sentAt is kept all the
     * same, as a missed check-in that was sent is not one that never went. The first announcement wins.
     * One conditional update, so an answer committed meanwhile is never overwritten.
     */
    public void checkInSent(UUID eventId, CheckInSent sent, Instant at) {
        if (!inbox.firstDelivery(eventId, EventType.CHECK_IN_SENT.wireName())) {
            return;
        }
        Panache.getEntityManager().createNativeQuery("""
                        update check_in set sent_at = :sentAt,
                            status = case when status = 'DUE' then 'SENT' else status end
                        where id = :id and client_id = :client and sent_at is null""")
                .setParameter("sentAt", sent.sentAt() != null ? sent.sentAt() : at != null ? at : clock.instant())
                .setParameter("id", sent.checkInId())
                .setParameter("client", sent.clientId())
                .executeUpdate();
    }

    /** The episode the referral was attached to when it was sent; unknown referrals are not ours. */
    private static Optional<Episode> episodeOfReferral(UUID referralId) {
        return ReferralEvent.<ReferralEvent>find("referralId = ?1 and kind = ?2", referralId, ReferralEvent.Kind.SENT)
                .firstResultOptional().flatMap(r -> Episode.findByIdOptional(r.episodeId));
    }

    private ReferralEvent event(UUID referralId, Episode episode, ReferralEvent.Kind kind, Instant at) {
        ReferralEvent e = new ReferralEvent();
        e.id = UUID.randomUUID();
        e.referralId = referralId;
        e.episodeId = episode.id;
        e.clientId = episode.clientId;
        e.kind = kind;
        e.at = at != null ? at : clock.instant();
        return e;
    }
}
