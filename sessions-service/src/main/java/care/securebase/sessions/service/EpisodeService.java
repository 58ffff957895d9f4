package care.securebase.sessions.service;

import care.securebase.events.EpisodeDischarged;
import care.securebase.events.EpisodeOpened;
import care.securebase.events.EventType;
import care.securebase.events.IntakeCompleted;
import care.securebase.events.MaintenanceEnded;
import care.securebase.events.RiskFlagRaised;
import care.securebase.kit.outbox.Inbox;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.security.Caller;
import care.securebase.sessions.CheckInSchedule;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Flag;
import care.securebase.sessions.OutcomeAdministration;
import care.securebase.sessions.OutcomeScore;
import care.securebase.sessions.MaintenancePlan;
import care.securebase.sessions.Phase;
import care.securebase.sessions.RiskFlag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class EpisodeService {

    private static final Logger LOG = Logger.getLogger(EpisodeService.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final Caller caller;
    private final CheckInScheduleService checkIns;

    public EpisodeService(Inbox inbox, Outbox outbox, Caller caller, CheckInScheduleService checkIns) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.caller = caller;
        this.checkIns = checkIns;
    }

    /**
     * Opens the episode a completed intake asks for, once: the inbox absorbs redeliveries of the
     * event, the unique intake id absorbs the same intake announced twice under different event ids.
     */
    /** Keeps a risk flag raised at intake so every episode of the client shows it. */
    public void recordRiskFlag(UUID eventId, RiskFlagRaised raised, Instant raisedAt) {
        if (!inbox.firstDelivery(eventId, EventType.RISK_FLAG_RAISED.wireName())
                || RiskFlag.count("intakeId = ?1 and source = ?2", raised.intakeId(), raised.source()) > 0) {
            return;
        }
        RiskFlag flag = new RiskFlag();
        flag.id = UUID.randomUUID();
        flag.clientId = raised.clientId();
        flag.clinicId = raised.clinicId();
        flag.intakeId = raised.intakeId();
        flag.level = raised.level();
        flag.source = raised.source();
        flag.raisedAt = raisedAt != null ? raisedAt : Instant.now();
        flag.persist();
        // On the caseload too; with no current episode yet it waits for the one intake opens.
        Flag.raise(Flag.Kind.RISK, Episode.currentOf(flag.clientId).map(e -> e.id).orElse(null), flag.clientId,
                flag.clinicId, flag.id, flag.level + " " + flag.source, flag.raisedAt);
    }

    public Optional<Episode> openFor(UUID eventId, String eventType, String openedBy, IntakeCompleted intake) {
        if (!inbox.firstDelivery(eventId, eventType)) {
            return Optional.empty();
        }
        if (Episode.forIntake(intake.intakeId()).isPresent()) {
            LOG.infof("Intake %s already has an episode; event %s changes nothing", intake.intakeId(), eventId);
            return Optional.empty();
        }
        Instant now = Instant.now();
        Episode episode = Episode.open(intake, openedBy, now);
        // The bulk update below would not flush the episode's insert by itself (different table).
        Episode.flush();
        Flag.update("episodeId = ?1 where clientId = ?2 and episodeId is null and clearedAt is null",
                episode.id, episode.clientId);
        keepBaseline(episode, intake.scores(), openedBy, now);
        outbox.publish(new EpisodeOpened(episode.id, episode.clientId, episode.intakeId, episode.clinicId,
                episode.clinicianId));
        return Optional.of(episode);
    }

    /** The intake's scale scores, as the baseline the episode's outcomes are judged against. */
    private static void keepBaseline(Episode episode, List<IntakeCompleted.ScoreSummary> scores, String by, Instant at) {
        if (scores == null) {
            return;
        }
        Map<String, OutcomeAdministration> byInstrument = new HashMap<>();
        for (IntakeCompleted.ScoreSummary s : scores) {
            if (s == null || s.instrument() == null || s.scale() == null) {
                continue;
            }
            OutcomeAdministration a = byInstrument.computeIfAbsent(s.instrument(), code -> {
                OutcomeAdministration n = new OutcomeAdministration();
                n.id = UUID.randomUUID();
                n.episodeId = episode.id;
                n.instrument = code;
                n.source = OutcomeAdministration.Source.INTAKE;
                n.administeredBy = by;
                n.administeredAt = at;
                n.persist();
                return n;
            });
            OutcomeScore score = new OutcomeScore();
            score.id = UUID.randomUUID();
            score.administrationId = a.id;
            score.episodeId = episode.id;
            score.instrument = a.instrument;
            score.scale = s.scale();
            score.value = BigDecimal.valueOf(s.score());
            score.band = s.band();
            score.administeredAt = at;
            score.persist();
        }
    }

    /** Another clinic's episode is answered exactly like a missing one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Episode visible(UUID id) {
        return visibleOrNotFound(Episode.<Episode>findByIdOptional(id));
    }

    /** Like {@link #visible} but locked for a change. */
    public Episode visibleForUpdate(UUID id) {
        return visibleOrNotFound(Episode.findForUpdate(id));
    }

    private Episode visibleOrNotFound(Optional<Episode> found) {
        Episode episode = found.orElseThrow(NotFoundException::new);
        if (!caller.canSeeClinic(episode.clinicId)) {
            throw new NotFoundException();
        }
        return episode;
    }

    /**
     * Episodes of the caller's clinic. A clinic-admin sees the network: all clinics, or the one
     * named.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Episode> list(String clinicId, UUID clientId, int page, int size) {
        String clinic = caller.seesAllClinics() ? clinicId : caller.requireClinic();
        return Episode.search(clinic, clientId, page, size);
    }

    /**
     * A direct phase change (assessment to treatment, relapse, discharge). Leaving maintenance ends
     * the plan in force and calls off its outstanding boosters; discharge and relapse end the check-ins.
     */
    public Episode changePhase(UUID id, Phase target, String reason) {
        Episode episode = visibleForUpdate(id);
        Phase from = episode.phase;
        Instant now = Instant.now();
        episode.moveTo(target, reason, caller.id(), now);
        if (from == Phase.MAINTENANCE) {
            MaintenancePlan.current(episode.id).ifPresent(plan -> outbox.publish(new MaintenanceEnded(
                    episode.id, episode.clientId, episode.clinicId, target.name(), plan.end(now))));
        }
        if (target == Phase.DISCHARGED) {
            checkIns.end(episode, CheckInSchedule.EndReason.DISCHARGED, now);
        } else if (from == Phase.MAINTENANCE) {
            checkIns.end(episode, CheckInSchedule.EndReason.RELAPSE, now);
        }
        if (target == Phase.DISCHARGED) {
            outbox.publish(new EpisodeDischarged(episode.id, episode.clientId, episode.clinicId, episode.clinicianId));
        }
        return episode;
    }
}
