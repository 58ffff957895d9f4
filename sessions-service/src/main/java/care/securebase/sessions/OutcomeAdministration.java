package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One giving of an instrument: at intake (the baseline) or during the episode. */
@Entity
@Table(name = "outcome_administration")
public class OutcomeAdministration extends PanacheEntityBase {

    /** CHECK_IN: self-reported by the client on a check-in link. */
    public enum Source { INTAKE, SESSION, CHECK_IN }

    @Id
    public UUID id;
    @Column(name = "episode_id")
    public UUID episodeId;
    public String instrument;
    /** Null for intake scores, whose version the event does not carry. */
    @Column(name = "instrument_version")
    public Integer instrumentVersion;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Column(name = "administered_by")
    public String administeredBy;
    @Column(name = "administered_at")
    public Instant administeredAt;
    @Column(name = "check_in_id")
    public UUID checkInId;
}
