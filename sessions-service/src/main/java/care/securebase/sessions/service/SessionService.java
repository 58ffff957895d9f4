package care.securebase.sessions.service;

import care.securebase.events.AppointmentCancelled;
import care.securebase.events.AppointmentScheduled;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Phase;
import care.securebase.sessions.SessionStatus;
import care.securebase.sessions.TherapySession;
import care.securebase.sessions.config.ClinicsConfig;
import care.securebase.sessions.links.LinkTokens;
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
    private final Outbox outbox;
    private final LinkTokens tokens;
    private final ClinicsConfig clinics;

    public SessionService(EpisodeService episodes, Caller caller, Clock clock, Outbox outbox, LinkTokens tokens,
                          ClinicsConfig clinics) {
        this.episodes = episodes;
        this.caller = caller;
        this.clock = clock;
        this.outbox = outbox;
        this.tokens = tokens;
        this.clinics = clinics;
    }

    /** @param videoLink a telehealth session's own video room; left out, the clinic's */
    public record NewSession(Instant plannedStart, int lengthMinutes, TherapySession.Modality modality,
                             boolean telehealth, List<TherapySession.Attendee> attendees, String videoLink) {
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
        if (s.telehealth()) {
            session.videoLink = s.videoLink() != null ? s.videoLink() : clinics.videoLinkOf(episode.clinicId).orElse(null);
        } else if (s.videoLink() != null) {
            throw new InvalidFieldException("videoLink", "only for a telehealth session");
        }
        session.persist();
        if (session.plannedStart.isAfter(now)) {
            announce(session);
        }
        return session;
    }

    /**
     * Moves a scheduled session to another time: a new link (the old one dies, as does the client's
     * earlier answer, which was about the old time) and appointment-scheduled again.
     */
    public TherapySession move(UUID id, Instant plannedStart) {
        Instant now = clock.instant();
        if (!plannedStart.isAfter(now) || plannedStart.isAfter(now.plus(HORIZON))) {
            throw new InvalidFieldException("plannedStart", "must be in the future, within two years");
        }
        TherapySession session = visibleForUpdate(id);
        if (session.status != SessionStatus.SCHEDULED) {
            throw new ConflictException("The session is " + session.status + "; only a scheduled session moves");
        }
        session.plannedStart = plannedStart;
        session.confirmation = TherapySession.Confirmation.NOT_CONFIRMED;
        session.confirmationAt = null;
        session.linkUsedAt = null;
        announce(session);
        return session;
    }

    /** A fresh link and the event notifications plans its reminders from: ids, the time, the links; no name. */
    private void announce(TherapySession session) {
        LinkTokens.Minted link = tokens.mint(LinkTokens.APPOINTMENT);
        session.linkHash = link.hash();
        outbox.publish(new AppointmentScheduled(session.id, session.episodeId, session.clientId, session.clinicId,
                session.clinicianId, session.plannedStart, link.token(), session.telehealth ? session.videoLink : null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TherapySession> ofEpisode(UUID episodeId) {
        return TherapySession.ofEpisode(episodes.visible(episodeId).id);
    }

    /** Leaving SCHEDULED before the start (cancelled, or held early) calls off the reminders not yet sent. */
    public TherapySession changeStatus(UUID id, SessionStatus target) {
        TherapySession session = visibleForUpdate(id);
        Instant now = clock.instant();
        boolean wasUpcoming = session.status == SessionStatus.SCHEDULED && session.plannedStart.isAfter(now);
        session.moveTo(target, caller.id(), now);
        if (wasUpcoming && session.linkHash != null) {
            outbox.publish(new AppointmentCancelled(session.id, session.clientId, session.clinicId));
        }
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
