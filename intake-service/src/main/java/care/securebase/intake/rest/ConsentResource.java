package care.securebase.intake.rest;

import care.securebase.intake.Consent;
import care.securebase.intake.service.ConsentService;
import care.securebase.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/clients/{clientId}/consents")
@Tag(name = "Consents")
public class ConsentResource {

    private final ConsentService consents;

    public ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    @Schema(name = "RevokeConsent")
    public record RevokeRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    /** {@code current}: the consents in force, one per scope at most; {@code history}: every record, newest first. */
    public record ConsentsView(List<ConsentView> current, List<ConsentView> history) {
    }

    @POST
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "Record a consent or refusal; it supersedes the one in force for its scope")
    public Response record(@PathParam("clientId") UUID clientId, @Valid @NotNull RecordConsentRequest request) {
        Consent consent = consents.record(clientId, request.toNewConsent());
        return Response.created(UriBuilder.fromResource(ConsentResource.class).path("{id}").build(clientId, consent.id))
                .entity(ConsentView.of(consent)).build();
    }

    @GET
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "The client's consents in force and their history")
    public ConsentsView list(@PathParam("clientId") UUID clientId) {
        List<ConsentView> history = consents.history(clientId).stream().map(ConsentView::of).toList();
        return new ConsentsView(history.stream().filter(ConsentView::current).toList(), history);
    }

    @GET
    @Path("{consentId}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "One consent record of the client")
    public ConsentView get(@PathParam("clientId") UUID clientId, @PathParam("consentId") UUID consentId) {
        return ConsentView.of(consents.visible(clientId, consentId));
    }

    @POST
    @Path("{consentId}/revoke")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "Revoke the consent in force; the reason stays in intake-service")
    public ConsentView revoke(@PathParam("clientId") UUID clientId, @PathParam("consentId") UUID consentId,
                              @Valid @NotNull RevokeRequest request) {
        return ConsentView.of(consents.revoke(clientId, consentId, request.reason().strip()));
    }
}
