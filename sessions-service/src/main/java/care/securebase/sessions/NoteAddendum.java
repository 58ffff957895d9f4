package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A correction or addition to a signed note, by its own author at its own time. */
@Entity
@Table(name = "note_addendum")
public class NoteAddendum extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "note_id")
    public UUID noteId;
    @Column(name = "author_id")
    public String authorId;
    @Column(name = "created_at")
    public Instant createdAt;
    public String text;

    public static List<NoteAddendum> ofNote(UUID noteId) {
        return list("noteId = ?1 order by createdAt, id", noteId);
    }
}
