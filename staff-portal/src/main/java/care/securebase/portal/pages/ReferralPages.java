package care.securebase.portal.pages;

import care.securebase.portal.api.IntakeApi;
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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The program directory and referrals (referrals-service), for both the clinic's and the partner's side. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReferralPages {

    static final int PAGE_SIZE = 20;
    /** The send form offers this many programs; the directory is small. */
    static final int PROGRAM_CHOICES = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ReferralsApi.Referral> referrals, String status,
                                            List<String> statuses, int page, boolean hasNext, String caption);

        static native TemplateInstance send(SendForm form, List<ReferralsApi.Program> programs,
                                            List<IntakeApi.Client> clients, String clientQ, List<String> urgencies,
                                            FieldErrors errors, String consentMissing);

        static native TemplateInstance consentCheck(String kindWords, String scope, IntakeApi.Consent consent,
                                                    String clientId);

        static native TemplateInstance show(ReferralsApi.Referral referral, List<ReferralActions.Action> actions,
                                            String key, FieldErrors errors, String notice, String problem);
    }

    /** The client picker offers this many of the clinic's clients, newest first, or those matching a search. */
    static final int CLIENT_CHOICES = 50;

    private final ReferralsApi referrals;
    private final IntakeApi intake;
    private final PortalUser user;

    public ReferralPages(@RestClient ReferralsApi referrals, @RestClient IntakeApi intake, PortalUser user) {
        this.referrals = referrals;
        this.intake = intake;
        this.user = user;
    }

    /** The clinic's referrals, or for a social worker the organisation's inbox: the service knows which. */
    @GET
    @Path("referrals")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.SOCIAL_WORKER, Roles.CLINIC_ADMIN})
    public TemplateInstance list(@QueryParam("status") String status,
                                 @QueryParam("page") @DefaultValue("0") int page) {
        int current = Math.max(page, 0);
        String chosen = oneOf(ReferralsApi.STATUSES, status);
        List<ReferralsApi.Referral> found = referrals.referrals(chosen, current, PAGE_SIZE);
        String caption = "Referrals" + (chosen == null ? "" : " – " + care.securebase.portal.web.Formats.label(chosen))
                + ", newest first";
        return Templates.list(found, chosen, ReferralsApi.STATUSES, current, found.size() == PAGE_SIZE, caption);
    }

    @GET
    @Path("referrals/new")
    @RolesAllowed(Roles.CARE_COORDINATOR)
    public TemplateInstance sendForm(@QueryParam("clientId") String clientId,
                                     @QueryParam("programId") String programId,
                                     @QueryParam("clientQ") String clientQ) {
        SendForm form = new SendForm();
        form.clientId = Forms.orNull(clientId);
        form.programId = Forms.orNull(programId);
        form.urgency = "ROUTINE";
        form.sharedItems = new java.util.ArrayList<>(List.of("REASON"));
        return Templates.send(form, programChoices(), clientChoices(form.clientId, Forms.orNull(clientQ)),
                Forms.orNull(clientQ), ReferralsApi.URGENCIES, FieldErrors.NONE, null);
    }

    /**
     * Whether the chosen client has consented to sharing with the chosen program's kind (intake's
     * consents): an htmx fragment of the send form, so the coordinator knows before sending. Nothing
     * when either is not chosen yet or a service cannot be asked; referrals-service checks again.
     */
    @GET
    @Path("referrals/new/consent")
    @RolesAllowed(Roles.CARE_COORDINATOR)
    public Response consentCheck(@QueryParam("clientId") String clientId, @QueryParam("programId") String programId) {
        String client = Forms.orNull(clientId);
        String program = Forms.orNull(programId);
        if (client == null || program == null) {
            return Response.ok("").build();
        }
        try {
            String kind = referrals.program(program).kind();
            String scope = "SHARE_" + kind;
            IntakeApi.Consent consent = intake.consents(client).current().stream()
                    .filter(c -> scope.equals(c.scope()) && c.granted()).findFirst().orElse(null);
            return Response.ok(Templates.consentCheck(kindWords(kind), scope, consent, client)).build();
        } catch (ServiceFailure | jakarta.ws.rs.ProcessingException unknown) {
            return Response.ok("").build();
        }
    }

    @POST
    @Path("referrals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CARE_COORDINATOR)
    public Response send(@BeanParam SendForm form) {
        try {
            ReferralsApi.Referral sent = referrals.send(form.toRequest());
            return ClientPages.seeOther("/referrals/" + sent.id() + "?done=sent");
        } catch (ServiceFailure e) {
            List<ReferralsApi.Program> programs = programChoices();
            if (e.status() == 409) {
                // The client has not consented to sharing with this kind of program: say which consent.
                String missing = consentMissing(e, programs, form.programId);
                String kind = scopeOf(e, programs, form.programId);
                String onField = kind == null ? missing
                        : "needs the client's consent to share with " + kindWords(kind.substring("SHARE_".length()));
                return Response.status(409).entity(Templates.send(form, programs, clientChoices(form.clientId, null),
                        null, ReferralsApi.URGENCIES, FieldErrors.of(java.util.Map.of("programId", onField)), missing))
                        .build();
            }
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(Templates.send(form, programs, clientChoices(form.clientId, null), null,
                    ReferralsApi.URGENCIES, FieldErrors.of(e.problem()), null)).build();
        }
    }

    /**
     * The service's 409 names programId and, in its detail, the scope (SHARE_PARENTING_PROGRAM);
     * said here in words with the program's kind.
     */
    static String consentMissing(ServiceFailure e, List<ReferralsApi.Program> programs, String programId) {
        String code = scopeOf(e, programs, programId);
        if (code == null) {
            String detail = e.problem().detail();
            return detail == null || detail.isBlank() ? "This referral cannot be sent now." : detail;
        }
        return "The client has not consented to sharing with " + kindWords(code.substring("SHARE_".length()))
                + " (consent " + code + "). Record the client's consent on their record first, then send the referral.";
    }

    /** The consent scope the service named in its detail, else the one the chosen program's kind needs. */
    static String scopeOf(ServiceFailure e, List<ReferralsApi.Program> programs, String programId) {
        String detail = e.problem().detail() == null ? "" : e.problem().detail();
        java.util.regex.Matcher scope = java.util.regex.Pattern.compile("SHARE_[A-Z_]+").matcher(detail);
        if (scope.find()) {
            return scope.group();
        }
        return programs.stream().filter(p -> p.id().equals(programId)).map(p -> "SHARE_" + p.kind())
                .findFirst().orElse(null);
    }

    /** A program kind as the partners it covers: PARENTING_PROGRAM is "parenting programs". */
    static String kindWords(String kind) {
        return switch (kind) {
            case "SOCIAL_WORK" -> "social work services";
            case "SUPPORT_GROUP" -> "support groups";
            case "PARENTING_PROGRAM" -> "parenting programs";
            case "PRIMARY_CARE" -> "primary care";
            case "SCHOOL" -> "schools";
            case "HOUSING" -> "housing services";
            case "CRISIS_SERVICE" -> "crisis services";
            default -> care.securebase.portal.web.Formats.label(kind).toLowerCase(java.util.Locale.ROOT) + " programs";
        };
    }

    @GET
    @Path("referrals/{id}")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.SOCIAL_WORKER, Roles.CLINIC_ADMIN})
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "sent" -> "The referral is sent. The organisation is notified by e-mail.";
            case "accept" -> "You accepted the referral.";
            case "decline" -> "You declined the referral.";
            case "start" -> "Work with the client has started.";
            case "complete" -> "The referral is completed.";
            case "schedule" -> "The first appointment is set.";
            case "cancel" -> "The referral is withdrawn.";
            default -> null;
        };
        return page(referrals.referral(id), FieldErrors.NONE, notice, null);
    }

    /** One move of the referral; the form's key makes a repeated submission harmless. */
    @POST
    @Path("referrals/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.CARE_COORDINATOR})
    public Response move(@PathParam("id") String id, @PathParam("action") String name,
                         @RestForm String idempotencyKey, @RestForm String reason, @RestForm String outcome,
                         @RestForm String date, @RestForm String note) {
        ReferralActions.Action action = ReferralActions.named(name).orElseThrow(NotFoundException::new);
        if (!user.has(action.role())) {
            throw new io.quarkus.security.ForbiddenException();
        }
        String key = Forms.orNull(idempotencyKey);
        try {
            switch (action.name()) {
                case "accept" -> referrals.accept(id, key);
                case "decline" -> referrals.decline(id, key, new ReferralsApi.Reason(Forms.orNull(reason), Forms.orNull(note)));
                case "schedule" -> referrals.schedule(id, key, new ReferralsApi.Schedule(Forms.orNull(date), Forms.orNull(note)));
                case "start" -> referrals.start(id, key);
                case "complete" -> referrals.complete(id, key, new ReferralsApi.Outcome(Forms.orNull(outcome), Forms.orNull(note)));
                case "cancel" -> referrals.cancel(id, key, new ReferralsApi.Reason(Forms.orNull(reason), Forms.orNull(note)));
                default -> throw new NotFoundException();
            }
            return ClientPages.seeOther("/referrals/" + id + "?done=" + action.name());
        } catch (ServiceFailure e) {
            if (e.status() == 409) {
                return Response.status(409).entity(page(referrals.referral(id), FieldErrors.NONE, null,
                        e.problem().detail() == null ? "The referral has moved on; this is no longer possible."
                                : e.problem().detail())).build();
            }
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(page(referrals.referral(id), FieldErrors.of(e.problem()), null, null))
                    .build();
        }
    }

    /** A move's address opened with GET (after signing in again mid-POST): back to the referral. */
    @GET
    @Path("referrals/{id}/{action: accept|decline|schedule|start|complete|cancel}")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.SOCIAL_WORKER, Roles.CLINIC_ADMIN})
    public Response backToReferral(@PathParam("id") String id) {
        return ClientPages.seeOther("/referrals/" + id);
    }

    private TemplateInstance page(ReferralsApi.Referral referral, FieldErrors errors, String notice, String problem) {
        return Templates.show(referral, ReferralActions.available(referral.status(), user.roles()),
                UUID.randomUUID().toString(), errors, notice, problem);
    }

    /** A filter value from the query, if it is one of the known ones (List.of refuses contains(null)). */
    static String oneOf(List<String> known, String value) {
        return value != null && known.contains(value) ? value : null;
    }

    private List<ReferralsApi.Program> programChoices() {
        return referrals.programs(null, 0, PROGRAM_CHOICES);
    }

    /** The clinic's clients to pick from (those matching the search), with the chosen one always among them. */
    private List<IntakeApi.Client> clientChoices(String chosenId, String q) {
        List<IntakeApi.Client> clients = new java.util.ArrayList<>();
        try {
            List<IntakeApi.Client> found = intake.clients(null, null, null, q, 0, CLIENT_CHOICES).getEntity();
            clients.addAll(found == null ? List.of() : found);
        } catch (ServiceFailure | jakarta.ws.rs.ProcessingException unavailable) {
            // Without the list the form asks for the client's id instead.
            return List.of();
        }
        if (chosenId != null && clients.stream().noneMatch(c -> chosenId.equals(c.id()))) {
            try {
                clients.add(0, intake.client(chosenId));
            } catch (ServiceFailure notVisible) {
                // A client id that is not the clinic's: the service will say so on sending.
            }
        }
        return clients;
    }

    /** The send form, named like referrals-service's CreateReferral so its field errors land here. */
    public static class SendForm {
        @RestForm public String clientId;
        @RestForm public String programId;
        @RestForm public String reason;
        @RestForm public String hopes;
        @RestForm public String urgency;
        @RestForm public String respondBy;
        @RestForm public List<String> sharedItems;
        @RestForm public String sharedInformation;

        public List<String> allSharedItems() {
            return ReferralsApi.SHARED_ITEMS;
        }

        public boolean shares(String item) {
            return sharedItems != null && sharedItems.contains(item);
        }

        /** Exactly what was ticked: nothing ticked shares only the note. */
        ReferralsApi.SendReferral toRequest() {
            List<String> items = sharedItems == null ? List.of() : sharedItems.stream()
                    .filter(ReferralsApi.SHARED_ITEMS::contains).distinct().toList();
            return new ReferralsApi.SendReferral(Forms.orNull(clientId), Forms.orNull(programId),
                    Forms.orNull(reason), Forms.orNull(hopes), Forms.orNull(urgency), Forms.orNull(respondBy),
                    items, Forms.orNull(sharedInformation));
        }
    }
}
