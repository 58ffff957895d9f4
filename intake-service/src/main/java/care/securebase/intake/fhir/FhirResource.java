package care.securebase.intake.fhir;

import care.securebase.intake.Intake;
import care.securebase.intake.IntakeInstrument;
import care.securebase.instruments.InstrumentCatalog;
import care.securebase.intake.service.ClientService;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;

/** Read-only FHIR R4 views for other systems (a GP's record, a regional registry). */
@Path("/fhir")
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(name = "FHIR R4")
public class FhirResource {

    private final ClientService clients;
    private final InstrumentCatalog catalog;
    private final Fhir fhir;

    public FhirResource(ClientService clients, InstrumentCatalog catalog, Fhir fhir) {
        this.clients = clients;
        this.catalog = catalog;
        this.fhir = fhir;
    }

    @GET
    @Path("/Patient/{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "A client of the caller's clinic as a FHIR R4 Patient")
    public Response patient(@PathParam("id") UUID id) {
        return fhir.ok(PatientMapper.toPatient(clients.visible(id)));
    }

    @GET
    @Path("/QuestionnaireResponse/{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "An instrument completed at intake as a FHIR R4 QuestionnaireResponse")
    public Response questionnaireResponse(@PathParam("id") UUID id) {
        IntakeInstrument given = IntakeInstrument.<IntakeInstrument>findByIdOptional(id).orElseThrow(NotFoundException::new);
        Intake intake = Intake.findById(given.intakeId);
        // Scoped through the client: another clinic's response is answered like a missing one.
        clients.visible(intake.clientId);
        return fhir.ok(QuestionnaireResponseMapper.toResponse(intake, given,
                catalog.find(given.code, given.version).orElseThrow()));
    }

    @GET
    @Path("/QuestionnaireResponse")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "Search: every instrument a client completed at intake, as a FHIR searchset Bundle")
    public Response questionnaireResponses(@QueryParam("subject") String subject, @Context UriInfo uri) {
        if (subject == null || !subject.matches("(Patient/)?[0-9a-fA-F-]{36}")) {
            throw new InvalidFieldException("subject", "must be Patient/<client id>");
        }
        UUID clientId = UUID.fromString(subject.replace("Patient/", ""));
        clients.visible(clientId);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (Intake intake : Intake.<Intake>list("clientId", clientId)) {
            for (IntakeInstrument given : IntakeInstrument.of(intake.id)) {
                var response = QuestionnaireResponseMapper.toResponse(intake, given,
                        catalog.find(given.code, given.version).orElseThrow());
                bundle.addEntry().setResource(response).setFullUrl(
                        uri.getBaseUriBuilder().path("fhir/QuestionnaireResponse/{id}").build(given.id).toString());
            }
        }
        bundle.setTotal(bundle.getEntry().size());
        return fhir.ok(bundle);
    }
}
