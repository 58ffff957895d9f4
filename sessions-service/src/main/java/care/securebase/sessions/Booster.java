package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A booster session of a maintenance plan: a planned check-in after active treatment ended. */
@Entity
public class Booster extends PanacheEntityBase {

    /** SCHEDULED until it happens (ATTENDED), does not (MISSED) or is called off (CANCELLED). */
    public enum Status { SCHEDULED, CANCELLED, ATTENDED, MISSED }

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "due_at")
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
