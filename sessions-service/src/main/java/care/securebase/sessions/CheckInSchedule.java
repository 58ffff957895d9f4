package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What an episode's client is asked between sessions, and how often; one in force per episode. */
@Entity
@Table(name = "check_in_schedule")
public class CheckInSchedule extends PanacheEntityBase {

    public enum EndReason { STOPPED, DISCHARGED, RELAPSE, FINISHED }

    @Id
    public UUID id;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> instruments;
    @Enumerated(EnumType.STRING)
    public CheckInCadence.Frequency frequency;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<LocalDate> dates;
    public LocalDate until;
    @Column(name = "include_warning_signs")
    public boolean includeWarningSigns;
    @Column(name = "include_coping_tools")
    public boolean includeCopingTools;
    @Column(name = "diary_prompt")
    public boolean diaryPrompt;
    @Column(name = "warning_sign_threshold")
    public int warningSignThreshold;
    /** Where the cadence counts from: when the schedule was set or last changed. */
    @Column(name = "anchor_at")
    public Instant anchorAt;
    @Column(name = "next_seq")
    public int nextSeq;
    @Column(name = "next_due_at")
    public Instant nextDueAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "ended_reason")
    public EndReason endedReason;

    /**
     * Counts the cadence again, as when the schedule is set or changed: from the last check-in that fell
     * due (the next comes one new period after it, never a second one at once), else from now.
     */
    public void restart(Instant now, Instant lastDue) {
        anchorAt = lastDue == null ? now.truncatedTo(ChronoUnit.SECONDS) : lastDue;
        nextSeq = 0;
        nextDueAt = CheckInCadence.dueAt(frequency, dates, anchorAt, 0, until).orElse(null);
        while (lastDue != null && nextDueAt != null && !nextDueAt.isAfter(lastDue)) {
            nextSeq++;
            nextDueAt = CheckInCadence.dueAt(frequency, dates, anchorAt, nextSeq, until).orElse(null);
        }
    }

    /**
     * Moves past every slot due by {@code now} and returns the latest of them: a scheduler that was
     * down for weeks sends one check-in, not a backlog of stale ones.
     */
    public Optional<Instant> takeDue(Instant now) {
        Instant taken = null;
        while (nextDueAt != null && !nextDueAt.isAfter(now)) {
            taken = nextDueAt;
            nextSeq++;
            nextDueAt = CheckInCadence.dueAt(frequency, dates, anchorAt, nextSeq, until).orElse(null);
        }
        return Optional.ofNullable(taken);
    }

    public void end(EndReason reason, Instant at) {
        endedAt = at;
        endedReason = reason;
        nextDueAt = null;
    }

    public static Optional<CheckInSchedule> inForce(UUID episodeId) {
        return find("episodeId = ?1 and endedAt is null", episodeId).firstResultOptional();
    }

    public static Optional<CheckInSchedule> inForceForUpdate(UUID episodeId) {
        return find("episodeId = ?1 and endedAt is null", episodeId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
