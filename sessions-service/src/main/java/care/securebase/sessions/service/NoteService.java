package care.securebase.sessions.service;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.sessions.ClinicSettings;
import care.securebase.sessions.NoteAddendum;
import care.securebase.sessions.NoteContent;
import care.securebase.sessions.NoteStatus;
import care.securebase.sessions.OverdueNotes;
import care.securebase.sessions.Practitioner;
import care.securebase.sessions.RecordAccess;
import care.securebase.sessions.SessionNote;
import care.securebase.sessions.TherapySession;
import care.securebase.sessions.TreatmentPlan;
import care.securebase.sessions.TreatmentPlanVersion;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Session notes: drafts, signatures, co-signatures, addenda, and the record of every read. Nothing
 * here logs or publishes a note's content.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class NoteService {

    private final SessionService sessions;
    private final Staff staff;
    private final Clock clock;

    public NoteService(SessionService sessions, Staff staff, Clock clock) {
        this.sessions = sessions;
        this.staff = staff;
        this.clock = clock;
    }

    /** A draft for an attended or missed session, in the clinic's format of the day. */
    public SessionNote create(UUID sessionId, NoteContent content) {
        TherapySession session = sessions.visibleForUpdate(sessionId);
        if (!session.status.canHaveNote()) {
            throw new ConflictException("The session is " + session.status
                    + "; notes are written for ATTENDED or NO_SHOW sessions");
        }
        if (SessionNote.ofSession(session.id).isPresent()) {
            throw new ConflictException("The session has a note already; edit that one");
        }
        SessionNote note = new SessionNote();
        note.format = ClinicSettings.of(session.clinicId).noteFormat;
        SessionNote.checkSections(note.format, content);
        checkObjectives(session.episodeId, content);
        Instant now = clock.instant();
        note.id = UUID.randomUUID();
        note.sessionId = session.id;
        note.episodeId = session.episodeId;
        note.clientId = session.clientId;
        note.clinicId = session.clinicId;
        note.authorId = staff.id();
        note.content = content;
        note.status = NoteStatus.DRAFT;
        note.sessionStart = session.plannedStart;
        note.createdAt = now;
        note.updatedAt = now;
        note.persist();
        return note;
    }

    /** Progress is recorded against the objectives of the episode's current treatment plan only. */
    private static void checkObjectives(UUID episodeId, NoteContent content) {
        if (content.objectiveProgress().isEmpty()) {
            return;
        }
        Set<String> objectives = TreatmentPlanVersion.current(episodeId)
                .map(v -> v.content.objectives().stream().map(TreatmentPlan.Objective::id).collect(Collectors.toSet()))
                .orElse(Set.of());
        for (int i = 0; i < content.objectiveProgress().size(); i++) {
            if (!objectives.contains(content.objectiveProgress().get(i).objectiveId())) {
                throw new InvalidFieldException("objectiveProgress[" + i + "].objectiveId",
                        "is not an objective of the episode's current treatment plan");
            }
        }
    }

    /** Reads a note and records who read it. */
    public SessionNote read(UUID noteId) {
        return audited(visible(noteId));
    }

    public SessionNote readOfSession(UUID sessionId) {
        TherapySession session = sessions.visible(sessionId);
        return audited(SessionNote.ofSession(session.id).orElseThrow(NotFoundException::new));
    }

    private SessionNote audited(SessionNote note) {
        RecordAccess.record(RecordAccess.Kind.NOTE, note.id, note.clientId, note.clinicId, staff.id(), clock.instant());
        return note;
    }

    public SessionNote edit(UUID noteId, NoteContent content) {
        SessionNote note = visibleForUpdate(noteId);
        checkObjectives(note.episodeId, content);
        note.edit(staff.id(), content, clock.instant());
        return note;
    }

    public SessionNote sign(UUID noteId) {
        SessionNote note = visibleForUpdate(noteId);
        note.sign(staff.id(), Practitioner.isTrainee(note.authorId), clock.instant());
        return note;
    }

    public SessionNote cosign(UUID noteId) {
        SessionNote note = visibleForUpdate(noteId);
        note.cosign(staff.id(), Practitioner.isSupervisorAt(staff.id(), note.clinicId), clock.instant());
        return note;
    }

    public NoteAddendum addendum(UUID noteId, String text) {
        SessionNote note = visibleForUpdate(noteId);
        note.status.requireSignedByAuthor();
        NoteAddendum addendum = new NoteAddendum();
        addendum.id = UUID.randomUUID();
        addendum.noteId = note.id;
        addendum.authorId = staff.id();
        addendum.createdAt = clock.instant();
        addendum.text = text.strip();
        addendum.persist();
        return addendum;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NoteAddendum> addenda(UUID noteId) {
        return NoteAddendum.ofNote(noteId);
    }

    /**
     * Overdue drafts of the caller's clinic: a clinician's own, or for a supervisor or clinic-admin
     * everyone's (narrowed to one author on request).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionNote> overdue(String authorId) {
        String clinic = staff.clinic();
        String author = staff.seesWholeClinic() ? authorId : staff.id();
        Instant cutoff = OverdueNotes.cutoff(ClinicSettings.of(clinic).overdueNoteDays, clock.instant());
        Parameters p = Parameters.with("clinic", clinic).and("status", NoteStatus.DRAFT).and("cutoff", cutoff);
        String q = "clinicId = :clinic and status = :status and sessionStart < :cutoff";
        if (author != null) {
            q += " and authorId = :author";
            p.and("author", author);
        }
        return SessionNote.list(q, Sort.by("sessionStart").and("id"), p);
    }

    /**
     * Trainees' signed notes waiting for a co-signature, oldest first: the clinic's for a supervisor or
     * clinic-admin, a clinician's own otherwise.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionNote> awaitingCosign() {
        Parameters p = Parameters.with("clinic", staff.clinic()).and("status", NoteStatus.AWAITING_COSIGN);
        String q = "clinicId = :clinic and status = :status";
        if (!staff.seesWholeClinic()) {
            q += " and authorId = :author";
            p.and("author", staff.id());
        }
        return SessionNote.list(q, Sort.by("signedAt").and("id"), p);
    }

    public record AccessQuery(UUID clientId, UUID noteId, String staffId, Instant from, Instant to, int page,
                              int size) {
    }

    /** Reads of the admin's own clinic's records, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordAccess> accessRecords(AccessQuery q) {
        List<String> where = new ArrayList<>(List.of("clinicId = :clinic"));
        Parameters p = Parameters.with("clinic", staff.clinic());
        if (q.clientId() != null) {
            where.add("clientId = :client");
            p.and("client", q.clientId());
        }
        if (q.noteId() != null) {
            where.add("recordId = :record");
            p.and("record", q.noteId());
        }
        if (q.staffId() != null) {
            where.add("staffId = :staff");
            p.and("staff", q.staffId());
        }
        if (q.from() != null) {
            where.add("accessedAt >= :from");
            p.and("from", q.from());
        }
        if (q.to() != null) {
            where.add("accessedAt < :to");
            p.and("to", q.to());
        }
        return RecordAccess.find(String.join(" and ", where), Sort.by("accessedAt").descending().and("id"), p)
                .page(Page.of(q.page(), q.size())).list();
    }

    /** Another clinic's note is answered like a missing one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionNote visible(UUID id) {
        return check(SessionNote.<SessionNote>findByIdOptional(id).orElseThrow(NotFoundException::new));
    }

    private SessionNote visibleForUpdate(UUID id) {
        return check(SessionNote.<SessionNote>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(NotFoundException::new));
    }

    private SessionNote check(SessionNote note) {
        // Notes are clinical: only clinicians of the note's clinic, whatever an admin sees elsewhere.
        if (!staff.isClinician() || !staff.clinicIdMatches(note.clinicId)) {
            throw new NotFoundException();
        }
        return note;
    }
}
