package care.securebase.kit.security;

/** The realm roles, as written in deploy/keycloak/securebase-realm.json. */
public final class Roles {
    public static final String INTAKE_COORDINATOR = "intake-coordinator";
    public static final String CLINICIAN = "clinician";
    public static final String CARE_COORDINATOR = "care-coordinator";
    public static final String SOCIAL_WORKER = "social-worker";
    public static final String CLINIC_ADMIN = "clinic-admin";

    private Roles() {
    }
}
