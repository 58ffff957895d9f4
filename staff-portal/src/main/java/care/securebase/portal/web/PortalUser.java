package care.securebase.portal.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person, for the pages ({@code {inject:user.name}}). Names and clinic come from the
 * ID token, roles from the access token, the same roles the services authorise on.
 */
@Named("user")
@RequestScoped
public class PortalUser {

    private final SecurityIdentity identity;
    private final JsonWebToken idToken;

    public PortalUser(SecurityIdentity identity, JsonWebToken idToken) {
        this.identity = identity;
        this.idToken = idToken;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** The Keycloak username, which is also the staff id the services record (e.g. "clara"). */
    public String username() {
        String username = claim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    public String name() {
        String name = claim("name");
        if (name != null) {
            return name;
        }
        String given = claim("given_name");
        String family = claim("family_name");
        if (given != null || family != null) {
            return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        return username();
    }

    public String clinicId() {
        return claim("clinic_id");
    }

    public String orgId() {
        return claim("org_id");
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** "Clinician", or "Care coordinator, Clinic administrator" for someone with two roles. */
    public String roleLabel() {
        String label = Roles.LABELS.entrySet().stream()
                .filter(e -> identity.hasRole(e.getKey()))
                .map(java.util.Map.Entry::getValue)
                .collect(Collectors.joining(", "));
        return label.isEmpty() ? "No SecureBase role" : label;
    }

    public List<Cards.Card> cards() {
        return Cards.forRoles(identity.getRoles());
    }

    private String claim(String name) {
        if (identity.isAnonymous()) {
            return null;
        }
        Object value = idToken.getClaim(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
