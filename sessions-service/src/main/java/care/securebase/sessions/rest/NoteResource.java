package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.ClinicSettings;
import care.securebase.sessions.NoteContent;
import care.securebase.sessions.OverdueNotes;
import care.securebase.sessions.RecordAccess;
import care.securebase.sessions.SessionNote;
import care.securebase.sessions.service.NoteService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/notes")
@Tag(name = "Notes")
public class NoteResource {

    private final NoteService notes;

    public NoteResource(NoteService notes) {
        this.notes = notes;
    }

    @Schema(name = "NewAddendum")
    public record AddendumRequest(@NotBlank @Size(max = 10000) @Schema(examples = "Correction: the homework was set "
            + "for two weeks, not one") String text) {
    }

    @Schema(name = "OverdueNote")
    public record OverdueView(UUID noteId, UUID sessionId, UUID episodeId, UUID clientId, String authorId,
                              Instant sessionStart, Instant createdAt,
                              @Schema(description = "When the draft became overdue") Instant dueBy) {
    }

    @Schema(name = "NoteAwaitingCosign")
    public record AwaitingCosignView(UUID noteId, UUID sessionId, UUID episodeId, UUID clientId, String authorId,
                                     Instant sessionStart, @Schema(description = "When the trainee signed") Instant signedAt) {
    }

    @Schema(name = "NoteAccess")
    public record AccessView(UUID id, @Schema(description = "NOTE or SAFETY_PLAN") RecordAccess.Kind kind,
                             @Schema(description = "The note or safety-plan version read") UUID recordId,
                             UUID clientId, String staffId, Instant accessedAt) {
        static AccessView of(RecordAccess a) {
            return new AccessView(a.id, a.recordKind, a.recordId, a.clientId, a.staffId, a.accessedAt);
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "One note with its addenda; the read is recorded")
    public NoteView get(@PathParam("id") UUID id) {
        SessionNote note = notes.read(id);
        return NoteView.of(note, notes.addenda(note.id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Replace a draft's content (its author only; 409 once signed)")
    public NoteView edit(@PathParam("id") UUID id, @Valid @NotNull NoteContent content) {
        SessionNote note = notes.edit(id, content);
        return NoteView.of(note, List.of());
    }

    @POST
    @Path("{id}/sign")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "The author signs the draft: SIGNED, or AWAITING_COSIGN for a trainee. Every section and "
            + "the risk check must be written")
    public NoteView sign(@PathParam("id") UUID id) {
        SessionNote note = notes.sign(id);
        return NoteView.of(note, notes.addenda(note.id));
    }

    @POST
    @Path("{id}/cosign")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "A supervisor of the clinic co-signs a trainee's signed note")
    public NoteView cosign(@PathParam("id") UUID id) {
        SessionNote note = notes.cosign(id);
        return NoteView.of(note, notes.addenda(note.id));
    }

    @POST
    @Path("{id}/addenda")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Add a correction or addition to a signed note, by the caller, now")
    public Response addendum(@PathParam("id") UUID id, @Valid @NotNull AddendumRequest request) {
        return Response.status(201).entity(NoteView.AddendumView.of(notes.addendum(id, request.text()))).build();
    }

    @GET
    @Path("overdue")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "Drafts whose session began more than the clinic's overdueNoteDays ago: a clinician's own; "
            + "a supervisor's or clinic-admin's whole clinic (or one author's)")
    public List<OverdueView> overdue(@QueryParam("authorId") String authorId) {
        return notes.overdue(authorId).stream().map(n -> new OverdueView(n.id, n.sessionId, n.episodeId, n.clientId,
                n.authorId, n.sessionStart, n.createdAt,
                OverdueNotes.dueBy(n.sessionStart, ClinicSettings.of(n.clinicId).overdueNoteDays))).toList();
    }

    @GET
    @Path("awaiting-cosign")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "Trainees' notes waiting for a supervisor's co-signature, oldest first: the clinic's for a "
            + "supervisor or clinic-admin, a trainee's own otherwise")
    public List<AwaitingCosignView> awaitingCosign() {
        return notes.awaitingCosign().stream().map(n -> new AwaitingCosignView(n.id, n.sessionId, n.episodeId,
                n.clientId, n.authorId, n.sessionStart, n.signedAt)).toList();
    }
}
