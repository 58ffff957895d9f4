package care.securebase.referrals.rest;

import care.securebase.kit.input.Label;
import care.securebase.kit.input.Paging;
import care.securebase.kit.input.PersonName;
import care.securebase.kit.security.Roles;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.Program;
import care.securebase.referrals.service.DirectoryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/programs")
@Tag(name = "Directory")
public class ProgramResource {

    static final String TOTAL = "X-Total-Count";

    private final DirectoryService directory;

    public ProgramResource(DirectoryService directory) {
        this.directory = directory;
    }

    /** A program's details, to add one (organisationId required) or to replace one's details. */
    @Schema(name = "ProgramDetails")
    public record ProgramRequest(
            @Size(max = 50) @Schema(examples = "riverside-family",
                    description = "Required to add a program; on update it may only repeat the current one")
            String organisationId,
            @NotBlank @Size(max = 200) @Label @Schema(examples = "Circle of Security parenting group") String name,
            @NotNull Program.Kind kind,
            @Size(max = 2000) @Schema(examples = "Eight weekly sessions for parents of children under six") String description,
            @Size(max = 30) @Schema(examples = "[\"parenting group\",\"childcare during sessions\"]")
            List<@NotBlank @Size(max = 100) @Label String> services,
            @Min(0) @Max(120) @Schema(description = "Youngest eligible age; none if absent") Integer minAge,
            @Min(0) @Max(120) @Schema(description = "Oldest eligible age; none if absent") Integer maxAge,
            @Size(max = 4) @Schema(description = "Who may attend; [CLIENT] if absent") List<Program.@NotNull Attendee> attendees,
            @Size(max = 20) @Schema(examples = "[\"en\",\"es\"]")
            List<@NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?") String> languages,
            @Size(max = 200) @Label @Schema(examples = "Riverside and Eastbank") String area,
            @Schema(description = "In person, remote or both; IN_PERSON if absent (or REMOTE when remote is true)")
            Program.Delivery delivery,
            @Schema(deprecated = true, description = "Older form of delivery: true is REMOTE") Boolean remote,
            @Size(max = 200) @PersonName @Schema(examples = "Dana Whitfield") String contactName,
            @Email @Size(max = 254) @Schema(examples = "parents@riverside-family.example.org") String contactEmail,
            @Pattern(regexp = "\\+?[0-9 ()-]{5,40}") @Schema(examples = "+44 20 7946 0123") String contactPhone,
            @Schema(defaultValue = "true") Boolean acceptingReferrals,
            @Min(0) @Max(10000) @Schema(description = "Places free now; unknown if absent") Integer places,
            @Min(0) @Max(520) @Schema(description = "Weeks' wait for a place; none if absent or 0") Integer waitlistWeeks) {

        Program toProgram() {
            Program program = new Program();
            program.organisationId = organisationId == null || organisationId.isBlank() ? null : organisationId.strip();
            program.name = name.strip();
            program.kind = kind;
            program.description = blankToNull(description);
            program.services = services == null ? new ArrayList<>() : new ArrayList<>(services.stream().map(String::strip).toList());
            program.minAge = minAge;
            program.maxAge = maxAge;
            program.attendees = attendees == null || attendees.isEmpty() ? new ArrayList<>(List.of("CLIENT"))
                    : new ArrayList<>(attendees.stream().distinct().map(Enum::name).toList());
            program.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
            program.area = blankToNull(area);
            program.delivery = delivery != null ? delivery
                    : Boolean.TRUE.equals(remote) ? Program.Delivery.REMOTE : Program.Delivery.IN_PERSON;
            program.contactName = blankToNull(contactName);
            program.contactEmail = blankToNull(contactEmail);
            program.contactPhone = blankToNull(contactPhone);
            program.acceptingReferrals = !Boolean.FALSE.equals(acceptingReferrals);
            program.places = places;
            program.waitlistWeeks = waitlistWeeks;
            return program;
        }
    }

    @Schema(name = "ProgramAvailability")
    public record AvailabilityRequest(
            @NotNull Boolean acceptingReferrals,
            @Min(0) @Max(10000) @Schema(description = "Places free now; unknown if absent") Integer places,
            @Min(0) @Max(520) @Schema(description = "Weeks' wait for a place; none if absent or 0") Integer waitlistWeeks) {
    }

    @Schema(name = "ProgramContact")
    public record ContactView(String name, String email, String phone) {
    }

    @Schema(name = "Program")
    public record ProgramView(UUID id, String organisationId, String organisationName, String name, Program.Kind kind,
                              String description, List<String> services, Integer minAge, Integer maxAge,
                              List<Program.Attendee> attendees, List<String> languages, String area,
                              Program.Delivery delivery,
                              @Schema(description = "Whether it can be attended remotely (delivery REMOTE or BOTH)")
                              boolean remote,
                              ContactView contact, boolean acceptingReferrals, Integer places,
                              Integer waitlistWeeks, Instant updatedAt) {
        static ProgramView of(Program p, PartnerOrganisation org) {
            return new ProgramView(p.id, p.organisationId, org == null ? null : org.name, p.name, p.kind,
                    p.description, List.copyOf(p.services), p.minAge, p.maxAge,
                    p.attendees.stream().map(Program.Attendee::valueOf).toList(), List.copyOf(p.languages), p.area,
                    p.delivery, p.delivery.remote(), new ContactView(p.contactName, p.contactEmail, p.contactPhone),
                    p.acceptingReferrals, p.places, p.waitlistWeeks, p.updatedAt);
        }
    }

    @POST
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "Add a program run by a partner organisation of the directory")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgramView.class)))
    public Response add(@Valid @NotNull ProgramRequest request, UriInfo uri) {
        Program program = directory.addProgram(request.toProgram());
        return Response.created(uri.getAbsolutePathBuilder().path(program.id.toString()).build())
                .entity(view(program)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "Replace a program's details; a partner may change only its own organisation's programs")
    public ProgramView update(@PathParam("id") UUID id, @Valid @NotNull ProgramRequest request) {
        return view(directory.updateProgram(id, request.toProgram()));
    }

    @PUT
    @Path("/{id}/availability")
    @RolesAllowed({Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "Open or close a program to referrals and say how much room it has; partners: their own only")
    public ProgramView availability(@PathParam("id") UUID id, @Valid @NotNull AvailabilityRequest request) {
        return view(directory.updateAvailability(id, new DirectoryService.Availability(request.acceptingReferrals(),
                request.places(), request.waitlistWeeks())));
    }

    @GET
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "Search the directory's programs, by name; every criterion given must match")
    @APIResponse(responseCode = "200", description = "One page of programs",
            headers = @Header(name = TOTAL, description = "How many programs match in all",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProgramView.class)))
    public Response search(
            @QueryParam("kind") Program.Kind kind,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("language") @Parameter(description = "A language tag; en also finds en-GB", example = "es")
            String language,
            @QueryParam("area") @Parameter(description = "Part of the area served, any case", example = "Riverside")
            String area,
            @QueryParam("age") @Min(0) @Max(120)
            @Parameter(description = "The client's age: programs whose age range includes it") Integer age,
            @QueryParam("accepting") @Parameter(description = "Only programs accepting referrals now (or not)")
            Boolean accepting,
            @QueryParam("remote") @Parameter(description = "true: can be attended remotely; false: in person")
            Boolean remote,
            @QueryParam("q") @Parameter(description = "Words in the name, description, services or organisation")
            String q,
            @Valid @BeanParam Paging.Standard paging) {
        Program.Criteria criteria = new Program.Criteria(kind, blankToNull(organisationId), blankToNull(language),
                blankToNull(area), age, accepting, remote, blankToNull(q));
        Program.Found found = directory.programs(criteria, paging.page(), paging.size());
        Map<String, PartnerOrganisation> orgs = directory.organisationsOf(found.programs());
        return Response.ok(found.programs().stream().map(p -> ProgramView.of(p, orgs.get(p.organisationId))).toList())
                .header(TOTAL, found.total()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "One program")
    public ProgramView get(@PathParam("id") UUID id) {
        return view(directory.program(id));
    }

    private ProgramView view(Program program) {
        return ProgramView.of(program, directory.organisationsOf(List.of(program)).get(program.organisationId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
