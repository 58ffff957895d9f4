package care.securebase.intake.fhir;

import care.securebase.intake.service.ClientService;
import care.securebase.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read-only FHIR R4 views for other systems (a GP's record, a regional registry). */
@Path("/fhir")
@Tag(name = "FHIR R4")
public class FhirResource {

    private final ClientService clients;
    private final Fhir fhir;

    public FhirResource(ClientService clients, Fhir fhir) {
        this.clients = clients;
        this.fhir = fhir;
    }

    @GET
    @Path("/Patient/{id}")
    @Produces(Fhir.MEDIA_TYPE)
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "A client of the caller's clinic as a FHIR R4 Patient")
    public String patient(@PathParam("id") UUID id) {
        return fhir.toJson(PatientMapper.toPatient(clients.visible(id)));
    }
}
