package care.securebase.notifications.rest;

import care.securebase.kit.input.Paging;
import care.securebase.kit.security.Roles;
import care.securebase.notifications.service.NoticeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/notices")
@Tag(name = "Partner notices")
public class NoticeResource {

    private final NoticeService notices;

    public NoticeResource(NoticeService notices) {
        this.notices = notices;
    }

    @GET
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "The log of e-mails telling partner organisations a referral awaits them, newest first")
    public List<NoticeView> list(@Valid @BeanParam Paging.Standard paging) {
        return notices.list(paging.page(), paging.size()).stream().map(NoticeView::of).toList();
    }
}
