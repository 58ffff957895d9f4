package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A booster reminder notifications-service sent the client. */
@Entity
@Table(name = "reminder_sent")
public class ReminderSent extends PanacheEntityBase {

    @Id
    @Column(name = "reminder_id")
    public UUID reminderId;
    @Column(name = "booster_id")
    public UUID boosterId;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "client_id")
    public UUID clientId;
    public String channel;
    @Column(name = "sent_at")
    public Instant sentAt;
}
