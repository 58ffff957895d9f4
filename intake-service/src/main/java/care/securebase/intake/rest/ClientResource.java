package care.securebase.intake.rest;

import care.securebase.intake.Client;
import care.securebase.intake.service.ClientService;
import care.securebase.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/clients")
@Tag(name = "Clients")
public class ClientResource {

    private final ClientService clients;

    public ClientResource(ClientService clients) {
        this.clients = clients;
    }

    @POST
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Register a client at the caller's clinic")
    public Response register(@Valid @NotNull RegisterClientRequest request, UriInfo uri) {
        Client client = clients.register(request.toClient());
        return Response.created(uri.getAbsolutePathBuilder().path(client.id.toString()).build())
                .entity(ClientView.of(client)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "One client of the caller's clinic")
    public ClientView get(@PathParam("id") UUID id) {
        return ClientView.of(clients.visible(id));
    }

    @GET
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Clients of the caller's clinic, newest first (clinic-admins may name a clinic)")
    public List<ClientView> list(@QueryParam("clinicId") String clinicId,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return clients.list(clinicId, page, size).stream().map(ClientView::of).toList();
    }
}
