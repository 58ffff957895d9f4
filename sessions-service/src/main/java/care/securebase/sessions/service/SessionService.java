package care.securebase.sessions.service;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Phase;
import care.securebase.sessions.SessionStatus;
import care.securebase.sessions.TherapySession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SessionService {

    /** Sessions are booked at most this far ahead; recorded at most this far back. */
    static final Duration HORIZON = Duration.ofDays(2 * 366);

    private final EpisodeService episodes;
    private final Caller caller;
    private final Clock clock;

    public SessionService(EpisodeService episodes, Caller caller, Clock clock) {
        this.episodes = episodes;
        this.caller = caller;
        this.clock = clock;
    }

    public record NewSession(Instant plannedStart, int lengthMinutes, TherapySession.Modality modality,
                             boolean telehealth, List<TherapySession.Attendee> attendees) {
    }

    /** Books (or records after the fact) a session of an episode that is not discharged. */
    public TherapySession schedule(UUID episodeId, NewSession s) {
        Instant now = clock.instant();
        if (s.plannedStart().isAfter(now.plus(HORIZON)) || s.plannedStart().isBefore(now.minus(HORIZON))) {
            throw new InvalidFieldException("plannedStart", "must be within two years of today");
        }
        Episode episode = episodes.visibleForUpdate(episodeId);
        if (episode.phase == Phase.DISCHARGED) {
            throw new ConflictException("The episode is DISCHARGED; sessions belong to a current episode");
        }
        TherapySession session = new TherapySession();
        session.id = UUID.randomUUID();
        session.episodeId = episode.id;
        session.clientId = episode.clientId;
        session.clinicId = episode.clinicId;
        session.clinicianId = caller.id();
        session.status = SessionStatus.SCHEDULED;
        session.modality = s.modality();
        session.attendees = s.attendees() == null || s.attendees().isEmpty()
                ? List.of(new TherapySession.Attendee(TherapySession.AttendeeRole.CLIENT, null))
                : s.attendees().stream().map(a -> new TherapySession.Attendee(a.role(),
                        a.name() == null || a.name().isBlank() ? null : a.name().strip())).toList();
        session.telehealth = s.telehealth();
        session.plannedStart = s.plannedStart();
        session.lengthMinutes = s.lengthMinutes();
        session.createdBy = caller.id();
        session.createdAt = now;
        session.statusChangedBy = caller.id();
        session.statusChangedAt = now;
        session.persist();
        return session;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TherapySession> ofEpisode(UUID episodeId) {
        return TherapySession.ofEpisode(episodes.visible(episodeId).id);
    }

    public TherapySession changeStatus(UUID id, SessionStatus target) {
        TherapySession session = visibleForUpdate(id);
        session.moveTo(target, caller.id(), clock.instant());
        return session;
    }

    /** Another clinic's session is answered like a missing one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TherapySession visible(UUID id) {
        TherapySession session = TherapySession.<TherapySession>findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (!caller.canSeeClinic(session.clinicId)) {
            throw new NotFoundException();
        }
        return session;
    }

    public TherapySession visibleForUpdate(UUID id) {
        TherapySession session = TherapySession.<TherapySession>findByIdOptional(id,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).orElseThrow(NotFoundException::new);
        if (!caller.canSeeClinic(session.clinicId)) {
            throw new NotFoundException();
        }
        return session;
    }
}
