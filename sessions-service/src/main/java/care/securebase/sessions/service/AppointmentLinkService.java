package care.securebase.sessions.service;

import care.securebase.events.AppointmentCancelRequested;
import care.securebase.kit.outbox.Outbox;
import care.securebase.sessions.SessionStatus;
import care.securebase.sessions.TherapySession;
import care.securebase.sessions.links.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;

/**
 * The client's answer to an appointment reminder, by its link: confirm, or ask to cancel. The link
 * lives until the session starts (or is moved, cancelled, held) and dies once used.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AppointmentLinkService {

    private final LinkTokens tokens;
    private final Outbox outbox;
    private final Clock clock;

    public AppointmentLinkService(LinkTokens tokens, Outbox outbox, Clock clock) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TherapySession view(String token) {
        return open(token, false);
    }

    /** The session stays scheduled either way; a cancel request goes to the clinician's inbox. */
    public TherapySession answer(String token, TherapySession.Confirmation answer) {
        TherapySession session = open(token, true);
        Instant now = clock.instant();
        session.confirmation = answer;
        session.confirmationAt = now;
        session.linkUsedAt = now;
        if (answer == TherapySession.Confirmation.CANCEL_REQUESTED) {
            outbox.publish(new AppointmentCancelRequested(session.id, session.clientId, session.clinicId,
                    session.clinicianId));
        }
        return session;
    }

    private TherapySession open(String token, boolean forUpdate) {
        String hash = tokens.verify(LinkTokens.APPOINTMENT, token).orElseThrow(NotFoundException::new);
        var query = TherapySession.<TherapySession>find("linkHash", hash);
        TherapySession session = (forUpdate ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        if (session.status != SessionStatus.SCHEDULED
                || !LinkTokens.usable(session.plannedStart, session.linkUsedAt, clock.instant())) {
            throw new NotFoundException();
        }
        return session;
    }
}
