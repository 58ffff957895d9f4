package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One check-in that fell due: what it asks, its link (hash only) and what became of it. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    public enum Status { DUE, SENT, ANSWERED, EXPIRED, CANCELLED }

    @Id
    public UUID id;
    @Column(name = "schedule_id")
    public UUID scheduleId;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    /** The maintenance plan whose warning signs and coping tools the page lists (null: none asked). */
    @Column(name = "plan_id")
    public UUID planId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> instruments;
    @Column(name = "include_warning_signs")
    public boolean includeWarningSigns;
    @Column(name = "include_coping_tools")
    public boolean includeCopingTools;
    @Column(name = "diary_prompt")
    public boolean diaryPrompt;
    @Column(name = "warning_sign_threshold")
    public int warningSignThreshold;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "link_hash")
    public String linkHash;
    /** The flag rules this check-in fired (RISK, DETERIORATION, WARNING_SIGNS, MISSED). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> flags = new ArrayList<>();

    public boolean open() {
        return status == Status.DUE || status == Status.SENT;
    }

    public void addFlag(CheckInRules.Kind kind) {
        List<String> next = new ArrayList<>(flags);
        if (!next.contains(kind.name())) {
            next.add(kind.name());
        }
        flags = next;
    }
}
