package care.securebase.sessions.rest;

import care.securebase.kit.input.Paging;
import care.securebase.kit.security.Roles;
import care.securebase.sessions.rest.NoteResource.AccessView;
import care.securebase.sessions.service.NoteService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/note-access")
@Tag(name = "Notes")
public class NoteAccessResource {

    private final NoteService notes;

    public NoteAccessResource(NoteService notes) {
        this.notes = notes;
    }

    @GET
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "Who read which note (or safety plan) of the admin's clinic, newest first")
    public List<AccessView> access(@QueryParam("clientId") UUID clientId, @QueryParam("noteId") UUID noteId,
                                   @QueryParam("staffId") String staffId, @QueryParam("from") Instant from,
                                   @QueryParam("to") Instant to,
                                   @Valid @BeanParam Paging.Wide paging) {
        return notes.accessRecords(new NoteService.AccessQuery(clientId, noteId, staffId, from, to, paging.page(),
                        paging.size()))
                .stream().map(AccessView::of).toList();
    }
}
