package care.securebase.portal.pages;

import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** Clients: the list, registering one, and completing a client's intake (intake-service). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ClientPages {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<IntakeApi.Client> clients, int page, boolean hasNext);

        static native TemplateInstance show(IntakeApi.Client client, String notice);

        static native TemplateInstance register(RegisterForm form, FieldErrors errors);

        static native TemplateInstance intake(IntakeApi.Client client, IntakeForm form, FieldErrors errors);

        static native TemplateInstance intakeResult(IntakeApi.Intake intake, IntakeApi.Client client);
    }

    private final IntakeApi intake;

    public ClientPages(@RestClient IntakeApi intake) {
        this.intake = intake;
    }

    @GET
    @Path("clients")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    public TemplateInstance list(@QueryParam("page") @DefaultValue("0") int page) {
        int current = Math.max(page, 0);
        List<IntakeApi.Client> clients = intake.clients(current, PAGE_SIZE);
        return Templates.list(clients, current, clients.size() == PAGE_SIZE);
    }

    @GET
    @Path("clients/new")
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public TemplateInstance registerForm() {
        return Templates.register(RegisterForm.blank(), FieldErrors.NONE);
    }

    @POST
    @Path("clients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public Response register(@BeanParam RegisterForm form) {
        try {
            IntakeApi.Client client = intake.register(form.toRequest());
            return seeOther("/clients/" + client.id() + "?done=registered");
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(Templates.register(form, FieldErrors.of(e.problem()))).build();
        }
    }

    @GET
    @Path("clients/{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN})
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        String notice = "registered".equals(done) ? "The client is registered. Complete their intake next." : null;
        return Templates.show(intake.client(id), notice);
    }

    @GET
    @Path("clients/{id}/intake")
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public TemplateInstance intakeForm(@PathParam("id") String id) {
        return Templates.intake(intake.client(id), IntakeForm.blank(), FieldErrors.NONE);
    }

    @POST
    @Path("clients/{id}/intake")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.INTAKE_COORDINATOR)
    public Response completeIntake(@PathParam("id") String id, @BeanParam IntakeForm form) {
        try {
            IntakeApi.Intake done = intake.completeIntake(id, form.toRequest());
            return seeOther("/clients/" + id + "/intakes/" + done.id());
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            FieldErrors errors = FieldErrors.of(e.problem()).and(form.unanswered());
            return Response.status(400).entity(Templates.intake(intake.client(id), form, errors)).build();
        }
    }

    @GET
    @Path("clients/{clientId}/intakes/{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public TemplateInstance intakeResult(@PathParam("clientId") String clientId, @PathParam("id") String id) {
        IntakeApi.Intake result = intake.intake(clientId, id);
        IntakeApi.Client client;
        try {
            client = intake.client(clientId);
        } catch (ServiceFailure notVisible) {
            client = null;
        }
        return Templates.intakeResult(result, client);
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** The register form, named like intake-service's RegisterClient so its field errors land here. */
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

        public List<String> channels() {
            return List.of("EMAIL", "SMS", "NONE");
        }

        static RegisterForm blank() {
            RegisterForm form = new RegisterForm();
            form.preferredChannel = "EMAIL";
            form.language = "en";
            form.timeZone = "Europe/London";
            return form;
        }

        IntakeApi.RegisterClient toRequest() {
            return new IntakeApi.RegisterClient(Forms.orNull(legalName), Forms.orNull(preferredName),
                    Forms.orNull(pronouns), Forms.orNull(dateOfBirth), Forms.orNull(email), Forms.orNull(phone),
                    Forms.orNull(preferredChannel), Forms.orNull(language), Forms.orNull(timeZone));
        }
    }

    /** The intake form: the nine PHQ-9 answers arrive in item order as repeated {@code phq9} fields. */
    public static class IntakeForm {
        @RestForm public String modality;
        @RestForm public String presentingConcerns;
        @RestForm public String clinicianId;
        @RestForm public List<String> phq9;
        @RestForm public String clinicianRiskJudgement;

        static IntakeForm blank() {
            IntakeForm form = new IntakeForm();
            form.modality = "INDIVIDUAL";
            form.phq9 = new ArrayList<>(Collections.nCopies(Phq9.ITEMS.size(), ""));
            return form;
        }

        public List<Phq9.Item> items() {
            List<Phq9.Item> items = new ArrayList<>();
            for (int i = 0; i < Phq9.ITEMS.size(); i++) {
                items.add(new Phq9.Item(i, i + 1, Phq9.ITEMS.get(i), answer(i)));
            }
            return items;
        }

        public List<Phq9.Answer> answers() {
            return Phq9.ANSWERS;
        }

        public String question() {
            return Phq9.QUESTION;
        }

        public List<String> modalities() {
            return List.of("INDIVIDUAL", "COUPLE", "FAMILY");
        }

        public List<String> riskLevels() {
            return List.of("NONE", "LOW", "MODERATE", "HIGH");
        }

        /** Items left unanswered, for naming all of them at once (the service stops at the first). */
        Map<String, String> unanswered() {
            Map<String, String> missing = new LinkedHashMap<>();
            for (int i = 0; i < Phq9.ITEMS.size(); i++) {
                if (!answer(i).strip().matches("[0-3]")) {
                    missing.put("phq9[" + i + "]", "choose an answer for item " + (i + 1));
                }
            }
            return missing;
        }

        /** The answer given to item {@code index} (0-based), or "" when none was chosen. */
        public String answer(int index) {
            return phq9 != null && index < phq9.size() && phq9.get(index) != null ? phq9.get(index) : "";
        }

        IntakeApi.CompleteIntake toRequest() {
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < Phq9.ITEMS.size(); i++) {
                String a = answer(i).strip();
                // An unanswered item goes as null so the service names it (phq9[i]: must not be null).
                answers.add(a.matches("[0-3]") ? Integer.valueOf(a) : null);
            }
            return new IntakeApi.CompleteIntake(Forms.orNull(modality), Forms.orNull(presentingConcerns),
                    Forms.orNull(clinicianId), answers, Forms.orNull(clinicianRiskJudgement));
        }
    }
}
