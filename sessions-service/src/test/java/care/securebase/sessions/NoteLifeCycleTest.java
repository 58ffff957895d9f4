package care.securebase.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import jakarta.ws.rs.ForbiddenException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoteLifeCycleTest {

    private static final Instant T = Instant.parse("2030-03-01T10:00:00Z");

    @Test
    void aQualifiedAuthorsSignatureIsFinal() {
        assertEquals(NoteStatus.SIGNED, NoteStatus.DRAFT.sign(false));
    }

    @Test
    void aTraineesSignatureAwaitsTheSupervisor() {
        assertEquals(NoteStatus.AWAITING_COSIGN, NoteStatus.DRAFT.sign(true));
        assertEquals(NoteStatus.SIGNED, NoteStatus.AWAITING_COSIGN.cosign());
    }

    @Test
    void refusedMoves() {
        for (boolean trainee : new boolean[] {true, false}) {
            assertThrows(ConflictException.class, () -> NoteStatus.AWAITING_COSIGN.sign(trainee));
            assertThrows(ConflictException.class, () -> NoteStatus.SIGNED.sign(trainee));
        }
        assertThrows(ConflictException.class, NoteStatus.DRAFT::cosign);
        assertThrows(ConflictException.class, NoteStatus.SIGNED::cosign);
    }

    @Test
    void onlyDraftsAreEditedAndOnlySignedNotesGetAddenda() {
        NoteStatus.DRAFT.requireEditable();
        assertThrows(ConflictException.class, NoteStatus.AWAITING_COSIGN::requireEditable);
        assertThrows(ConflictException.class, NoteStatus.SIGNED::requireEditable);
        assertThrows(ConflictException.class, NoteStatus.DRAFT::requireSignedByAuthor);
        NoteStatus.AWAITING_COSIGN.requireSignedByAuthor();
        NoteStatus.SIGNED.requireSignedByAuthor();
    }

    @Test
    void theAuthorSignsACompleteNoteAndASupervisorCoSigns() {
        SessionNote note = draft(NoteFormat.DAP, Map.of("data", "d", "assessment", "a"), true);
        assertThrows(ForbiddenException.class, () -> note.sign("colleague", false, T));
        assertEquals("sections.plan", assertThrows(InvalidFieldException.class,
                () -> note.sign("tara", true, T)).field());
        assertEquals(NoteStatus.DRAFT, note.status);

        note.edit("tara", content(Map.of("data", "d", "assessment", "a", "plan", "p"), true), T);
        note.sign("tara", true, T);
        assertEquals(NoteStatus.AWAITING_COSIGN, note.status);
        assertEquals(T, note.signedAt);
        assertThrows(ConflictException.class, () -> note.edit("tara", note.content, T));

        assertThrows(ForbiddenException.class, () -> note.cosign("colin", false, T));
        assertThrows(ForbiddenException.class, () -> note.cosign("tara", true, T));
        assertNull(note.cosignedBy);
        note.cosign("clara", true, T.plusSeconds(60));
        assertEquals(NoteStatus.SIGNED, note.status);
        assertEquals("clara", note.cosignedBy);
    }

    @Test
    void aNoteNeedsItsRiskCheckAndOnlyItsFormatsSections() {
        SessionNote note = draft(NoteFormat.SOAP, Map.of("subjective", "s", "objective", "o", "assessment", "a",
                "plan", "p"), false);
        assertEquals("riskCheck", assertThrows(InvalidFieldException.class,
                () -> note.sign("tara", false, T)).field());
        assertEquals("sections.data", assertThrows(InvalidFieldException.class,
                () -> note.edit("tara", content(Map.of("data", "x"), true), T)).field());
        assertEquals(List.of("subjective", "objective", "assessment", "plan"), NoteFormat.SOAP.sections());
    }

    @Test
    void aDraftIsOverdueOnlyAfterTheClinicsDays() {
        Instant start = Instant.parse("2030-03-01T09:00:00Z");
        assertFalse(OverdueNotes.isOverdue(NoteStatus.DRAFT, start, 3, start.plusSeconds(3 * 86400)));
        assertTrue(OverdueNotes.isOverdue(NoteStatus.DRAFT, start, 3, start.plusSeconds(3 * 86400 + 1)));
        assertFalse(OverdueNotes.isOverdue(NoteStatus.SIGNED, start, 3, start.plusSeconds(30 * 86400)));
        assertFalse(OverdueNotes.isOverdue(NoteStatus.AWAITING_COSIGN, start, 3, start.plusSeconds(30 * 86400)));
        assertEquals(Instant.parse("2030-03-06T09:00:00Z"), OverdueNotes.dueBy(start, 5));
        assertEquals(start, OverdueNotes.cutoff(3, start.plusSeconds(3 * 86400)));
    }

    private static SessionNote draft(NoteFormat format, Map<String, String> sections, boolean riskCheck) {
        SessionNote note = new SessionNote();
        note.authorId = "tara";
        note.clinicId = "northside";
        note.format = format;
        note.status = NoteStatus.DRAFT;
        note.content = content(sections, riskCheck);
        return note;
    }

    private static NoteContent content(Map<String, String> sections, boolean riskCheck) {
        return new NoteContent(sections, null, null, null, null,
                riskCheck ? new NoteContent.RiskCheck(NoteContent.RiskLevel.NONE, null) : null, null);
    }
}
