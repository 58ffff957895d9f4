package care.securebase.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** One FHIR R4 context for the service: building it scans the model, so it is made once. */
@ApplicationScoped
public class Fhir {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String CLIENT_ID_SYSTEM = "https://securebase.care/fhir/sid/client-id";
    static final String CLINIC_ID_SYSTEM = "https://securebase.care/fhir/sid/clinic-id";

    private final FhirContext context = FhirContext.forR4Cached();

    public String toJson(IBaseResource resource) {
        return context.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    /** A read's answer: application/fhir+json, also to a client that asked for plain JSON (as HAPI does). */
    public Response ok(IBaseResource resource) {
        return Response.ok(toJson(resource), MEDIA_TYPE).build();
    }
}
