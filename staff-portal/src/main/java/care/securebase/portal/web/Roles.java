package care.securebase.portal.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The realm roles (as in deploy/keycloak/securebase-realm.json) and how the pages name them. */
public final class Roles {
    public static final String INTAKE_COORDINATOR = "intake-coordinator";
    public static final String CLINICIAN = "clinician";
    public static final String CARE_COORDINATOR = "care-coordinator";
    public static final String SOCIAL_WORKER = "social-worker";
    public static final String CLINIC_ADMIN = "clinic-admin";

    /** In the order a person with several roles sees them. */
    public static final Map<String, String> LABELS = labels();

    private Roles() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(INTAKE_COORDINATOR, "Intake coordinator");
        labels.put(CLINICIAN, "Clinician");
        labels.put(CARE_COORDINATOR, "Care coordinator");
        labels.put(SOCIAL_WORKER, "Social worker");
        labels.put(CLINIC_ADMIN, "Clinic administrator");
        return Collections.unmodifiableMap(labels);
    }
}
