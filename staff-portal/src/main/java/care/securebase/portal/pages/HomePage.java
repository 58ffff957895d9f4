package care.securebase.portal.pages;

import care.securebase.portal.api.ReferralsApi;
import care.securebase.portal.web.PortalUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Who you are and the work your role has. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String organisation);
    }

    private final PortalUser user;
    private final ReferralsApi referrals;

    public HomePage(PortalUser user, @RestClient ReferralsApi referrals) {
        this.user = user;
        this.referrals = referrals;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(organisationName());
    }

    /** A social worker's organisation by name; its id will do when the directory cannot be asked. */
    private String organisationName() {
        String orgId = user.orgId();
        if (orgId == null) {
            return null;
        }
        try {
            return referrals.organisations().stream()
                    .filter(o -> orgId.equals(o.id()))
                    .map(ReferralsApi.Organisation::name)
                    .findFirst().orElse(orgId);
        } catch (RuntimeException directoryUnavailable) {
            return orgId;
        }
    }
}
