package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One scale's score of one administration. */
@Entity
@Table(name = "outcome_score")
public class OutcomeScore extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "administration_id")
    public UUID administrationId;
    @Column(name = "episode_id")
    public UUID episodeId;
    public String instrument;
    public String scale;
    public BigDecimal value;
    public String band;
    @Column(name = "administered_at")
    public Instant administeredAt;

    public static List<OutcomeScore> ofEpisode(UUID episodeId) {
        return list("episodeId = ?1 order by administeredAt, id", episodeId);
    }
}
