package care.securebase.portal.pages;

import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.api.Problem;
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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/** Clients (intake-service): the list with filters, registering one (duplicates, guardian), consents. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ClientPages {

    static final int PAGE_SIZE = 20;
    /** The consent form version staff record unless they change it. */
    static final String FORM_VERSION = "consent-form-2026.1";

    /** The list's filters, as the page's query and the service's. */
    public record Filter(String status, String waitlisted, String riskLevel, String q) {
        /** The query string that keeps the filters, ending in "&" or "?" so "page=" can follow. */
        public String base() {
            StringBuilder b = new StringBuilder("/clients?");
            add(b, "status", status);
            add(b, "waitlisted", waitlisted);
            add(b, "riskLevel", riskLevel);
            add(b, "q", q);
            return b.toString();
        }

        public List<String> statuses() {
            return IntakeApi.STATUSES;
        }

        /** Highest first: the filter is mostly used to find who needs attention. */
        public List<String> riskLevels() {
            return List.of("HIGH", "MODERATE", "LOW", "NONE");
        }

        public String caption(long total) {
            return total + (total == 1 ? " client" : " clients") + (any() ? " matching the filters" : "")
                    + ", newest first";
        }

        public boolean any() {
            return status != null || waitlisted != null || riskLevel != null || q != null;
        }

        private static void add(StringBuilder b, String name, String value) {
            if (value != null) {
                b.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<IntakeApi.Client> clients, Filter filter, long total, int page,
                                            boolean hasNext);

        static native TemplateInstance show(IntakeApi.Client client, IntakeApi.Consents consents, ConsentForm consentForm,
                                            FieldErrors errors, String notice);

        static native TemplateInstance register(RegisterForm form, FieldErrors errors,
                                                List<IntakeApi.Duplicate> duplicates);
    }

    private final IntakeApi intake;
    private final PortalUser user;

    public ClientPages(@RestClient IntakeApi intake, PortalUser user) {
        this.intake = intake;
        this.user = user;
    }

    @GET
    @Path("clients")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("waitlisted") String waitlisted,
                                 @QueryParam("riskLevel") String riskLevel, @QueryParam("q") String q,
                                 @QueryParam("page") @DefaultValue("0") int page) {
        int current = Math.max(page, 0);
        Filter filter = new Filter(oneOf(IntakeApi.STATUSES, status), oneOf(List.of("true", "false"), waitlisted),
                oneOf(IntakeApi.RISK_LEVELS, riskLevel), Forms.orNull(q));
        RestResponse<List<IntakeApi.Client>> found = intake.clients(filter.status(), filter.waitlisted(),
                filter.riskLevel(), filter.q(), current, PAGE_SIZE);
        List<IntakeApi.Client> clients = found.getEntity() == null ? List.of() : found.getEntity();
        long total = total(found, clients.size());
        return Templates.list(clients, filter, total, current, (long) (current + 1) * PAGE_SIZE < total);
    }

    static long total(RestResponse<?> response, int fallback) {
        String header = response.getHeaderString("X-Total-Count");
        try {
            return header == null ? fallback : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @GET
    @Path("clients/new")
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public TemplateInstance registerForm() {
        return Templates.register(RegisterForm.blank(), FieldErrors.NONE, List.of());
    }

    @POST
    @Path("clients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public Response register(@BeanParam RegisterForm form) {
        try {
            IntakeApi.Client client = intake.register(Forms.orNull(form.idempotencyKey), form.toRequest());
            return seeOther("/clients/" + client.id() + "?done=registered");
        } catch (ServiceFailure e) {
            Problem problem = e.problem();
            if (problem.isPossibleDuplicate()) {
                // Shown with the matches; sending again with the box ticked registers anyway.
                form.confirmNotDuplicate = null;
                return Response.status(409).entity(Templates.register(form, FieldErrors.NONE, problem.duplicates()))
                        .build();
            }
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(Templates.register(form, FieldErrors.of(problem), List.of())).build();
        }
    }

    @GET
    @Path("clients/{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "registered" -> "The client is registered. Record their consents, then complete their intake.";
            case "consent" -> "The consent is recorded.";
            case "revoked" -> "The consent is revoked.";
            default -> null;
        };
        return page(id, ConsentForm.blank(), FieldErrors.NONE, notice);
    }

    private TemplateInstance page(String id, ConsentForm consentForm, FieldErrors errors, String notice) {
        IntakeApi.Client client = intake.client(id);
        return Templates.show(client, intake.consents(id), consentForm, errors, notice);
    }

    @POST
    @Path("clients/{id}/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN})
    public Response recordConsent(@PathParam("id") String id, @BeanParam ConsentForm form) {
        try {
            intake.recordConsent(id, form.toRequest());
            return seeOther("/clients/" + id + "?done=consent#consents");
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(page(id, form, FieldErrors.of(e.problem()), null)).build();
        }
    }

    @POST
    @Path("clients/{id}/consents/{consentId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN})
    public Response revokeConsent(@PathParam("id") String id, @PathParam("consentId") String consentId,
                                  @RestForm String reason) {
        try {
            intake.revokeConsent(id, consentId, new IntakeApi.Revoke(Forms.orNull(reason)));
            return seeOther("/clients/" + id + "?done=revoked#consents");
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            // The reason field of this consent's row carries the message.
            FieldErrors errors = FieldErrors.of(e.problem()).renamed("reason", "reason-" + consentId);
            return Response.status(400).entity(page(id, ConsentForm.blank(), errors, null)).build();
        }
    }

    /** A form address opened with GET (after signing in again mid-POST): back to the client. */
    @GET
    @Path("clients/{id}/consents{rest: (/[^/]+/revoke)?}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN})
    public Response backToClient(@PathParam("id") String id) {
        return seeOther("/clients/" + id);
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static String oneOf(List<String> allowed, String value) {
        return value != null && allowed.contains(value.strip()) ? value.strip() : null;
    }

    /**
     * The register form. Fields are named like intake-service's RegisterClient, nested ones with a dot
     * ({@code guardian.name}), so the service's field errors land on them.
     */
    public static class RegisterForm {
        @RestForm public String legalName;
        @RestForm public String preferredName;
        @RestForm public String pronouns;
        @RestForm public String dateOfBirth;
        @RestForm public String email;
        @RestForm public String phone;
        @RestForm public String preferredChannel;
        @RestForm public String language;
        @RestForm public String timeZone;
        @RestForm("emergencyContact.name") public String emergencyName;
        @RestForm("emergencyContact.relationship") public String emergencyRelationship;
        @RestForm("emergencyContact.phone") public String emergencyPhone;
        @RestForm("guardian.name") public String guardianName;
        @RestForm("guardian.relationship") public String guardianRelationship;
        @RestForm("guardian.phone") public String guardianPhone;
        @RestForm("guardian.email") public String guardianEmail;
        /** Whose consent to treatment is recorded now: CLIENT, GUARDIAN, or blank for later. */
        @RestForm public String treatmentConsent;
        /** CONTACT_EMAIL and/or CONTACT_SMS, consented at registration. */
        @RestForm public List<String> contactConsents;
        @RestForm public String formVersion;
        @RestForm public String confirmNotDuplicate;
        /** One per form shown, kept when it is shown again with errors or duplicates (nothing was registered then). */
        @RestForm public String idempotencyKey;

        public List<String> channels() {
            return IntakeApi.CHANNELS;
        }

        public boolean contactConsent(String scope) {
            return contactConsents != null && contactConsents.contains(scope);
        }

        static RegisterForm blank() {
            RegisterForm form = new RegisterForm();
            form.preferredChannel = "EMAIL";
            form.language = "en";
            form.timeZone = "Europe/London";
            form.treatmentConsent = "CLIENT";
            form.formVersion = FORM_VERSION;
            form.idempotencyKey = java.util.UUID.randomUUID().toString();
            return form;
        }

        IntakeApi.RegisterClient toRequest() {
            IntakeApi.EmergencyContact emergency = Forms.allBlank(emergencyName, emergencyRelationship, emergencyPhone)
                    ? null : new IntakeApi.EmergencyContact(Forms.orNull(emergencyName),
                    Forms.orNull(emergencyRelationship), Forms.orNull(emergencyPhone));
            IntakeApi.Guardian guardian = Forms.allBlank(guardianName, guardianRelationship, guardianPhone, guardianEmail)
                    ? null : new IntakeApi.Guardian(Forms.orNull(guardianName), Forms.orNull(guardianRelationship),
                    Forms.orNull(guardianPhone), Forms.orNull(guardianEmail));
            List<IntakeApi.NewConsent> consents = new ArrayList<>();
            String whose = oneOf(List.of("CLIENT", "GUARDIAN"), treatmentConsent);
            String version = Forms.orNull(formVersion);
            if (whose != null) {
                consents.add(new IntakeApi.NewConsent("TREATMENT", true, whose, version));
            }
            for (String scope : List.of("CONTACT_EMAIL", "CONTACT_SMS")) {
                if (contactConsent(scope)) {
                    consents.add(new IntakeApi.NewConsent(scope, true, whose == null ? "CLIENT" : whose, version));
                }
            }
            return new IntakeApi.RegisterClient(Forms.orNull(legalName), Forms.orNull(preferredName),
                    Forms.orNull(pronouns), Forms.orNull(dateOfBirth), Forms.orNull(email), Forms.orNull(phone),
                    Forms.orNull(preferredChannel), Forms.orNull(language), Forms.orNull(timeZone), emergency, guardian,
                    consents.isEmpty() ? null : consents, "true".equals(confirmNotDuplicate) ? Boolean.TRUE : null);
        }
    }

    /** Record one consent or refusal; it supersedes the one in force for its scope. */
    public static class ConsentForm {
        @RestForm public String scope;
        @RestForm public String granted;
        @RestForm public String recordedFor;
        @RestForm public String formVersion;

        public List<String> scopes() {
            return IntakeApi.CONSENT_SCOPES;
        }

        public List<String> whose() {
            return List.of("CLIENT", "GUARDIAN");
        }

        static ConsentForm blank() {
            ConsentForm form = new ConsentForm();
            form.granted = "true";
            form.recordedFor = "CLIENT";
            form.formVersion = FORM_VERSION;
            return form;
        }

        IntakeApi.NewConsent toRequest() {
            Boolean given = "true".equals(granted) ? Boolean.TRUE : "false".equals(granted) ? Boolean.FALSE : null;
            return new IntakeApi.NewConsent(Forms.orNull(scope), given, Forms.orNull(recordedFor),
                    Forms.orNull(formVersion));
        }
    }
}
