package care.securebase.notifications.rest;

import care.securebase.kit.input.Paging;
import care.securebase.kit.security.Caller;
import care.securebase.kit.security.Roles;
import care.securebase.notifications.StaffNotice;
import care.securebase.notifications.StaffNoticeKind;
import care.securebase.notifications.service.StaffNoticeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own in-portal notices, and a clinic-admin's clinic's admin notices; nobody sees or marks
 * anyone else's (another's id is 404).
 */
@Path("/inbox")
@Tag(name = "Inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.INTAKE_COORDINATOR, Roles.CARE_COORDINATOR,
        Roles.SOCIAL_WORKER})
public class InboxResource {

    @Schema(name = "InboxNotice", description = "A notice to the caller; the portal link shows the details after login")
    public record NoticeItem(
            UUID id,
            @Schema(examples = "MISSED_BOOSTER") StaffNoticeKind kind,
            @Schema(examples = "A client missed a planned appointment") String title,
            String clinicId,
            @Schema(description = "The client, referral or failed delivery it is about") UUID subjectId,
            UUID clientId,
            @Schema(examples = "http://localhost:8080/clients/3f1c…") String link,
            Instant createdAt,
            Instant readAt) {
    }

    @Schema(name = "InboxPage")
    public record InboxPage(List<NoticeItem> items, int page, int size, long total, long unread) {
    }

    @Schema(name = "InboxCount")
    public record Count(long unread, long total) {
    }

    private final StaffNoticeService notices;
    private final Caller caller;
    private final String portalUrl;

    public InboxResource(StaffNoticeService notices, Caller caller,
                         care.securebase.notifications.mail.MailComposer composer) {
        this.notices = notices;
        this.caller = caller;
        this.portalUrl = composer.portalUrl();
    }

    @GET
    @Operation(summary = "The caller's notices, newest first")
    @APIResponse(responseCode = "200", description = "A page of notices",
            headers = @Header(name = "X-Unread-Count", description = "The caller's unread notices in all"),
            content = @Content(schema = @Schema(implementation = InboxPage.class)))
    public Response list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                         @Valid @BeanParam Paging.Standard paging) {
        StaffNoticeService.Reader me = reader();
        List<NoticeItem> items = notices.inbox(me, unreadOnly, paging.page(), paging.size()).stream()
                .map(this::item).toList();
        long unread = notices.count(me, true);
        InboxPage body = new InboxPage(items, paging.page(), paging.size(), notices.count(me, unreadOnly), unread);
        return Response.ok(body).header("X-Unread-Count", unread).build();
    }

    @GET
    @Path("/count")
    @Operation(summary = "How many notices the caller has, and how many are unread")
    public Count count() {
        return new Count(notices.count(reader(), true), notices.count(reader(), false));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Marks one of the caller's notices read (another's is 404)")
    public NoticeItem read(@PathParam("id") UUID id) {
        return item(notices.markRead(id, reader()));
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Marks all the caller's notices read")
    public Count readAll() {
        notices.markAllRead(reader());
        return count();
    }

    /**
     * A clinic-admin also reads the notices addressed to their clinic's clinic-admins; a social worker
     * those addressed to their organisation.
     */
    private StaffNoticeService.Reader reader() {
        return new StaffNoticeService.Reader(caller.id(),
                caller.hasRole(Roles.CLINIC_ADMIN) ? caller.clinicId().orElse(null) : null,
                caller.hasRole(Roles.SOCIAL_WORKER) ? caller.orgId().orElse(null) : null);
    }

    private NoticeItem item(StaffNotice n) {
        String link = switch (n.kind) {
            case REFERRAL_OVERDUE, REFERRAL_RECEIVED -> portalUrl + "/referrals/" + n.subjectId;
            case DELIVERY_FAILED -> portalUrl + "/deliveries?status=FAILED";
            default -> n.clientId == null ? null : portalUrl + "/clients/" + n.clientId;
        };
        return new NoticeItem(n.id, n.kind, n.kind.title(), n.clinicId, n.subjectId, n.clientId, link, n.createdAt,
                n.readAt);
    }
}
