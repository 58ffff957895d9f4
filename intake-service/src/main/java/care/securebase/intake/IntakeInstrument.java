package care.securebase.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One instrument administered at intake: which version, the answers given, and what they scored. */
@Entity
@Table(name = "intake_instrument")
public class IntakeInstrument extends PanacheEntityBase {

    /** One scale's result as stored and shown: the value (sum or mean) and its band, if it has bands. */
    public record Score(String scale, BigDecimal value, String band) {
    }

    @Id
    public UUID id;
    @Column(name = "intake_id")
    public UUID intakeId;
    public String code;
    public int version;
    /** Item answers in order, comma-separated; clinical content, never logged or sent in events. */
    public String answers;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Score> scores;

    public List<Integer> answerList() {
        return Arrays.stream(answers.split(",")).map(Integer::valueOf).toList();
    }

    public static List<IntakeInstrument> of(UUID intakeId) {
        return list("intakeId = ?1 order by code", intakeId);
    }
}
