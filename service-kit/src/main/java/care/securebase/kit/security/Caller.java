package care.securebase.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the access token: a member of clinic staff carries {@code clinic_id}, a
 * partner organisation's social worker or system carries {@code org_id}.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** A stable, readable staff id: the Keycloak username, or the client id of a machine caller. */
    public String id() {
        String username = token.getClaim("preferred_username");
        return username != null ? username : token.getClaim("azp");
    }

    public Optional<String> clinicId() {
        return Optional.ofNullable(token.<String>getClaim("clinic_id")).filter(s -> !s.isBlank());
    }

    public Optional<String> orgId() {
        return Optional.ofNullable(token.<String>getClaim("org_id")).filter(s -> !s.isBlank());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Clinic-admins see the whole network. */
    public boolean seesAllClinics() {
        return hasRole(Roles.CLINIC_ADMIN);
    }

    /** Whether data of this clinic is visible to the caller. */
    public boolean canSeeClinic(String clinicId) {
        return seesAllClinics() || clinicId().map(clinicId::equals).orElse(false);
    }

    /** The caller's own clinic; staff without one in their token may not act for any clinic. */
    public String requireClinic() {
        return clinicId().orElseThrow(() -> new ForbiddenException("Your account belongs to no clinic"));
    }

    public String requireOrganisation() {
        return orgId().orElseThrow(() -> new ForbiddenException("Your account belongs to no partner organisation"));
    }
}
