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
    /**
     * Item answers in order, comma-separated, an empty place for an item left unanswered (C-SSRS items
     * 3-5 after a "no" to item 2); clinical content, never logged or sent in events.
     */
    public String answers;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Score> scores;

    /** One entry per item, item 1 first; null for an item left unanswered. */
    public List<Integer> answerList() {
        // -1 keeps trailing empty places: a skipped last item is still an item.
        return Arrays.stream(answers.split(",", -1)).map(a -> a.isEmpty() ? null : Integer.valueOf(a)).toList();
    }

    public static List<IntakeInstrument> of(UUID intakeId) {
        return list("intakeId = ?1 order by code", intakeId);
    }
}
