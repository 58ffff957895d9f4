package care.securebase.notifications.staff;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's admin API for users, as far as the staff directory needs it. Called with the
 * {@code notifications-service} client's own token; its service account holds realm-management's
 * {@code view-users} and nothing more.
 */
@RegisterRestClient(configKey = "staff-directory")
@Path("/admin/realms/{realm}/users")
public interface KeycloakUsers {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<User> byUsername(@HeaderParam("Authorization") String authorization, @PathParam("realm") String realm,
                          @QueryParam("username") String username, @QueryParam("exact") boolean exact);

    /** Only what is needed to address a message; the rest of Keycloak's answer is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String username, String email) {
    }
}
