package care.securebase.notifications.rest;

import care.securebase.kit.security.Roles;
import care.securebase.notifications.service.NoticeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
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
    public List<NoticeView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return notices.list(page, size).stream().map(NoticeView::of).toList();
    }
}
