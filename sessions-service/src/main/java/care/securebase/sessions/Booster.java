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

    public enum Status { SCHEDULED, CANCELLED }

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
}
