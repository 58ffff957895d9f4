package care.securebase.portal.pages;

import care.securebase.portal.api.ReferralsApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
import care.securebase.portal.web.PortalUser;
import care.securebase.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The community directory (referrals-service): search by kind, language, area, age and whether a
 * program takes referrals now; a program's details; and its upkeep: clinic-admins add and edit
 * organisations and programs, a partner's social worker keeps the own organisation's programs'
 * availability. The service decides who may change what (another organisation's program is 404).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DirectoryPages {

    static final int PAGE_SIZE = 20;

    /** The search, as the page's query and the service's. Values are as typed; {@link #age()} is checked. */
    public record Search(String kind, String language, String area, String age, String accepting, String remote,
                         String q) {

        public String base() {
            StringBuilder b = new StringBuilder("/programs?");
            add(b, "kind", kind);
            add(b, "language", language);
            add(b, "area", area);
            add(b, "age", age);
            add(b, "accepting", accepting);
            add(b, "remote", remote);
            add(b, "q", q);
            return b.toString();
        }

        public boolean any() {
            return kind != null || language != null || area != null || age != null || accepting != null
                    || remote != null || q != null;
        }

        public List<String> kinds() {
            return ReferralsApi.KINDS;
        }

        public String caption(long total) {
            return total + (total == 1 ? " program" : " programs") + (any() ? " matching the search" : "") + ", by name";
        }

        Integer ageNumber() {
            return age == null ? null : Integer.valueOf(age);
        }

        private static void add(StringBuilder b, String name, String value) {
            if (value != null) {
                b.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(List<ReferralsApi.Program> programs, Search search, long total, int page,
                                              boolean hasNext, FieldErrors errors);

        static native TemplateInstance program(ReferralsApi.Program program, boolean mayKeep, FieldErrors errors,
                                               String notice);

        static native TemplateInstance programForm(String programId, ProgramForm form,
                                                   List<ReferralsApi.Organisation> organisations, FieldErrors errors);

        static native TemplateInstance organisations(List<ReferralsApi.Organisation> organisations, String notice);

        static native TemplateInstance organisationForm(boolean isNew, OrganisationForm form, FieldErrors errors);

        static native TemplateInstance ours(List<ReferralsApi.Program> programs, String organisation);
    }

    private final ReferralsApi referrals;
    private final PortalUser user;

    public DirectoryPages(@RestClient ReferralsApi referrals, PortalUser user) {
        this.referrals = referrals;
        this.user = user;
    }

    // --- Search and detail ------------------------------------------------------------------------

    @GET
    @Path("programs")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    public Response search(@QueryParam("kind") String kind, @QueryParam("language") String language,
                           @QueryParam("area") String area, @QueryParam("age") String age,
                           @QueryParam("accepting") String accepting, @QueryParam("remote") String remote,
                           @QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page) {
        int current = Math.max(page, 0);
        Search search = new Search(ReferralPages.oneOf(ReferralsApi.KINDS, kind), Forms.orNull(language),
                Forms.orNull(area), Forms.orNull(age), "true".equals(accepting) ? "true" : null,
                ReferralPages.oneOf(List.of("true", "false"), remote), Forms.orNull(q));
        String ageError = wholeNumberError(search.age(), 0, 120);
        if (ageError != null) {
            // Checked here: the service would answer 400 for the whole page.
            return Response.status(400).entity(Templates.search(List.of(), search, 0, current, false,
                    FieldErrors.of(Map.of("age", ageError)))).build();
        }
        RestResponse<List<ReferralsApi.Program>> found = referrals.searchPrograms(search.kind(), null,
                search.language(), search.area(), search.ageNumber(), search.accepting() == null ? null : Boolean.TRUE,
                search.remote() == null ? null : Boolean.valueOf(search.remote()), search.q(), current, PAGE_SIZE);
        List<ReferralsApi.Program> programs = found.getEntity() == null ? List.of() : found.getEntity();
        long total = ClientPages.total(found, current * PAGE_SIZE + programs.size());
        return Response.ok(Templates.search(programs, search, total, current,
                (long) (current + 1) * PAGE_SIZE < total, FieldErrors.NONE)).build();
    }

    @GET
    @Path("programs/{id: [0-9a-fA-F-]{36}}")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    public TemplateInstance program(@PathParam("id") String id, @QueryParam("done") String done) {
        ReferralsApi.Program program = referrals.program(id);
        String notice = switch (done == null ? "" : done) {
            case "saved" -> "The program's details are saved.";
            case "added" -> "The program is in the directory.";
            case "availability" -> program.acceptingReferrals() ? "The program takes referrals now."
                    : "The program takes no referrals for now.";
            default -> null;
        };
        return Templates.program(program, mayKeep(program), FieldErrors.NONE, notice);
    }

    /** Open or close a program to referrals, and how much room it has. */
    @POST
    @Path("programs/{id}/availability")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    public Response availability(@PathParam("id") String id, @RestForm String acceptingReferrals,
                                 @RestForm String places, @RestForm String waitlistWeeks) {
        Map<String, String> own = new LinkedHashMap<>();
        Integer room = number("places", places, 0, 10000, own);
        Integer weeks = number("waitlistWeeks", waitlistWeeks, 0, 520, own);
        try {
            if (own.isEmpty()) {
                referrals.availability(id, new ReferralsApi.Availability("true".equals(acceptingReferrals), room, weeks));
                return ClientPages.seeOther("/programs/" + id + "?done=availability");
            }
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            ReferralsApi.Program program = referrals.program(id);
            return Response.status(400).entity(Templates.program(program, mayKeep(program), FieldErrors.of(e.problem()),
                    null)).build();
        }
        ReferralsApi.Program program = referrals.program(id);
        return Response.status(400).entity(Templates.program(program, mayKeep(program), FieldErrors.of(own), null))
                .build();
    }

    /** Whether this user keeps the program: clinic-admins all, a social worker the own organisation's. */
    private boolean mayKeep(ReferralsApi.Program program) {
        return user.has(Roles.CLINIC_ADMIN)
                || user.has(Roles.SOCIAL_WORKER) && user.orgId() != null && user.orgId().equals(program.organisationId());
    }

    // --- Programs: add and edit -------------------------------------------------------------------

    @GET
    @Path("programs/new")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public TemplateInstance newProgram(@QueryParam("organisationId") String organisationId) {
        ProgramForm form = new ProgramForm();
        form.organisationId = organisationId;
        form.acceptingReferrals = "true";
        form.delivery = "IN_PERSON";
        form.attendees = new ArrayList<>(List.of("CLIENT"));
        return Templates.programForm(null, form, referrals.organisations(), FieldErrors.NONE);
    }

    @POST
    @Path("programs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response addProgram(@BeanParam ProgramForm form) {
        Map<String, String> own = new LinkedHashMap<>();
        ReferralsApi.ProgramDetails details = form.toRequest(own);
        FieldErrors errors;
        if (own.isEmpty()) {
            try {
                ReferralsApi.Program added = referrals.addProgram(details);
                return ClientPages.seeOther("/programs/" + added.id() + "?done=added");
            } catch (ServiceFailure e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                errors = FieldErrors.of(e.problem());
            }
        } else {
            errors = FieldErrors.of(own);
        }
        return Response.status(400).entity(Templates.programForm(null, form, referrals.organisations(), errors)).build();
    }

    @GET
    @Path("programs/{id}/edit")
    @RolesAllowed({Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    public TemplateInstance editProgram(@PathParam("id") String id) {
        ReferralsApi.Program program = referrals.program(id);
        if (!mayKeep(program)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Templates.programForm(id, ProgramForm.of(program), organisationsFor(program), FieldErrors.NONE);
    }

    @POST
    @Path("programs/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    public Response updateProgram(@PathParam("id") String id, @BeanParam ProgramForm form) {
        Map<String, String> own = new LinkedHashMap<>();
        ReferralsApi.ProgramDetails details = form.toRequest(own);
        FieldErrors errors;
        if (own.isEmpty()) {
            try {
                referrals.updateProgram(id, details);
                return ClientPages.seeOther("/programs/" + id + "?done=saved");
            } catch (ServiceFailure e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                errors = FieldErrors.of(e.problem());
            }
        } else {
            errors = FieldErrors.of(own);
        }
        return Response.status(400).entity(Templates.programForm(id, form, referrals.organisations(), errors)).build();
    }

    /** A program's organisation never changes: the edit form offers only its own. */
    private List<ReferralsApi.Organisation> organisationsFor(ReferralsApi.Program program) {
        return List.of(new ReferralsApi.Organisation(program.organisationId(), program.organisationName(), null));
    }

    // --- A partner's own programs -----------------------------------------------------------------

    @GET
    @Path("our-programs")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    public TemplateInstance ours() {
        String orgId = user.orgId();
        List<ReferralsApi.Program> programs = orgId == null ? List.of()
                : nonNull(referrals.searchPrograms(null, orgId, null, null, null, null, null, null, 0, 100).getEntity());
        String name = programs.isEmpty() ? orgId : programs.get(0).organisationName();
        return Templates.ours(programs, name);
    }

    // --- Organisations ----------------------------------------------------------------------------

    @GET
    @Path("organisations")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public TemplateInstance organisations(@QueryParam("done") String done) {
        return Templates.organisations(referrals.organisations(),
                "saved".equals(done) ? "The organisation is saved." : null);
    }

    @GET
    @Path("organisations/new")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public TemplateInstance newOrganisation() {
        return Templates.organisationForm(true, new OrganisationForm(), FieldErrors.NONE);
    }

    @GET
    @Path("organisations/{id}")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public TemplateInstance editOrganisation(@PathParam("id") String id) {
        ReferralsApi.Organisation org = referrals.organisation(id);
        OrganisationForm form = new OrganisationForm();
        form.id = org.id();
        form.name = org.name();
        form.noticeEmail = org.noticeEmail();
        return Templates.organisationForm(false, form, FieldErrors.NONE);
    }

    /** Adding and editing are one PUT in the service; a new one names its id (the slug of org_id). */
    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response saveOrganisation(@BeanParam OrganisationForm form, @RestForm String isNew) {
        boolean adding = "true".equals(isNew);
        String id = Forms.orNull(form.id);
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*") || id.length() > 50) {
            return Response.status(400).entity(Templates.organisationForm(adding, form, FieldErrors.of(Map.of("id",
                    id == null ? "is required" : "use lower-case letters, digits and single dashes, e.g. riverside-family"))))
                    .build();
        }
        if (adding && referrals.organisations().stream().anyMatch(o -> id.equals(o.id()))) {
            // The service's PUT would quietly rename the existing one.
            return Response.status(409).entity(Templates.organisationForm(true, form, FieldErrors.of(Map.of("id",
                    "is already used by another organisation; choose another, or edit that one")))).build();
        }
        try {
            referrals.saveOrganisation(id, new ReferralsApi.SaveOrganisation(Forms.orNull(form.name),
                    Forms.orNull(form.noticeEmail)));
            return ClientPages.seeOther("/organisations?done=saved");
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(Templates.organisationForm(adding, form, FieldErrors.of(e.problem())))
                    .build();
        }
    }

    // --- Forms --------------------------------------------------------------------------------------

    public static class OrganisationForm {
        @RestForm public String id;
        @RestForm public String name;
        @RestForm public String noticeEmail;
    }

    /** Named like the service's ProgramDetails, so its field errors land on the fields. */
    public static class ProgramForm {
        @RestForm public String organisationId;
        @RestForm public String name;
        @RestForm public String kind;
        @RestForm public String description;
        @RestForm public String services;
        @RestForm public String minAge;
        @RestForm public String maxAge;
        @RestForm public List<String> attendees;
        @RestForm public String languages;
        @RestForm public String area;
        @RestForm public String delivery;
        @RestForm public String contactName;
        @RestForm public String contactEmail;
        @RestForm public String contactPhone;
        @RestForm public String acceptingReferrals;
        @RestForm public String places;
        @RestForm public String waitlistWeeks;

        public List<String> kinds() {
            return ReferralsApi.KINDS;
        }

        public List<String> deliveries() {
            return ReferralsApi.DELIVERIES;
        }

        public List<String> allAttendees() {
            return ReferralsApi.ATTENDEES;
        }

        public boolean attends(String who) {
            return attendees != null && attendees.contains(who);
        }

        static ProgramForm of(ReferralsApi.Program p) {
            ProgramForm f = new ProgramForm();
            f.organisationId = p.organisationId();
            f.name = p.name();
            f.kind = p.kind();
            f.description = p.description();
            f.services = Forms.joinLines(p.services());
            f.minAge = p.minAge() == null ? null : p.minAge().toString();
            f.maxAge = p.maxAge() == null ? null : p.maxAge().toString();
            f.attendees = new ArrayList<>(p.attendees());
            f.languages = String.join(", ", p.languages());
            f.area = p.area();
            f.delivery = p.delivery();
            if (p.contact() != null) {
                f.contactName = p.contact().name();
                f.contactEmail = p.contact().email();
                f.contactPhone = p.contact().phone();
            }
            f.acceptingReferrals = Boolean.toString(p.acceptingReferrals());
            f.places = p.places() == null ? null : p.places().toString();
            f.waitlistWeeks = p.waitlistWeeks() == null ? null : p.waitlistWeeks().toString();
            return f;
        }

        ReferralsApi.ProgramDetails toRequest(Map<String, String> errors) {
            List<String> langs = languages == null ? List.of()
                    : Arrays.stream(languages.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new ReferralsApi.ProgramDetails(Forms.orNull(organisationId), Forms.orNull(name), Forms.orNull(kind),
                    Forms.orNull(description), Forms.lines(services), number("minAge", minAge, 0, 120, errors),
                    number("maxAge", maxAge, 0, 120, errors),
                    attendees == null || attendees.isEmpty() ? null : List.copyOf(attendees), langs, Forms.orNull(area),
                    Forms.orNull(delivery), Forms.orNull(contactName), Forms.orNull(contactEmail),
                    Forms.orNull(contactPhone), "true".equals(acceptingReferrals),
                    number("places", places, 0, 10000, errors), number("waitlistWeeks", waitlistWeeks, 0, 520, errors));
        }
    }

    /** A whole number within bounds, or null when blank; anything else is noted in errors. */
    static Integer number(String field, String value, int min, int max, Map<String, String> errors) {
        String error = wholeNumberError(Forms.orNull(value), min, max);
        if (error != null) {
            errors.put(field, error);
            return null;
        }
        return Forms.orNull(value) == null ? null : Integer.valueOf(value.strip());
    }

    static String wholeNumberError(String value, int min, int max) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n < min || n > max ? "must be between " + min + " and " + max : null;
        } catch (NumberFormatException e) {
            return "must be a whole number";
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
