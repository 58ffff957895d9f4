package care.securebase.intake.rest;

import care.securebase.intake.Client;
import care.securebase.intake.matching.DuplicateRules;
import care.securebase.intake.service.ClientService;
import care.securebase.intake.service.PossibleDuplicatesException;
import care.securebase.intake.scoring.Triage;
import care.securebase.kit.idempotency.IdempotencyKey;
import care.securebase.kit.input.Paging;
import care.securebase.kit.input.Text;
import care.securebase.kit.problem.Problem;
import care.securebase.kit.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/clients")
@Tag(name = "Clients")
public class ClientResource {

    private final ClientService clients;
    private final ObjectMapper mapper;

    public ClientResource(ClientService clients, ObjectMapper mapper) {
        this.clients = clients;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Register a client at the caller's clinic")
    @APIResponse(responseCode = "201", description = "Registered. With an Idempotency-Key the caller used before for"
            + " the same request: that request's client, with header " + IdempotencyKey.REPLAYED + ": true")
    @APIResponse(responseCode = "409", description = "Possible duplicates (problem type possible-duplicate); nothing was written")
    public Response register(@Valid @NotNull RegisterClientRequest request, UriInfo uri,
                             @Parameter(in = ParameterIn.HEADER, name = IdempotencyKey.HEADER,
                                     description = "Any unique value (a UUID): retrying with it never registers twice")
                             @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        ClientService.Registered registered;
        try {
            registered = clients.register(new ClientService.Registration(request.toClient(), request.newConsents(),
                    request.confirmedNotDuplicate()), idempotencyKey, fingerprint(request));
        } catch (PossibleDuplicatesException e) {
            return Response.status(409).type(Problem.MEDIA_TYPE)
                    .entity(DuplicatesView.problem(e.duplicates(), uri.getPath())).build();
        }
        Client client = registered.client();
        Response.ResponseBuilder response = Response.created(uri.getAbsolutePathBuilder().path(client.id.toString()).build())
                .entity(ClientView.of(client));
        if (registered.replayed()) {
            response.header(IdempotencyKey.REPLAYED, "true");
        }
        return response.build();
    }

    private String fingerprint(RegisterClientRequest request) {
        try {
            return IdempotencyKey.fingerprint(mapper.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated request cannot be written back as JSON", e);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "One client of the caller's clinic")
    public ClientView get(@PathParam("id") UUID id) {
        return ClientView.of(clients.visible(id));
    }

    @GET
    @Path("/duplicates")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Before registering: clients in the network who may be this person (others' only as a fact)")
    public DuplicatesView duplicates(@QueryParam("legalName") @NotBlank @Size(max = 200) String legalName,
                                     @QueryParam("dateOfBirth") @NotNull LocalDate dateOfBirth,
                                     @QueryParam("email") @Size(max = 254) String email,
                                     @QueryParam("phone") @Size(max = 40) String phone) {
        return DuplicatesView.check(clients.duplicatesOf(new DuplicateRules.Person(Text.nfc(legalName), null,
                dateOfBirth, email, phone)));
    }

    @GET
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Clients of the caller's clinic (clinic-admins: the network, or clinicId), newest first, "
            + "filtered; q matches name or e-mail. The total is in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of clients",
            headers = @Header(name = "X-Total-Count", description = "Clients matching the filters, all pages"))
    public Response list(@QueryParam("clinicId") String clinicId,
                         @QueryParam("status") Client.Status status,
                         @QueryParam("clinicianId") @Size(max = 100) String clinicianId,
                         @QueryParam("waitlisted") Boolean waitlisted,
                         @QueryParam("riskLevel") Triage.RiskLevel riskLevel,
                         @QueryParam("q") @Size(max = 200) String q,
                         @Valid @BeanParam Paging.Standard paging) {
        ClientService.Filter filter = new ClientService.Filter(blankToNull(clinicId), status,
                blankToNull(clinicianId), waitlisted, riskLevel == null ? null : riskLevel.name(), blankToNull(q));
        ClientService.Found found = clients.search(filter, paging);
        return Response.ok(found.clients().stream().map(ClientView::of).toList())
                .header("X-Total-Count", found.total()).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
