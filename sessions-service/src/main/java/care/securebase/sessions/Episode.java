package care.securebase.sessions;

import care.securebase.events.IntakeCompleted;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An episode of care: one client's course of treatment at a clinic, from intake to discharge. */
@Entity
public class Episode extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "intake_id")
    public UUID intakeId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "clinician_id")
    public String clinicianId;
    /** Triage of the intake, as intake-service named it. */
    public String priority;
    @Column(name = "risk_level")
    public String riskLevel;
    public String modality;
    @Enumerated(EnumType.STRING)
    public Phase phase;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "phase_changed_at")
    public Instant phaseChangedAt;
    @Column(name = "phase_changed_by")
    public String phaseChangedBy;

    /** A new episode in assessment for a completed intake, its opening recorded as the first phase change. */
    public static Episode open(IntakeCompleted intake, String by, Instant at) {
        Episode episode = new Episode();
        episode.id = UUID.randomUUID();
        episode.clientId = intake.clientId();
        episode.intakeId = intake.intakeId();
        episode.clinicId = intake.clinicId();
        episode.clinicianId = intake.clinicianId();
        episode.priority = intake.priority();
        episode.riskLevel = intake.riskLevel();
        episode.modality = intake.modality();
        episode.openedAt = at;
        episode.phase = Phase.ASSESSMENT;
        episode.phaseChangedAt = at;
        episode.phaseChangedBy = by;
        // Complete before persist: the insert carries the state as it is now.
        episode.persist();
        episode.record(null, Phase.ASSESSMENT, null, by, at);
        return episode;
    }

    /** A move asked for on the phase endpoint; {@link Phase#moveTo} refuses the illegal ones. */
    public void moveTo(Phase target, String reason, String by, Instant at) {
        record(phase, phase.moveTo(target, reason), reason, by, at);
    }

    public void enterMaintenance(String by, Instant at) {
        record(phase, phase.enterMaintenance(), null, by, at);
    }

    private void record(Phase from, Phase to, String reason, String by, Instant at) {
        PhaseChange change = new PhaseChange();
        change.id = UUID.randomUUID();
        change.episodeId = id;
        change.fromPhase = from;
        change.toPhase = to;
        change.reason = reason == null || reason.isBlank() ? null : reason.strip();
        change.changedBy = by;
        change.changedAt = at;
        change.persist();
        phase = to;
        phaseChangedAt = at;
        phaseChangedBy = by;
    }

    public List<PhaseChange> history() {
        return PhaseChange.list("episodeId", Sort.by("changedAt").and("id"), id);
    }

    /** The client's newest episode that is not discharged, if any: where news about the client belongs. */
    public static Optional<Episode> currentOf(UUID clientId) {
        return find("clientId = ?1 and phase <> ?2 order by openedAt desc", clientId, Phase.DISCHARGED)
                .firstResultOptional();
    }

    public static Optional<Episode> forIntake(UUID intakeId) {
        return find("intakeId", intakeId).firstResultOptional();
    }

    /** For a change: holds the row until the transaction ends, so concurrent moves queue up. */
    public static Optional<Episode> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first; a null clinic means every clinic, a null client every client. */
    public static List<Episode> search(String clinicId, UUID clientId, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (clinicId != null) {
            where.add("clinicId = :clinicId");
            params.and("clinicId", clinicId);
        }
        if (clientId != null) {
            where.add("clientId = :clientId");
            params.and("clientId", clientId);
        }
        String query = where.isEmpty() ? "from Episode" : "from Episode where " + String.join(" and ", where);
        return find(query, Sort.by("openedAt").descending().and("id"), params).page(Page.of(page, size)).list();
    }
}
