package care.securebase.sessions.service;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Phase;
import care.securebase.sessions.PlanChanges;
import care.securebase.sessions.RecordAccess;
import care.securebase.sessions.SafetyPlan;
import care.securebase.sessions.SafetyPlanVersion;
import care.securebase.sessions.TreatmentPlan;
import care.securebase.sessions.TreatmentPlanVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Treatment plans (per episode) and safety plans (per client), both versioned, never edited in place. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PlanService {

    private final EpisodeService episodes;
    private final Staff staff;
    private final Clock clock;

    /** A plan's dates are within a working life of care, not year 0 or 9999 typed by mistake. */
    private static void checkPlanDate(String field, java.time.LocalDate date) {
        if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
            throw new InvalidFieldException(field, "must be between the years 2000 and 2100");
        }
    }

    public PlanService(EpisodeService episodes, Staff staff, Clock clock) {
        this.episodes = episodes;
        this.staff = staff;
        this.clock = clock;
    }

    /** A review: the new version, its objectives' ids kept or assigned, and what it changed. */
    public TreatmentPlanVersion reviseTreatmentPlan(UUID episodeId, TreatmentPlan asked) {
        Episode episode = episodes.visibleForUpdate(episodeId);
        if (episode.phase == Phase.DISCHARGED) {
            throw new ConflictException("The episode is DISCHARGED; its treatment plan is closed");
        }
        Optional<TreatmentPlanVersion> current = TreatmentPlanVersion.current(episode.id);
        Set<String> known = new HashSet<>();
        current.ifPresent(c -> c.content.objectives().forEach(o -> known.add(o.id())));
        Set<String> seen = new HashSet<>();
        List<TreatmentPlan.Objective> objectives = new ArrayList<>();
        for (int i = 0; i < asked.objectives().size(); i++) {
            TreatmentPlan.Objective o = asked.objectives().get(i);
            if (o.id() == null || o.id().isBlank()) {
                o = o.withId("o-" + UUID.randomUUID().toString().substring(0, 8));
            } else if (!known.contains(o.id())) {
                throw new InvalidFieldException("objectives[" + i + "].id",
                        "is not an objective of the current plan; leave it out for a new objective");
            }
            if (!seen.add(o.id())) {
                throw new InvalidFieldException("objectives[" + i + "].id", "appears twice");
            }
            objectives.add(o);
        }
        for (int i = 0; i < asked.interventions().size(); i++) {
            TreatmentPlan.Intervention in = asked.interventions().get(i);
            if (in.kind() == TreatmentPlan.InterventionKind.OTHER && (in.detail() == null || in.detail().isBlank())) {
                throw new InvalidFieldException("interventions[" + i + "].detail", "is required for OTHER");
            }
        }
        checkPlanDate("reviewBy", asked.reviewBy());
        for (int i = 0; i < objectives.size(); i++) {
            checkPlanDate("objectives[" + i + "].targetDate", objectives.get(i).targetDate());
            for (int m = 0; m < objectives.get(i).milestones().size(); m++) {
                checkPlanDate("objectives[" + i + "].milestones[" + m + "].reachedOn",
                        objectives.get(i).milestones().get(m).reachedOn());
            }
        }
        TreatmentPlan plan = new TreatmentPlan(asked.goals().stream().map(String::strip).toList(), objectives,
                asked.interventions(), asked.reviewBy());
        TreatmentPlanVersion v = new TreatmentPlanVersion();
        v.id = UUID.randomUUID();
        v.episodeId = episode.id;
        v.version = current.map(c -> c.version + 1).orElse(1);
        v.content = plan;
        v.changes = PlanChanges.between(current.map(c -> c.content).orElse(null), plan);
        v.changedBy = staff.id();
        v.changedAt = clock.instant();
        v.persist();
        return v;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TreatmentPlanVersion currentTreatmentPlan(UUID episodeId) {
        return TreatmentPlanVersion.current(episodes.visible(episodeId).id).orElseThrow(NotFoundException::new);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TreatmentPlanVersion> treatmentPlanVersions(UUID episodeId) {
        return TreatmentPlanVersion.ofEpisode(episodes.visible(episodeId).id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TreatmentPlanVersion treatmentPlanVersion(UUID episodeId, int version) {
        return TreatmentPlanVersion.of(episodes.visible(episodeId).id, version).orElseThrow(NotFoundException::new);
    }

    public SafetyPlanVersion reviseSafetyPlan(UUID clientId, SafetyPlan plan) {
        Episode episode = clientsEpisode(clientId);
        // Serialises concurrent revisions of one client's plan on the episode's row.
        Episode.findById(episode.id, LockModeType.PESSIMISTIC_WRITE);
        Optional<SafetyPlanVersion> current = SafetyPlanVersion.current(clientId);
        SafetyPlanVersion v = new SafetyPlanVersion();
        v.id = UUID.randomUUID();
        v.clientId = clientId;
        v.clinicId = episode.clinicId;
        v.version = current.map(c -> c.version + 1).orElse(1);
        v.content = plan;
        v.changedBy = staff.id();
        v.changedAt = clock.instant();
        v.persist();
        return v;
    }

    /** The current version, the read recorded like a note's. */
    public SafetyPlanVersion readSafetyPlan(UUID clientId, Integer version) {
        clientsEpisode(clientId);
        SafetyPlanVersion v = (version == null ? SafetyPlanVersion.current(clientId)
                : SafetyPlanVersion.of(clientId, version)).orElseThrow(NotFoundException::new);
        RecordAccess.record(RecordAccess.Kind.SAFETY_PLAN, v.id, clientId, v.clinicId, staff.id(), clock.instant());
        return v;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SafetyPlanVersion> safetyPlanVersions(UUID clientId) {
        clientsEpisode(clientId);
        return SafetyPlanVersion.ofClient(clientId);
    }

    /** The client's newest episode at the caller's clinic: no episode there, no access (404). */
    private Episode clientsEpisode(UUID clientId) {
        return Episode.<Episode>find("clientId = ?1 and clinicId = ?2 order by openedAt desc", clientId, staff.clinic())
                .firstResultOptional().orElseThrow(NotFoundException::new);
    }
}
