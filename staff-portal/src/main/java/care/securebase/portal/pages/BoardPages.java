package care.securebase.portal.pages;

import care.securebase.portal.api.ReferralsApi;
import care.securebase.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The care coordinator's board (referrals-service {@code GET /referrals/board}): the clinic's open
 * referrals in one section per status, overdue ones first, so what needs chasing is at the top.
 */
@Path("/board")
@Produces(MediaType.TEXT_HTML)
public class BoardPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(ReferralsApi.Board board, boolean mine);
    }

    private final ReferralsApi referrals;

    public BoardPages(@RestClient ReferralsApi referrals) {
        this.referrals = referrals;
    }

    @GET
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    public TemplateInstance board(@QueryParam("mine") String mine) {
        boolean onlyMine = "true".equals(mine);
        return Templates.board(referrals.board(onlyMine ? Boolean.TRUE : null), onlyMine);
    }
}
