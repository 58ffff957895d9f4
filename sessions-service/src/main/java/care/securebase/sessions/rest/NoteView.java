package care.securebase.sessions.rest;

import care.securebase.sessions.NoteAddendum;
import care.securebase.sessions.NoteContent;
import care.securebase.sessions.NoteFormat;
import care.securebase.sessions.NoteStatus;
import care.securebase.sessions.SessionNote;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SessionNote")
public record NoteView(UUID id, UUID sessionId, UUID episodeId, UUID clientId, String authorId, NoteFormat format,
                       @Schema(description = "Section names of the format, in order") List<String> sections,
                       NoteStatus status, NoteContent content, Instant createdAt, Instant updatedAt, Instant signedAt,
                       String cosignedBy, Instant cosignedAt, List<AddendumView> addenda) {

    @Schema(name = "NoteAddendum")
    public record AddendumView(UUID id, String authorId, Instant createdAt, String text) {
        static AddendumView of(NoteAddendum a) {
            return new AddendumView(a.id, a.authorId, a.createdAt, a.text);
        }
    }

    static NoteView of(SessionNote n, List<NoteAddendum> addenda) {
        return new NoteView(n.id, n.sessionId, n.episodeId, n.clientId, n.authorId, n.format, n.format.sections(),
                n.status, n.content, n.createdAt, n.updatedAt, n.signedAt, n.cosignedBy, n.cosignedAt,
                addenda.stream().map(AddendumView::of).toList());
    }
}
