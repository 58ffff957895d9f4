package care.securebase.sessions;

import care.securebase.kit.problem.InvalidFieldException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.ws.rs.ForbiddenException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The note of one session; see {@link NoteStatus} for its life cycle. */
@Entity
@Table(name = "session_note")
public class SessionNote extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "author_id")
    public String authorId;
    @Enumerated(EnumType.STRING)
    public NoteFormat format;
    @JdbcTypeCode(SqlTypes.JSON)
    public NoteContent content;
    @Enumerated(EnumType.STRING)
    public NoteStatus status;
    @Column(name = "session_start")
    public Instant sessionStart;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "signed_at")
    public Instant signedAt;
    @Column(name = "cosigned_by")
    public String cosignedBy;
    @Column(name = "cosigned_at")
    public Instant cosignedAt;
    @Version
    public long version;

    /** A draft's content may only use its format's sections. */
    public static void checkSections(NoteFormat format, NoteContent content) {
        for (String section : content.sections().keySet()) {
            if (!format.sections().contains(section)) {
                throw new InvalidFieldException("sections." + section, "is not a section of a " + format
                        + " note; its sections are " + format.sections());
            }
        }
    }

    public void edit(String by, NoteContent newContent, Instant at) {
        status.requireEditable();
        requireAuthor(by, "edit");
        checkSections(format, newContent);
        content = newContent;
        updatedAt = at;
    }

    /** Signing needs every section of the format and the risk check: a signed note is complete. */
    public void sign(String by, boolean trainee, Instant at) {
        requireAuthor(by, "sign");
        NoteStatus next = status.sign(trainee);
        for (String section : format.sections()) {
            String text = content.sections().get(section);
            if (text == null || text.isBlank()) {
                throw new InvalidFieldException("sections." + section, "must be written before the note is signed");
            }
        }
        if (content.riskCheck() == null) {
            throw new InvalidFieldException("riskCheck", "must be recorded before the note is signed");
        }
        status = next;
        signedAt = at;
        updatedAt = at;
    }

    /** A supervisor of the note's clinic, other than its author, co-signs. */
    public void cosign(String by, boolean supervisorOfClinic, Instant at) {
        NoteStatus next = status.cosign();
        if (!supervisorOfClinic || by.equals(authorId)) {
            throw new ForbiddenException("Only a supervisor of " + clinicId + " other than the author co-signs");
        }
        status = next;
        cosignedBy = by;
        cosignedAt = at;
        updatedAt = at;
    }

    private void requireAuthor(String by, String what) {
        if (!by.equals(authorId)) {
            throw new ForbiddenException("Only the note's author (" + authorId + ") may " + what + " it");
        }
    }

    public static Optional<SessionNote> ofSession(UUID sessionId) {
        return find("sessionId", sessionId).firstResultOptional();
    }

    public static Map<UUID, SessionNote> bySession(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        return SessionNote.<SessionNote>list("sessionId in ?1", sessionIds).stream()
                .collect(java.util.stream.Collectors.toMap(n -> n.sessionId, n -> n));
    }
}
